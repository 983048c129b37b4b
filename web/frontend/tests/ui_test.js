// The browser UI against a real `statecraft serve` on loopback: load it, edit a salience, run,
// see the chart change, move a lever slider (timed), run a sweep, take screenshots.
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
    await page.click('#history-refresh');
    await page.waitForFunction(() => document.querySelectorAll('#history tbody tr').length >= 2, null, { timeout: 10000 });
    check(true, 'the run history lists the saved runs');
    const shot = path.resolve(options.out, 'ui.png');
    await page.screenshot({ path: shot, fullPage: true });
    check(fs.statSync(shot).size > 50000, 'screenshot ' + shot);
  } finally {
    await close();
    server.kill('SIGTERM');
    fs.rmSync(folder, { recursive: true, force: true });
  }
})().catch((error) => { console.error(error); process.exit(1); });
