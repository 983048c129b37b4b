// The issue's "done when", walked as an analyst on a 1024 px laptop screen, without the README:
// open the UI, load a scenario of one's own from a KTAB CSV file and from a Decide file, add a
// lever in the Levers & plans view, state the question in the Answer view, run it, and read the
// answer at the top of the page (the cheapest plan or that none reaches the target, the
// probability with no lever, the deal, the drivers, where the models disagree), then the same
// answer at the top of the HTML report written from the Answer view, and download it. Nothing in
// the Scenario, Levers & plans and Answer views is cut off, and axe-core finds no serious
// violation in the answered view. Screenshots of every step.
'use strict';
const fs = require('fs');
const path = require('path');
const { parseArguments, check, kRepository, seriousViolations } = require('./browser');
const { openApp, openView, typeInto, waitValid, waitJob, screenshot, clippedText } = require('./ui_steps');

// Each case: the file, the lever the analyst adds (who moves, on which issue, how far) and the
// question asked of it.
const kCases = [
  {
    name: 'ktab', file: 'data/ktab/dummyData_3Dim.csv', actor: 'SActor-02', issue: null, cancelReport: true,
    description: 'Pay SActor-02 to soften its stance', unit: 'points SActor-02 moves down', high: '60',
    target: { direction: '<=', value: '55', probability: '0.5', text: 'Can the first issue be held at 55 or below?' },
  },
  {
    name: 'decide', file: 'data/gpl/decide/decide_sample_data.toll_case.txt', actor: 'VVDs', issue: 'tolheffing-binnenstad',
    description: 'Persuade the VVD to accept a city toll', unit: 'points the VVD moves up', high: '80', factor: '1',
    // The median voter model too: under it the new lever reaches the target, so this walk reads
    // a cheapest plan at the top (and the report, written with the answer's models, the same).
    models: ['median'], reached: true,
    target: { direction: '>=', value: '60', probability: '0.5', text: 'Will the council introduce a city-centre toll (60 or more)?' },
  },
];

async function opened(page, before) {
  await page.waitForFunction((n) => document.body.dataset.opened && Number(window.statecraft.app.revision) > n, before, { timeout: 20000 });
  await waitValid(page);
}

async function walk(page, { out, folder }, item) {
  // Open the file with the header's Open button (the file picker).
  const before = await page.evaluate(() => window.statecraft.app.revision);
  await page.setInputFiles('#file-input', path.join(kRepository, item.file));
  await opened(page, before);
  const scenario = await page.textContent('#scenario-name');
  check(scenario.trim().length > 0, `${item.name}: ${path.basename(item.file)} opens as "${scenario.trim()}"`);
  const issue = item.issue || await page.evaluate(() => window.statecraft.app.document.issues[0].name);
  await openView(page, 'scenario');
  const clippedScenario = await clippedText(page, 'main');
  check(clippedScenario.length === 0, `${item.name}: nothing in the Scenario view's tables is cut off at 1024 px${clippedScenario.length ? `: ${clippedScenario.join('; ')}` : ''}`);
  await screenshot(page, out, `analyst-${item.name}-opened-1024`);

  // Add a lever: one actor moves on the question's issue.
  await openView(page, 'levers');
  const count = await page.evaluate(() => (window.statecraft.app.document.levers || []).length);
  await page.click('[data-action="add-lever"]');
  const at = `levers[${count}]`;
  const lever = `.lever-card[data-path="${at}"]`;
  await page.waitForSelector(lever);
  await typeInto(page, `${lever} input[data-path="${at}.description"]`, item.description);
  await typeInto(page, `${lever} input[data-path="${at}.unit"]`, item.unit);
  await page.selectOption(`${lever} select[data-path="${at}.effects[0].type"]`, 'shift_position');
  for (const box of await page.$$(`${lever} [data-path="${at}.effects[0].actors"] input:checked`)) await box.uncheck();
  await page.check(`${lever} [data-key="${at}.effects[0].actors-${item.actor}"]`);
  for (const box of await page.$$(`${lever} [data-path="${at}.effects[0].issues"] input:checked`)) await box.uncheck();
  await page.check(`${lever} [data-key="${at}.effects[0].issues-${issue}"]`);
  await typeInto(page, `${lever} input[data-path="${at}.effects[0].factor"]`, item.factor || '-1');
  await typeInto(page, `${lever} input[data-path="${at}.magnitude"][data-part="high"]`, item.high);
  await waitValid(page);
  const summary = await page.textContent(`${lever} .lever-summary`);
  check(summary === `${item.description} · magnitude 0 – 10 – ${item.high}`, `${item.name}: the lever's summary follows its edits: ${summary}`);
  const levers = await page.evaluate(() => window.statecraft.app.levers.map((entry) => entry.name));
  check(levers.length === count + 1, `${item.name}: the server reads the new lever (${levers.join(', ')})`);
  const clipped = await clippedText(page, 'main');
  check(clipped.length === 0, `${item.name}: nothing in Levers & plans is cut off at 1024 px${clipped.length ? `: ${clipped.join('; ')}` : ''}`);
  await screenshot(page, out, `analyst-${item.name}-lever-1024`);

  // State the question and answer it.
  await openView(page, 'answer');
  await page.selectOption('select[data-key="question-issue"]', issue);
  await page.selectOption('select[data-key="question-direction"]', item.target.direction);
  await typeInto(page, 'input[data-key="question-value"]', item.target.value);
  await typeInto(page, 'input[data-key="question-probability"]', item.target.probability);
  await typeInto(page, 'textarea[data-key="question-text"]', item.target.text);
  await waitValid(page);
  for (const model of item.models || []) await page.check(`[data-role="answer-models"] input[value="${model}"]`);
  await page.fill('[data-role="answer-draws"]', '60');
  await page.fill('[data-role="answer-optimise-draws"]', '30');
  await page.click('[data-action="answer-start"]');
  check(await waitJob(page, 'answer-job', 240000) === 'done', `${item.name}: the question is answered`);
  await page.waitForSelector('[data-role="answer-result"]');
  await screenshot(page, out, `analyst-${item.name}-answer-1024`);

  // The answer at the top of the page: the question restated, then the cards.
  const first = await page.evaluate(() => {
    const result = document.querySelector('[data-role="answer-result"]');
    const top = (selector) => result.querySelector(selector).getBoundingClientRect().top + window.scrollY;
    return {
      question: result.querySelector('.question-text').textContent,
      cheapest: result.querySelector('[data-role="answer-cheapest"]').textContent,
      baseline: result.querySelector('[data-role="answer-baseline"] .answer-value').textContent,
      deal: result.querySelector('[data-role="answer-deal"]').textContent,
      drivers: [...result.querySelectorAll('[data-role="answer-drivers"] li')].map((entry) => entry.textContent),
      driversNote: result.querySelector('[data-role="answer-drivers"]').textContent,
      disagree: result.querySelector('[data-role="disagreements"]').textContent,
      cardsTop: Math.max(top('[data-role="answer-cheapest"]'), top('[data-role="answer-drivers"]')),
      chartTop: top('svg[data-chart="probability"]'),
    };
  });
  check(first.question === item.target.text, `${item.name}: the answer restates the question: ${first.question}`);
  check(/Cheapest plan that meets the target/.test(first.cheapest) && (/cost \d/.test(first.cheapest) || /none of the declared levers/.test(first.cheapest)),
    `${item.name}: the answer names the cheapest plan and its cost, or that none reaches the target: ${first.cheapest}`);
  if (item.reached) check(/cost \d/.test(first.cheapest) && first.cheapest.includes(item.description), `${item.name}: the new lever is the cheapest plan, with its description`);
  check(/\d+ %/.test(first.baseline), `${item.name}: P(target) with no lever: ${first.baseline}`);
  // A file of point values (KTAB's) has no uncertain input to rank: the card says so and how to
  // give one a range.
  check(first.drivers.length > 0 ? first.drivers.every((entry) => /ρ [+−]\d\.\d\d$/.test(entry)) : /no range/.test(first.driversNote),
    `${item.name}: what drives ${issue}: ${first.drivers.length ? first.drivers.join('; ') : first.driversNote}`);
  check(/The deal/.test(first.deal), `${item.name}: the deal card says whether a plan offers one: ${first.deal}`);
  check(/Where the models disagree/.test(first.disagree), `${item.name}: where the models disagree: ${first.disagree.replace('Where the models disagree', '')}`);
  check(first.cardsTop < first.chartTop, `${item.name}: the answer's cards come before the charts`);
  // The P(target) chart ends with the plan the server's search found, labelled as such with its
  // levers and cost, and weighed under every model that answered.
  const foundRow = await page.evaluate(() => {
    const chart = document.querySelector('[data-role="answer-result"] svg[data-chart="probability"]');
    const label = chart.querySelector('text.label.found');
    if (!label) return null;
    const table = document.querySelector('table[data-role="answer-probabilities"]');
    const row = [...table.querySelectorAll('tbody tr')].find((tr) => tr.cells[0].textContent === 'found by the search');
    return { label: label.textContent, note: label.nextElementSibling.textContent, cells: row ? [...row.cells].slice(3).map((cell) => cell.textContent) : null };
  });
  check(foundRow && foundRow.label === 'found by the search' && /cost \d/.test(foundRow.note) && foundRow.cells && foundRow.cells.every((cell) => /\d %/.test(cell)),
    `${item.name}: the P(target) chart and table show the plan the search found, with its cost and a probability per model: ${foundRow ? `${foundRow.note}; ${foundRow.cells}` : 'missing'}`);
  const clippedAnswer = await clippedText(page, '[data-role="answer-output"]');
  check(clippedAnswer.length === 0, `${item.name}: nothing in the answer is cut off at 1024 px${clippedAnswer.length ? `: ${clippedAnswer.join('; ')}` : ''}`);

  // The same question at the top of the HTML report of the scenario as it stands in the page,
  // written from the Answer view (POST /api/report/html).
  await page.fill('[data-role="answer-report-draws"]', '30');
  if (item.cancelReport) {
    // Writing the report is a job like the other long analyses: Cancel stops it (with enough
    // draws for the report to be still running when Cancel is pressed).
    await page.fill('[data-role="answer-report-draws"]', '200000');
    await page.click('[data-action="answer-report"]');
    await page.waitForFunction(() => document.querySelector('[data-role="answer-report-job"]').dataset.status === 'running', null, { timeout: 20000 });
    await page.click('[data-role="answer-report-job"] button');
    await page.waitForFunction(() => ['cancelled', 'done'].includes(document.querySelector('[data-role="answer-report-job"]').dataset.status), null, { timeout: 60000 });
    const cancelled = await page.evaluate(() => ({ job: document.querySelector('[data-role="answer-report-job"]').dataset.status, status: document.querySelector('[data-role="answer-report-status"]').textContent, frame: document.querySelector('iframe[data-role="answer-report"]').hidden }));
    check(cancelled.job === 'cancelled' && /Cancelled/.test(cancelled.status) && cancelled.frame, `${item.name}: Cancel stops writing the report, and no report is shown (${cancelled.job}: ${cancelled.status})`);
    await page.fill('[data-role="answer-report-draws"]', '30');
  }
  await page.click('[data-action="answer-report"]');
  await page.waitForFunction(() => {
    const frame = document.querySelector('iframe[data-role="answer-report"]');
    return frame && !frame.hidden && frame.dataset.loaded && frame.contentDocument && frame.contentDocument.querySelector('section');
  }, null, { timeout: 240000 });
  const progress = await page.evaluate(() => ({ status: document.querySelector('[data-role="answer-report-job"]').dataset.status, detail: document.querySelector('[data-role="answer-report-job"] .job-detail').textContent }));
  check(progress.status === 'done' && /^\d+ of \d+ models/.test(progress.detail), `${item.name}: the report is written as a job with progress in models: ${progress.detail}`);
  const lead = await page.evaluate(() => {
    const section = document.querySelector('iframe[data-role="answer-report"]').contentDocument.querySelector('section');
    return { id: section.id, text: section.innerText };
  });
  check(lead.id === 'answer' && lead.text.includes(item.target.text) && /Each model's own error on/.test(lead.text) && !/NaN/.test(lead.text),
    `${item.name}: the report written from the Answer view leads with the question, its answer and each model's own error`);
  // The report's headline numbers are the Answer view's: the same plan (reached or only the
  // closest), chosen under the same model, at the same cost, with the same probability without
  // and after the opponent's best counter, over the same models and draws.
  const pair = await page.evaluate(() => {
    const result = document.querySelector('[data-role="answer-result"]');
    const card = result.querySelector('[data-role="answer-cheapest"]');
    const ui = card.dataset.reached ? { ...card.dataset, reached: card.dataset.reached === 'true' } : null;
    const report = document.querySelector('iframe[data-role="answer-report"]').contentDocument;
    const plan = report.querySelector('#answer .card.plan');
    const figure = (root, suffix) => {
      const span = root && root.querySelector(`.fig[data-path$="${suffix}"]`);
      return span ? { path: span.dataset.path, text: span.textContent } : null;
    };
    return {
      ui,
      meta: result.querySelector('.result-meta').textContent,
      report: plan ? {
        reached: plan.classList.contains('primary'),
        cost: figure(plan, '/cost'), probability: figure(plan, '/probability'),
        countered: figure(report.querySelector('#answer .card.counter'), '/probability_with_counter_levers'),
      } : null,
      note: [...report.querySelectorAll('#answer p.note')].map((p) => p.textContent).join(' '),
      table: [...report.querySelectorAll('#answer-table tbody tr')].map((tr) => tr.cells[0].textContent),
    };
  });
  const percent = (text) => Number(String(text).replace(/[^\d.]/g, ''));
  const samePercent = (raw, figure) => raw !== undefined && raw !== '' && figure && Math.abs(100 * Number(raw) - percent(figure.text)) <= 0.5 + 1e-9;
  const reportModels = [...pair.table].sort().join(', ');
  check(pair.ui && pair.report && pair.ui.reached === pair.report.reached,
    `${item.name}: the report and the Answer view agree on whether a plan reaches the target (${pair.ui && pair.ui.reached ? 'one does' : 'none does'})`);
  if (pair.ui && pair.report) {
    check(pair.report.cost && Math.abs(Number(pair.ui.cost) - percent(pair.report.cost.text)) <= 0.05 + 1e-9,
      `${item.name}: the report's ${pair.ui.reached ? 'cheapest' : 'closest'} plan costs what the Answer view says (${pair.ui.cost} / ${pair.report.cost && pair.report.cost.text})`);
    check(samePercent(pair.ui.probability, pair.report.probability),
      `${item.name}: the report's P(target) with the plan is the Answer view's (${pair.ui.probability} / ${pair.report.probability && pair.report.probability.text}, ${pair.report.probability && pair.report.probability.path})`);
    check(pair.ui.countered === undefined || pair.ui.countered === '' ? !pair.report.countered : samePercent(pair.ui.countered, pair.report.countered),
      `${item.name}: the report's P(target) after the best counter is the Answer view's (${pair.ui.countered} / ${pair.report.countered && pair.report.countered.text})`);
  }
  const answered = pair.meta.match(/models ([^·]+) ·/)[1].trim();
  check(reportModels === answered.split(', ').sort().join(', ') && /over 60 draws per plan/.test(pair.note) && /on 30 draws/.test(pair.note),
    `${item.name}: the report answers with the Answer view's models (${reportModels}) and draws: ${pair.note}`);
  await page.evaluate(() => { document.querySelector('[data-role="answer-report-job"]').scrollIntoView({ block: 'start' }); window.scrollBy(0, -72); });
  await page.screenshot({ path: path.resolve(out, `analyst-${item.name}-report-1024.png`) });
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="answer-report-download"]')]);
  const reportFile = path.join(folder, `${item.name}-report.html`);
  await saved.saveAs(reportFile);
  check(/^<!DOCTYPE html>/.test(fs.readFileSync(reportFile, 'utf8')), `${item.name}: the report downloads as its HTML page`);
  const violations = await seriousViolations(page);
  if (violations.length) console.log(violations.join('\n'));
  check(violations.length === 0, `${item.name}: axe-core finds no serious or critical violation in the answered Answer view with its report`);
}

(async () => {
  const options = parseArguments();
  const { page, folder, finish } = await openApp(options.binary, 'ui-analyst', { width: 1024, height: 900 });
  try {
    check(await page.getAttribute('.app-nav a[aria-current="page"]', 'data-view') === 'answer', 'the UI opens on the Answer view');
    for (const item of kCases) await walk(page, { out: options.out, folder }, item);
  } finally {
    await finish();
  }
})().catch((error) => { console.error(error); process.exit(1); });
