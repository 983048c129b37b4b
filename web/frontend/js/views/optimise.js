// Optimise: the cheapest plan of declared levers that reaches the target with the required
// probability under every chosen model, against the opponent's best counter-levers (POST
// /api/optimize as a job). Shown as the server computed it: the answer first, then the search.

import { h, viewHeader, card, formatNumber, formatPercent, notice, leversText, leversDescribed } from '../dom.js';
import { app, on, documentForServer, question } from '../state.js';
import { probabilityBars } from '../charts.js';
import { dataTable } from '../table.js';
import { jobPanel } from '../jobs.js';
import { modelPicker, targetPicker, drawsInput } from '../pickers.js';
import { resultBlock, markStale, modelErrorNote, modelErrorSizes } from '../results.js';
import { button } from '../inputs.js';

let root = null;
let body = null;

const counterText = (plan) => {
  if (plan.probability_with_counter_levers === undefined) return 'not weighed (fails without a counter)';
  return plan.best_counter_levers.length ? `${leversText(plan.best_counter_levers)} (cost ${formatNumber(plan.counter_cost, 2)})` : 'none helps the opponent';
};

// The answer of one optimisation, as a summary card with its plans' chart and table.
export function optimiseResult(result, revision, runId, role = 'optimise-result') {
  const parts = [];
  const budget = result.budget === undefined ? 'no budget limit' : `budget ${formatNumber(result.budget, 2)}`;
  parts.push(h('p', { class: 'result-meta', dataset: { role: 'optimise-summary' }, text:
    `${result.target} with probability ≥ ${formatPercent(result.required_probability)} · ${budget} · models ${result.models.join(', ')} · ${result.draws} draws · ` +
    `${result.candidates} plans within budget, ${result.evaluated} evaluated, ${result.counter_plans} counter-plans · baseline ${formatPercent(result.baseline_probability, 1)}` +
    (runId ? ` · saved as run ${runId}` : '') }));
  parts.push(h('p', { class: 'result-meta', dataset: { role: 'model-error' }, text: `Probabilities ${modelErrorNote(result)}` }));
  parts.push(modelErrorSizes(result));
  const plans = result.best ? [result.best, ...result.runners_up] : (result.closest || []);
  if (result.best) {
    const best = result.best;
    parts.push(h('div', { class: 'answer-card', dataset: { role: 'best', outcome: 'best' } },
      h('div', { class: 'answer-label', text: 'Cheapest plan' }),
      h('div', { class: 'answer-value', dataset: { field: 'levers' }, text: leversText(best.levers) }),
      leversDescribed(best.levers),
      h('dl', { class: 'facts' },
        h('dt', { text: 'Cost' }), h('dd', { dataset: { field: 'cost' }, text: formatNumber(best.cost, 2) }),
        h('dt', { text: 'P(target) without a counter' }), h('dd', { dataset: { field: 'probability' }, text: formatPercent(best.probability, 1) }),
        h('dt', { text: 'against the best counter' }), h('dd', { dataset: { field: 'countered' }, text: formatPercent(best.probability_with_counter_levers, 1) }),
        h('dt', { text: 'Best counter' }), h('dd', { dataset: { field: 'counter' }, text: counterText(best) }),
        h('dt', { text: `Median of ${result.target.split(/<=|>=/)[0]}` }), h('dd', { text: formatNumber(best.median, 1) }))));
  } else {
    parts.push(h('div', { class: 'answer-card negative', dataset: { role: 'best', outcome: 'closest' } },
      h('div', { class: 'answer-label', text: 'No plan meets the target' }),
      h('div', { class: 'answer-value', text: plans.length ? `Closest: ${leversText(plans[0].levers)}, ${formatPercent(plans[0].probability_with_counter_levers ?? plans[0].probability, 1)}` : 'no candidate plan' })));
  }
  if (plans.length) {
    parts.push(h('figure', { class: 'chart-figure wide' },
      h('figcaption', {}, h('strong', { text: result.best ? 'The cheapest plan and its runners-up' : 'The closest plans' }), ': P(target) without and with the best counter'),
      h('div', { class: 'chart-box', html: probabilityBars({
        series: ['without a counter', 'against the best counter'], colours: ['#0072B2', '#D55E00'], required: result.required_probability,
        rows: plans.map((plan) => ({ label: leversText(plan.levers), values: [plan.probability, plan.probability_with_counter_levers ?? null] })),
        title: `Probability of ${result.target}`,
      }) })));
    const rows = plans.map((plan, k) => ({
      rank: k + 1, levers: leversText(plan.levers), cost: plan.cost, median: plan.median, probability: plan.probability,
      countered: plan.probability_with_counter_levers, counter: counterText(plan), meets: plan.meets_target ? 'yes' : 'no',
      $data: { meets: String(plan.meets_target) },
    }));
    parts.push(dataTable({
      name: 'optimise-plans', role: result.best ? 'optimise-plans' : 'closest', caption: result.best ? 'Cheapest plan and runners-up' : 'Closest plans',
      columns: [{ key: 'rank', label: '#', numeric: true }, { key: 'levers', label: 'Levers' }, { key: 'cost', label: 'Cost', numeric: true, format: (v) => formatNumber(v, 2) },
        { key: 'median', label: 'Median', numeric: true, format: (v) => formatNumber(v, 1) }, { key: 'probability', label: 'P without counter', numeric: true, format: (v) => formatPercent(v, 1) },
        { key: 'countered', label: 'P with counter', numeric: true, format: (v) => formatPercent(v, 1) }, { key: 'counter', label: 'Best counter' }, { key: 'meets', label: 'Meets' }],
      rows,
    }));
  }
  return resultBlock(revision, role, parts);
}

function draw() {
  const asked = question() || {};
  const models = modelPicker('optimise-models', ['compromise']);
  const target = targetPicker('optimise-target', asked.target || '', asked.probability === undefined ? 0.8 : asked.probability);
  const budget = h('input', { type: 'text', inputmode: 'decimal', class: 'input number', placeholder: 'no limit', value: asked.budget === undefined ? '' : String(asked.budget), 'aria-label': 'Budget (cost points)' });
  const draws = drawsInput(200, 'Draws per candidate plan', 'optimise-draws');
  const job = jobPanel('optimise-job');
  const output = h('div', { class: 'output', dataset: { role: 'optimise-output' } });
  const start = button('Find the cheapest plan', async () => {
    output.replaceChildren();
    const chosen = models.chosen();
    if (!chosen.length) { output.replaceChildren(notice('info', 'Choose at least one model.')); return; }
    if (!target.target()) { output.replaceChildren(notice('info', 'Give the target a value.')); return; }
    const requestBody = { document: documentForServer(), target: target.target(), probability: target.probability(), models: chosen, draws: draws.value() };
    if (budget.value.trim() !== '') requestBody.budget = Number(budget.value);
    const revision = app.revision;
    start.disabled = true;
    try {
      const finished = await job.run('/api/optimize', requestBody);
      if (finished.status === 'done') {
        output.replaceChildren(optimiseResult(finished.result, revision, finished.run_id));
        markStale();
      } else if (finished.status === 'cancelled') {
        output.replaceChildren(notice('info', 'Cancelled: nothing was saved.'));
      }
    } catch (error) {
      output.replaceChildren(notice('error', error.message));
    } finally {
      start.disabled = false;
    }
  }, { class: 'primary', dataset: { action: 'optimise-start' } });
  body.replaceChildren(card('Search',
    h('p', { class: 'hint', text: 'Searches the combinations of declared levers, cheapest first; a plan must meet the target under every chosen model, against the opponent\'s best counter-levers.' }),
    models.element,
    h('div', { class: 'form-row' }, target.element,
      h('label', { class: 'field' }, h('span', { class: 'field-label', text: 'Budget' }), budget), draws.element, start),
    job.element), output);
}

export const optimiseView = {
  mount(container) {
    root = container;
    body = h('div', { class: 'view-body' });
    root.append(viewHeader('optimise-title', 'Optimise', 'The cheapest plan that gets there, and what the opponent\'s best answer leaves of it.'), body);
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
