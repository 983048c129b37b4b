// The browser UI against a real `statecraft serve` on loopback: load it, edit a salience, run,
// see the chart change, move a lever slider (timed), run a sweep, a what-if and an optimize,
// take screenshots.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launch, parseArguments, check } = require('./browser');

function startServer(binary, db) {
  return new Promise((resolve, reject) => {
    const server = spawn(binary, ['serve', '--port', '0', '--db', db],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) resolve({ server, url: match[1] });
    });
    server.on('exit', (code) => reject(new Error('statecraft serve exited with ' + code)));
    setTimeout(() => reject(new Error('statecraft serve did not start')), 20000);
  });
}

(async () => {
  const options = parseArguments();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-ui-'));
  const { server, url } = await startServer(options.binary, path.join(folder, 'runs.sqlite'));
  const { context, close } = await launch({ width: 1400, height: 1000 });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (message) => console.log('[console]', message.text()));
    const updates = async () => Number(await page.evaluate(() => document.body.dataset.updates || 0));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => Number(document.body.dataset.updates || 0) >= 1, null, { timeout: 20000 });
    check(await page.locator('#charts svg.chart[data-chart="trajectory"]').count() > 0, 'the UI loads and shows the charts');
    check(await page.locator('#editor input').count() > 0, 'the scenario table editor is filled');

    const cell = '#outcomes td[data-model="compromise"][data-issue="sanctions"]';
    const outcomeBefore = await page.textContent(cell);
    const chartsBefore = await page.innerHTML('#charts');
    const salience = '#editor input[data-actor="USA"][data-issue="sanctions"][data-field="salience"][data-part="central"]';
    // Below the stake's low end first: the server refuses it and the UI shows its message.
    await page.fill(salience, '5');
    await page.dispatchEvent(salience, 'change');
    await page.waitForFunction(() => document.querySelector('#status').className === 'error', null, { timeout: 20000 });
    const message = await page.textContent('#status');
    check(/salience/.test(message), 'an invalid edit shows the server\'s message: ' + message);
    const low = salience.replace('"central"', '"low"');
    await page.fill(low, '0');
    await page.dispatchEvent(low, 'change');
    const before = await updates();
    await page.click('#run-button');
    await page.waitForFunction((n) => Number(document.body.dataset.updates || 0) >= n + 1, before, { timeout: 20000 });
    await page.waitForFunction(() => /saved as run \d+/.test(document.querySelector('#status').textContent), null, { timeout: 20000 });
    const outcomeAfter = await page.textContent(cell);
    check(outcomeAfter !== outcomeBefore, `editing USA's salience on sanctions moves the compromise (${outcomeBefore} -> ${outcomeAfter})`);
    check(await page.innerHTML('#charts') !== chartsBefore, 'the charts change');
    await page.screenshot({ path: path.resolve(options.out, 'ui_after_edit.png'), fullPage: true });

    // Lever slider: each move re-runs every chosen model; the UI shows the time from the request
    // to the rendered answer.
    const timings = [];
    const slider = '[data-lever-slider="L1"]';
    for (const value of ['11', '13', '15', '17', '19', '20', '12', '14', '16', '18']) {
      const count = await updates();
      await page.fill(slider, value);
      await page.waitForFunction((n) => Number(document.body.dataset.updates || 0) >= n + 1, count, { timeout: 20000 });
      timings.push(Number(await page.getAttribute('#timing', 'data-ms')));
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)];
    console.log('slider re-run times (ms, sorted): ' + timings.join(', '));
    // Each move was answered with a re-run (waited for above). How fast is a measurement, reported
    // here and in docs/performance/web.md, not a pass/fail bound: a shared CI machine varies.
    check(timings.every((ms) => Number.isFinite(ms) && ms > 0), 'every slider move reports its re-run time');
    console.log(`slider re-run median: ${median} ms`);
    check(await page.isChecked('[data-lever="L1"]'), 'moving a slider switches its lever on');

    // A sweep with progress.
    await page.selectOption('#sweep-model', 'compromise');
    await page.fill('#sweep-draws', '300');
    await page.click('#sweep-start');
    await page.waitForFunction(() => document.querySelector('#sweep-status').textContent === 'done', null, { timeout: 60000 });
    check(await page.locator('#sweep-result tbody tr').count() > 0, 'the sweep shows its quantiles');
    check(Number(await page.getAttribute('#sweep-progress', 'value')) === 1, 'the sweep progress reaches 1');
    const report = page.frameLocator('#job-report');
    await report.locator('svg.chart[data-chart="distribution"]').first().waitFor({ timeout: 20000 });
    check(true, "the sweep's report charts are shown (distribution)");
    await report.locator('svg.chart[data-chart="tornado"]').first().waitFor({ timeout: 20000 });
    check(true, "the sweep's report charts are shown (tornado of drivers)");

    // A what-if of every plan over the chosen models, cancelled after its first model ...
    await page.fill('#sweep-draws', '400');
    await page.click('#whatif-start');
    await page.waitForFunction(() => !document.querySelector('#sweep-cancel').disabled, null, { timeout: 20000 });
    await page.click('#sweep-cancel');
    await page.waitForFunction(() => document.querySelector('#sweep-status').textContent === 'cancelled', null, { timeout: 60000 });
    check(Number(await page.getAttribute('#sweep-progress', 'value')) < 1, 'a cancelled what-if stops before its last model');
    // ... and run to the end with two models.
    for (const model of ['mean', 'median', 'weighted_median', 'eum', 'smp']) {
      await page.uncheck(`#models input[value="${model}"]`);
    }
    await page.fill('#sweep-draws', '100');
    await page.click('#whatif-start');
    await page.waitForFunction(() => document.querySelector('#sweep-status').textContent === 'done', null, { timeout: 120000 });
    await report.locator('svg.chart[data-chart="plans"]').first().waitFor({ timeout: 20000 });
    check(true, "the what-if's report charts are shown (baseline vs plans)");
    // Optimize: a small search (compromise, 40 draws) as a job with progress; the cheapest plan
    // appears with its probabilities, as the API computes it for the same request.
    await page.selectOption('#optimize-issue', 'sanctions');
    await page.selectOption('#optimize-direction', '>=');
    await page.fill('#optimize-value', '55');
    await page.fill('#optimize-probability', '0.6');
    await page.fill('#optimize-draws', '40');
    check(await page.isChecked('#optimize-models input[value="compromise"]'), 'optimize: compromise is chosen at first');
    await page.click('#optimize-start');
    await page.waitForFunction(() => document.querySelector('#optimize-status').textContent === 'done', null, { timeout: 120000 });
    check(Number(await page.getAttribute('#optimize-progress', 'value')) === 1, 'the optimize progress reaches 1');
    check(await page.getAttribute('#optimize-result', 'data-outcome') === 'best', 'optimize finds a cheapest plan');
    const shownBest = await page.$$eval('#optimize-result table[data-role="best"] tbody td', (cells) => cells.map((cell) => cell.textContent));
    const direct = await page.evaluate(async () => {
      const body = { document: state.document, target: 'sanctions>=55', probability: 0.6, draws: 40, models: ['compromise'], save: false };
      const started = await (await fetch('/api/optimize', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
      for (;;) {
        const job = await (await fetch(`/api/jobs/${started.job}`)).json();
        if (job.status !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    check(direct.status === 'done' && direct.result.best !== null, 'the API answers the same optimize request');
    const best = direct.result.best;
    const leverText = best.levers.map((l) => `${l.lever}=${l.magnitude}`).join(' + ') || 'no lever';
    check(shownBest[0] === leverText, `the cheapest plan's levers are shown: ${shownBest[0]}`);
    check(shownBest[1] === String(best.cost), `its cost is shown: ${shownBest[1]}`);
    check(shownBest[3] === `${(100 * best.probability).toFixed(1)} %`, `its probability is shown: ${shownBest[3]}`);
    check(shownBest[4] === `${(100 * best.probability_with_counter_levers).toFixed(1)} %`, `its probability against counter-levers is shown: ${shownBest[4]}`);
    check(shownBest[5].length > 0, `its best counter-plan is shown: ${shownBest[5]}`);
    const runnersUp = await page.locator('#optimize-result table[data-role="runners-up"] tbody tr').count();
    check(runnersUp === direct.result.runners_up.length, `the runners-up are shown (${runnersUp})`);
    const summary = await page.textContent('#optimize-result p');
    check(/saved as run \d+/.test(summary), 'the optimisation is saved: ' + summary);
    await page.screenshot({ path: path.resolve(options.out, 'ui_optimize.png'), fullPage: true });

    // A target no plan reaches: the closest plans instead.
    await page.selectOption('#optimize-issue', 'munitions');
    await page.selectOption('#optimize-direction', '<=');
    await page.fill('#optimize-value', '5');
    await page.fill('#optimize-probability', '0.9');
    await page.click('#optimize-start');
    await page.waitForFunction(() => document.querySelector('#optimize-status').textContent === 'done', null, { timeout: 120000 });
    check(await page.getAttribute('#optimize-result', 'data-outcome') === 'closest', 'an unreachable target shows the closest plans');
    check(await page.locator('#optimize-result table[data-role="closest"] tbody tr').count() > 0, 'the closest plans are listed');

    // A longer search, cancelled: the job ends cancelled, its answer neither shown nor saved.
    const runsBefore = await page.evaluate(async () => (await (await fetch('/api/runs?limit=0')).json()).runs.length);
    await page.fill('#optimize-draws', '1000');
    await page.click('#optimize-start');
    await page.waitForFunction(() => !document.querySelector('#optimize-cancel').disabled, null, { timeout: 20000 });
    await page.click('#optimize-cancel');
    await page.waitForFunction(() => document.querySelector('#optimize-status').textContent === 'cancelled', null, { timeout: 120000 });
    check(await page.locator('#optimize-result table').count() === 0, 'a cancelled optimisation shows no answer');
    const runsAfter = await page.evaluate(async () => (await (await fetch('/api/runs?limit=0')).json()).runs.length);
    check(runsAfter === runsBefore, 'a cancelled optimisation is not saved');

    await page.click('#history-refresh');
    await page.waitForFunction(() => document.querySelectorAll('#history tbody tr').length >= 2, null, { timeout: 10000 });
    check(true, 'the run history lists the saved runs');
    const kinds = await page.$$eval('#history tbody tr td:nth-child(2)', (cells) => cells.map((cell) => cell.textContent));
    check(kinds.includes('optimize') && kinds.includes('whatif') && kinds.includes('sweep'), 'the history holds the optimisation, what-if and sweep: ' + kinds.join(', '));
    const shot = path.resolve(options.out, 'ui.png');
    await page.screenshot({ path: shot, fullPage: true });
    check(fs.statSync(shot).size > 50000, 'screenshot ' + shot);
  } finally {
    await close();
    server.kill('SIGTERM');
    fs.rmSync(folder, { recursive: true, force: true });
  }
})().catch((error) => { console.error(error); process.exit(1); });
