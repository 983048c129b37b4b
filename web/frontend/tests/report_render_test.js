// Renders the report of the built-in scenario in headless Chromium, with every network request
// refused, to PNG; checks that every kind of chart is there, drawn, and that nothing was fetched.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { launch, parseArguments, check, inkOf } = require('./browser');

(async () => {
  const options = parseArguments();
  const report = path.resolve(options.out, 'report.html');
  const printed = execFileSync(options.binary, ['report', '-o', report, '--draws', '40'],
    { encoding: 'utf8' });
  check(printed.trim() === report, 'statecraft report prints the path it wrote');
  check(fs.statSync(report).size > 10000, 'the report file is written');

  const { context, close } = await launch({ width: 1400, height: 900 });
  try {
    const requested = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requested.push(url);
      return route.abort();
    });
    const page = context.pages()[0] || await context.newPage();
    await page.goto('file://' + report, { waitUntil: 'load' });
    check(requested.length === 0, 'opening the report fetches nothing (' + requested.join(', ') + ')');
    for (const kind of ['trajectory', 'distribution', 'plans', 'tornado']) {
      const count = await page.locator(`svg.chart[data-chart="${kind}"]`).count();
      check(count > 0, `${count} ${kind} chart(s)`);
      const box = await page.locator(`svg.chart[data-chart="${kind}"]`).first().boundingBox();
      check(box && box.width > 300 && box.height > 100, `the first ${kind} chart has a size`);
      const ink = await inkOf(page, `svg.chart[data-chart="${kind}"]`);
      check(ink > 2000, `the first ${kind} chart draws something (${ink} dark pixels)`);
    }
    const lines = await page.locator('svg.chart[data-chart="trajectory"] >> nth=0 >> polyline').count();
    check(lines >= 3, `the first trajectory chart has ${lines} lines`);
    check(await page.locator('svg.chart[data-chart="trajectory"] polyline.outcome').count() > 0,
      'the outcome is emphasised in the trajectories');
    for (const table of ['#forecast-table', '#backtest-table', '#stakes-table']) {
      check(await page.locator(table).count() === 1, `table ${table}`);
    }
    check(await page.locator('ul.sources li').count() > 0, 'the sources are listed');
    const png = path.resolve(options.out, 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    const header = fs.readFileSync(png).subarray(0, 8);
    check(header.toString('hex') === '89504e470d0a1a0a', 'a PNG screenshot was written: ' + png);
    check(fs.statSync(png).size > 50000, 'the screenshot is not blank (' + fs.statSync(png).size + ' bytes)');
  } finally {
    await close();
  }
})().catch((error) => { console.error(error); process.exit(1); });
