// Renders reports in headless Chromium with every network request refused: the built-in
// scenario's (at 1024 px and at 1600 px wide, and as printed) and the reports of a saved
// optimisation, what-if and sweep. Checks that each leads with its answer, that every chart is
// drawn, that no text in a chart overlaps another or leaves the chart, that nothing is wider
// than the window, that picking actors highlights them, and that nothing was fetched; writes
// screenshots (PNG) and the printed report (PDF) to the output folder.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launch, parseArguments, check, inkOf } = require('./browser');

// Pairs of <text> elements of one chart whose boxes overlap (by more than a pixel each way), and
// texts that leave their chart; both empty for a chart whose labels are laid out well.
async function textCollisions(page) {
  return page.evaluate(() => {
    const problems = [];
    document.querySelectorAll('svg.chart').forEach((svg, index) => {
      const frame = svg.getBoundingClientRect();
      const name = `${svg.dataset.chart} #${index} "${svg.getAttribute('aria-label').slice(0, 60)}"`;
      const boxes = [];
      svg.querySelectorAll('text').forEach((text) => {
        const box = text.getBoundingClientRect();
        if (box.width === 0 || getComputedStyle(text).display === 'none') return;
        if (box.left < frame.left - 1 || box.right > frame.right + 1 ||
            box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
          problems.push(`${name}: "${text.textContent}" leaves the chart`);
        }
        boxes.push({ box, text: text.textContent });
      });
      for (let a = 0; a < boxes.length; a++) {
        for (let b = a + 1; b < boxes.length; b++) {
          const p = boxes[a].box;
          const q = boxes[b].box;
          const dx = Math.min(p.right, q.right) - Math.max(p.left, q.left);
          const dy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
          if (dx > 1 && dy > 1.5) {
            problems.push(`${name}: "${boxes[a].text}" overlaps "${boxes[b].text}"`);
          }
        }
      }
    });
    return problems;
  });
}

// axe-core's serious and critical violations in the page. The report's Content-Security-Policy
// refuses script tags, so axe is evaluated through the debugging protocol, which it does not
// govern.
async function accessibilityViolations(page) {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

async function checkReport(context, file, label, width, out, shots) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto('file://' + file, { waitUntil: 'load' });
  const first = await page.evaluate(() => {
    const section = document.querySelector('main section');
    return { id: section && section.id, top: section ? section.getBoundingClientRect().top : 1e9 };
  });
  check(first.id === 'answer' && first.top < 450,
    `${label} at ${width} px: the answer section comes first, on the first screen (top ${Math.round(first.top)} px)`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  check(overflow <= width, `${label} at ${width} px: nothing is wider than the window (${overflow} px)`);
  const collisions = await textCollisions(page);
  check(collisions.length === 0, `${label} at ${width} px: no text in a chart overlaps another or leaves it` +
    (collisions.length ? '\n  ' + collisions.slice(0, 12).join('\n  ') : ''));
  const charts = await page.locator('svg.chart').count();
  for (let k = 0; k < charts; k++) {
    const selector = `svg.chart >> nth=${k}`;
    const box = await page.locator(selector).boundingBox();
    check(box && box.width > 300 && box.height > 100, `${label}: chart ${k + 1} of ${charts} has a size (${box && Math.round(box.width)} x ${box && Math.round(box.height)})`);
  }
  if (width === 1600) {
    const violations = await accessibilityViolations(page);
    check(violations.length === 0, `${label}: no serious accessibility violation (axe-core)` +
      (violations.length ? '\n  ' + violations.slice(0, 12).join('\n  ') : ''));
  }
  await page.screenshot({ path: path.resolve(out, shots + '-first-screen.png') });
  await page.screenshot({ path: path.resolve(out, shots + '.png'), fullPage: true });
  return page;
}

(async () => {
  const options = parseArguments();
  const out = options.out;
  const report = path.resolve(out, 'report.html');
  const printed = execFileSync(options.binary, ['report', '-o', report, '--draws', '40'],
    { encoding: 'utf8' });
  check(printed.trim() === report, 'statecraft report prints the path it wrote');
  check(fs.statSync(report).size > 10000, 'the report file is written');

  // Saved runs of three kinds, in a store of their own.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-report-'));
  const db = path.join(folder, 'runs.sqlite');
  const runs = {
    optimize: ['optimize', '--target', 'munitions<=60', '--probability', '0.6', '--draws', '40'],
    whatif: ['whatif', '--model', 'eum', '--target', 'munitions<=60', '--draws', '40'],
    sweep: ['sweep', '--model', 'eum', '--target', 'munitions<=60', '--draws', '40'],
  };
  const saved = {};
  for (const [kind, args] of Object.entries(runs)) {
    execFileSync(options.binary, [...args, '--db', db, '--format', 'json'], { encoding: 'utf8' });
    const listed = JSON.parse(execFileSync(options.binary,
      ['runs', 'list', '--db', db, '--limit', '1', '--format', 'json'], { encoding: 'utf8' }));
    saved[kind] = path.resolve(out, `report-${kind}.html`);
    execFileSync(options.binary, ['report', '--run', String(listed.runs[0].id), '--db', db,
      '-o', saved[kind]], { encoding: 'utf8' });
  }

  const { context, close } = await launch({ width: 1600, height: 900 });
  try {
    const requested = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requested.push(url);
      return route.abort();
    });

    const wide = await checkReport(context, report, 'the built-in report', 1600, out, 'report-1600');
    for (const kind of ['trajectory', 'distribution', 'plans', 'tornado', 'backtest']) {
      const count = await wide.locator(`svg.chart[data-chart="${kind}"]`).count();
      check(count > 0, `${count} ${kind} chart(s)`);
      const ink = await inkOf(wide, `svg.chart[data-chart="${kind}"]`);
      check(ink > 2000, `the first ${kind} chart draws something (${ink} dark pixels)`);
    }
    check(await wide.locator('svg.chart[data-chart="trajectory"] polyline.outcome').count() > 0,
      'the outcome is emphasised in the trajectories');
    check(await wide.locator('svg.chart[data-chart="trajectory"] rect.band').count() > 0,
      "eum's cycles are drawn as bands");
    for (const table of ['#forecast-table', '#plans-table', '#backtest-table', '#stakes-table']) {
      check(await wide.locator(table).count() === 1, `table ${table}`);
    }
    check(await wide.locator('ul.sources li').count() > 0, 'the sources are listed');

    // Picking an actor dims the others in every chart (CSS only).
    const opacity = (selector) => wide.evaluate((s) => getComputedStyle(document.querySelector(s)).opacity, selector);
    const picked = 'svg.chart[data-chart="trajectory"] g.actor[data-actor="2"]';
    const other = 'svg.chart[data-chart="trajectory"] g.actor[data-actor="0"]';
    check(await opacity(other) === '1', 'before picking, every actor is drawn in full');
    await wide.check('#pick-2');
    await wide.waitForTimeout(300);
    check(await opacity(picked) === '1' && Number(await opacity(other)) < 0.5,
      `picking CHN keeps it in full (${await opacity(picked)}) and dims the others (${await opacity(other)})`);
    await wide.locator('svg.chart[data-chart="trajectory"] >> nth=6').screenshot({ path: path.resolve(out, 'report-highlight.png') });
    await wide.uncheck('#pick-2');

    // As printed: no navigation or picker, a PDF.
    await wide.emulateMedia({ media: 'print' });
    check(await wide.locator('nav.contents').isHidden(), 'printed, the contents bar is hidden');
    await wide.screenshot({ path: path.resolve(out, 'report-print.png'), fullPage: true });
    await wide.pdf({ path: path.resolve(out, 'report.pdf'), format: 'A4', printBackground: true });
    check(fs.statSync(path.resolve(out, 'report.pdf')).size > 50000, 'the report prints to a PDF');
    await wide.close();

    (await checkReport(context, report, 'the built-in report', 1024, out, 'report-1024')).close();
    for (const [kind, file] of Object.entries(saved)) {
      for (const width of [1024, 1600]) {
        (await checkReport(context, file, `the report of a saved ${kind}`, width, out,
          `report-${kind}-${width}`)).close();
      }
    }
    check(requested.length === 0, 'opening the reports fetches nothing (' + requested.join(', ') + ')');
    const png = path.resolve(out, 'report-1600.png');
    const header = fs.readFileSync(png).subarray(0, 8);
    check(header.toString('hex') === '89504e470d0a1a0a', 'a PNG screenshot was written: ' + png);
    check(fs.statSync(png).size > 50000, 'the screenshot is not blank (' + fs.statSync(png).size + ' bytes)');
  } finally {
    await close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
})().catch((error) => { console.error(error); process.exit(1); });
