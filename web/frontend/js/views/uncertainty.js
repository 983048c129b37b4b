// Uncertainty: a Monte Carlo sweep of one model (distributions and what drives them) and a
// what-if of the baseline and every declared plan over the chosen models (P(target) per plan and
// model), both as jobs with progress, rate, time left and Cancel.

import { h, viewHeader, card, select, formatNumber, formatPercent, notice, leversText } from '../dom.js';
import { app, on, documentForServer, modelColour, question } from '../state.js';
import { distributionChart, tornadoChart, probabilityBars, kPalette } from '../charts.js';
import { dataTable } from '../table.js';
import { jobPanel } from '../jobs.js';
import { modelPicker, targetPicker, drawsInput, issueInfo, anchorList } from '../pickers.js';
import { resultBlock, markStale, modelErrorNote, modelErrorTag, modelErrorSizes } from '../results.js';
import { button } from '../inputs.js';
import { triedPlan } from './forecast.js';

let root = null;
let body = null;

function defaultTarget() {
  const asked = question();
  return asked && asked.target ? asked.target : '';
}

function defaultProbability() {
  const asked = question();
  return asked && asked.probability !== undefined ? asked.probability : 0.8;
}

function issueSelect(issues, label, onChange) {
  const control = select(issues, issues[0], { class: 'input', 'aria-label': label });
  control.addEventListener('change', () => onChange(control.value));
  return control;
}

// ---- Sweep -------------------------------------------------------------------------------------

function sweepResult(result, revision, required, runId) {
  const issues = Object.keys(result.issues);
  const colour = modelColour(result.model, kPalette);
  const target = result.target ? { text: result.target, ...parseTargetText(result.target) } : null;
  const headline = target ? h('p', { class: 'headline', dataset: { role: 'sweep-probability' } },
    `P(${result.target}) under ${result.model}: `, h('strong', { text: formatPercent(result.probability, 1) }),
    required ? ` — ${result.probability >= required ? 'meets' : 'below'} the required ${formatPercent(required)}` : '',
    h('span', { class: 'headline-note', text: ` (${modelErrorTag(result)})` })) : null;
  const distributions = issues.map((issue) => {
    const info = issueInfo(issue);
    const q = result.issues[issue];
    return h('figure', { class: 'chart-figure', dataset: { issue } },
      h('figcaption', {}, h('strong', { text: issue }), ` — ${result.model}, ${result.draws} draws, 10 – 90 % and median`),
      h('div', { class: 'chart-box', html: distributionChart({
        issue, scale: info.scale, anchors: info.anchors, reference: info.reference, known: info.known,
        target: target && target.issue === issue ? target : null,
        rows: [{ label: `${result.model}`, q10: q.q10, median: q.median, q90: q.q90, colour },
          { label: 'unconstrained', q10: q.unconstrained.q10, median: q.unconstrained.median, q90: q.unconstrained.q90, colour: '#8C8C8C' }],
        title: `${issue}: distribution under ${result.model}`,
      }) }), anchorList(info.anchors));
  });
  const tornadoBox = h('div', { class: 'chart-box' });
  const drawTornado = (issue) => {
    const drivers = result.drivers[issue] || [];
    tornadoBox.innerHTML = drivers.length ? tornadoChart({
      issue, median: result.issues[issue].median,
      rows: drivers.map((driver) => ({ input: driver.input, low: driver.outcome_when_low, high: driver.outcome_when_high, rho: driver.rank_correlation })),
      title: `What drives ${issue} under ${result.model}`,
    }) : '<p class="hint">No sampled input moves this issue.</p>';
  };
  const firstIssue = target ? target.issue : issues[0];
  drawTornado(firstIssue);
  const tornadoIssue = issueSelect(issues, 'Issue of the tornado', drawTornado);
  tornadoIssue.value = firstIssue;
  const quantileRows = issues.map((issue) => ({ issue, ...result.issues[issue], unconstrained_median: result.issues[issue].unconstrained.median }));
  const driverRows = issues.flatMap((issue) => (result.drivers[issue] || []).map((driver) => ({ issue, ...driver })));
  const number = (value) => formatNumber(value, 1);
  return resultBlock(revision, 'sweep-result',
    h('p', { class: 'result-meta', text: `${result.model} · ${result.draws} draws · seed ${result.seed} · ${result.distribution}${result.levers && result.levers.length ? ` · levers ${leversText(result.levers)}` : ' · no lever'}${runId ? ` · saved as run ${runId}` : ''}` }),
    h('p', { class: 'result-meta', dataset: { role: 'model-error' }, text: `Probabilities and intervals ${modelErrorNote(result)}` }),
    modelErrorSizes(result, target ? target.issue : null),
    headline,
    h('div', { class: 'chart-grid' }, distributions),
    h('figure', { class: 'chart-figure wide' }, h('figcaption', {}, h('strong', { text: 'What drives the outcome' }), ' — issue ', tornadoIssue), tornadoBox),
    dataTable({
      name: 'sweep-quantiles', role: 'sweep-quantiles', caption: 'Quantiles per issue',
      columns: [{ key: 'issue', label: 'Issue' }, { key: 'q10', label: '10 %', numeric: true, format: number }, { key: 'median', label: 'median', numeric: true, format: number },
        { key: 'q90', label: '90 %', numeric: true, format: number }, { key: 'mean', label: 'mean', numeric: true, format: number },
        { key: 'unconstrained_median', label: 'median before the decision rule', numeric: true, format: number }],
      rows: quantileRows,
    }),
    h('details', { class: 'more' }, h('summary', { text: `Every driver of every issue (${driverRows.length})` }), dataTable({
      name: 'sweep-drivers', role: 'sweep-drivers', caption: 'Drivers (Spearman rank correlation with the outcome)',
      columns: [{ key: 'issue', label: 'Issue' }, { key: 'input', label: 'Input' }, { key: 'rank_correlation', label: 'ρ', numeric: true, format: (v) => v.toFixed(2) },
        { key: 'outcome_when_low', label: 'outcome, input low', numeric: true, format: number }, { key: 'outcome_when_high', label: 'outcome, input high', numeric: true, format: number }],
      rows: driverRows,
    })));
}

function parseTargetText(text) {
  const match = String(text).match(/^\s*(.+?)\s*(<=|>=)\s*(.+?)\s*$/);
  return match ? { issue: match[1], direction: match[2], value: Number(match[3]) } : {};
}

function sweepCard() {
  const names = app.models.map((model) => model.name);
  const model = select(names, names.includes('compromise') ? 'compromise' : names[0], { class: 'input', 'aria-label': 'Model of the sweep', dataset: { role: 'sweep-model' } });
  const planChoices = [['', 'no lever'], ['@tried', 'the levers tried under Forecast'], ...app.plans.map((plan) => [plan.name, `plan ${plan.name}`])];
  const plan = select(planChoices, '', { class: 'input', 'aria-label': 'Plan of the sweep', dataset: { role: 'sweep-plan' } });
  const target = targetPicker('sweep-target', defaultTarget(), defaultProbability());
  const draws = drawsInput(1000, 'Draws', 'sweep-draws');
  const job = jobPanel('sweep-job');
  const output = h('div', { class: 'output', dataset: { role: 'sweep-output' } });
  const start = button('Run the sweep', async () => {
    const body = { document: documentForServer(), model: model.value, draws: draws.value() };
    const planText = plan.value === '@tried' ? triedPlan() : plan.value;
    if (planText) body.plan = planText;
    if (target.target()) body.target = target.target();
    const revision = app.revision;
    output.replaceChildren();
    start.disabled = true;
    try {
      const finished = await job.run('/api/sweep', body);
      if (finished.status === 'done') {
        const result = finished.result.models ? finished.result.models[0] : finished.result;
        output.replaceChildren(sweepResult(result, revision, target.target() ? target.probability() : null, finished.run_id));
        markStale();
      }
    } catch (error) {
      output.replaceChildren(notice('error', error.message));
    } finally {
      start.disabled = false;
    }
  }, { class: 'primary', dataset: { action: 'sweep-start' } });
  return card('Sweep: one model under uncertainty',
    h('p', { class: 'hint', text: 'Samples every ranged input (and the open magnitude of each lever) and runs the model once per draw.' }),
    h('div', { class: 'form-row' },
      h('label', { class: 'field' }, h('span', { class: 'field-label', text: 'Model' }), model),
      h('label', { class: 'field' }, h('span', { class: 'field-label', text: 'Levers' }), plan),
      target.element, draws.element, start),
    job.element, output);
}

// ---- What-if -----------------------------------------------------------------------------------

function whatifResult(result, revision, required, runId) {
  const plans = result.plans;
  const modelNames = Object.keys(plans[0].models);
  const colours = modelNames.map((name) => modelColour(name, kPalette));
  const target = result.target ? parseTargetText(result.target) : null;
  const parts = [h('p', { class: 'result-meta', text: `${plans.length} cases (baseline and plans) × ${modelNames.length} models · ${result.draws} draws · seed ${result.seed}${runId ? ` · saved as run ${runId}` : ''}` }),
    h('p', { class: 'result-meta', dataset: { role: 'model-error' }, text: `Probabilities and intervals ${modelErrorNote(result)}` }),
    modelErrorSizes(result, target ? target.issue : null)];
  if (target) {
    parts.push(h('figure', { class: 'chart-figure wide' },
      h('figcaption', {}, h('strong', { text: `P(${result.target})` }), ` per plan and model, ${result.draws} draws, ${modelErrorTag(result)}`),
      h('div', { class: 'chart-box', html: probabilityBars({
        series: modelNames, colours, required,
        rows: plans.map((plan) => ({ label: plan.plan, values: modelNames.map((name) => (plan.models[name].probability === undefined ? null : plan.models[name].probability)) })),
        title: `Probability of ${result.target} per plan and model`,
      }) })));
  }
  const issues = Object.keys(plans[0].models[modelNames[0]].issues);
  const chartIssue = target && issues.includes(target.issue) ? target.issue : issues[0];
  const distributionBox = h('div', { class: 'chart-box' });
  const drawDistribution = (issue) => {
    const info = issueInfo(issue);
    distributionBox.innerHTML = distributionChart({
      issue, scale: info.scale, anchors: info.anchors, reference: info.reference, known: info.known,
      target: target && target.issue === issue ? target : null,
      rows: plans.flatMap((plan) => modelNames.map((name, k) => ({ label: `${plan.plan} · ${name}`, group: plan.plan, ...plan.models[name].issues[issue], colour: colours[k] }))),
      series: { names: modelNames, colours },
      title: `${issue}: 10 – 90 % per plan and model`,
    });
  };
  drawDistribution(chartIssue);
  const issueChoice = issueSelect(issues, 'Issue of the distributions', drawDistribution);
  issueChoice.value = chartIssue;
  parts.push(h('figure', { class: 'chart-figure wide' }, h('figcaption', {}, h('strong', { text: 'Distributions' }), ' — issue ', issueChoice), distributionBox));
  const rows = plans.flatMap((plan) => modelNames.map((name) => {
    const cell = plan.models[name];
    const row = { plan: plan.plan, levers: leversText(plan.levers), cost: plan.cost, model: name, probability: cell.probability, deals_struck_share: cell.deals_struck_share };
    for (const issue of issues) {
      row[`${issue}_median`] = cell.issues[issue].median;
      row[`${issue}_q10`] = cell.issues[issue].q10;
      row[`${issue}_q90`] = cell.issues[issue].q90;
    }
    return row;
  }));
  const number = (value) => formatNumber(value, 1);
  const columns = [{ key: 'plan', label: 'Plan' }, { key: 'levers', label: 'Levers' }, { key: 'cost', label: 'Cost', numeric: true, format: (v) => formatNumber(v, 2) }, { key: 'model', label: 'Model' }];
  if (target) columns.push({ key: 'probability', label: `P(${result.target})`, numeric: true, format: (v) => formatPercent(v, 1) });
  for (const issue of issues) columns.push({ key: `${issue}_median`, label: `${issue} median`, numeric: true, format: number });
  if (rows.some((row) => row.deals_struck_share !== undefined)) columns.push({ key: 'deals_struck_share', label: 'deals struck', numeric: true, format: (v) => formatPercent(v) });
  parts.push(dataTable({ name: 'whatif', role: 'whatif', caption: 'Plans × models', columns, rows }));
  return resultBlock(revision, 'whatif-result', parts);
}

function whatifCard() {
  const models = modelPicker('whatif-models', ['compromise', 'weighted_median', 'eum'].filter((name) => app.models.some((model) => model.name === name)));
  const target = targetPicker('whatif-target', defaultTarget(), defaultProbability());
  const draws = drawsInput(300, 'Draws', 'whatif-draws');
  const job = jobPanel('whatif-job');
  const output = h('div', { class: 'output', dataset: { role: 'whatif-output' } });
  const start = button('Run the what-if', async () => {
    const chosen = models.chosen();
    if (!chosen.length) {
      output.replaceChildren(notice('info', 'Choose at least one model.'));
      return;
    }
    const body = { document: documentForServer(), models: chosen, draws: draws.value() };
    if (target.target()) body.target = target.target();
    const revision = app.revision;
    output.replaceChildren();
    start.disabled = true;
    try {
      const finished = await job.run('/api/whatif', body);
      if (finished.status === 'done') {
        output.replaceChildren(whatifResult(finished.result, revision, target.target() ? target.probability() : null, finished.run_id));
        markStale();
      }
    } catch (error) {
      output.replaceChildren(notice('error', error.message));
    } finally {
      start.disabled = false;
    }
  }, { class: 'primary', dataset: { action: 'whatif-start' } });
  return card('What-if: the baseline and every plan',
    h('p', { class: 'hint', text: 'Every declared plan against the baseline, on the same sampled worlds, under each chosen model.' }),
    models.element,
    h('div', { class: 'form-row' }, target.element, draws.element, start),
    job.element, output);
}

function draw() {
  body.replaceChildren(sweepCard(), whatifCard());
}

export const uncertaintyView = {
  mount(container) {
    root = container;
    body = h('div', { class: 'view-body' });
    root.append(viewHeader('uncertainty-title', 'Uncertainty', 'How sure are we? Every ranged number is sampled; each result names its model, levers and draws.'), body);
    on('edited', ({ structural, loaded }) => {
      if (structural || loaded) body.dataset.dirty = '1';
    });
  },
  show() {
    if (!body.children.length || body.dataset.dirty) {
      delete body.dataset.dirty;
      draw();
    }
  },
};
