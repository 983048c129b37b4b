// Answer: the scenario's question (text, target, required probability, budget) and its answer,
// as POST /api/answer computes it (the same as `statecraft answer`): per model, the probability
// of the target at baseline and under each declared plan, the cheapest plan that meets it against
// the opponent's best counter, and where the models disagree — sentences written by the server's
// analysis, shown as they are. Charts first, tables second.

import { leversDescribed, h, viewHeader, card, formatNumber, formatPercent, notice, leversText } from '../dom.js';
import { app, on, documentForServer, question, setQuestion, modelColour } from '../state.js';
import { probabilityBars, kPalette } from '../charts.js';
import { dataTable } from '../table.js';
import { jobPanel } from '../jobs.js';
import { modelPicker, drawsInput } from '../pickers.js';
import { resultBlock, markStale, modelErrorNote, modelErrorTag, modelErrorSizes } from '../results.js';
import { button, textArea } from '../inputs.js';
import { issueNames, parseTarget } from '../scenario_doc.js';
import { dealsOf, dealCard, driversCard, driversFigure, dealsTable } from './answer_parts.js';
import { reportCard } from './answer_report.js';

let root = null;
let body = null;
let output = null;
// The settings of the answer on show: {revision, models, draws, optimize_draws, seed}.
let shown = null;

function questionCard() {
  const asked = question() || {};
  const parsed = parseTarget(asked.target) || { issue: issueNames(app.document)[0], direction: '<=', value: '' };
  const issues = issueNames(app.document);
  const issue = h('select', { class: 'input', 'aria-label': 'Target issue', dataset: { path: 'question.target', key: 'question-issue' } },
    issues.map((name) => h('option', { value: name, selected: name === parsed.issue, text: name })));
  const direction = h('select', { class: 'input', 'aria-label': 'Target direction', dataset: { path: 'question.target', key: 'question-direction' } },
    [['<=', '≤ at most'], ['>=', '≥ at least']].map(([value, text]) => h('option', { value, selected: value === parsed.direction, text })));
  const value = h('input', { type: 'text', inputmode: 'decimal', class: 'input number', value: parsed.value, 'aria-label': 'Target value', dataset: { path: 'question.target', key: 'question-value' } });
  const probability = h('input', { type: 'text', inputmode: 'decimal', class: 'input number', value: asked.probability === undefined ? '0.8' : String(asked.probability), 'aria-label': 'Required probability (0 to 1)', dataset: { path: 'question.probability', key: 'question-probability' } });
  const budget = h('input', { type: 'text', inputmode: 'decimal', class: 'input number', placeholder: 'no limit', value: asked.budget === undefined ? '' : String(asked.budget), 'aria-label': 'Budget (cost points)', dataset: { path: 'question.budget', key: 'question-budget' } });
  const text = textArea({ value: asked.text || '', path: 'question.text', key: 'question-text', label: 'The question', rows: 2, onCommit: () => commit() });
  function commit() {
    const next = { text: text.value.trim() || `Can ${issue.value} be brought ${direction.value === '<=' ? 'down to' : 'up to'} ${value.value.trim()}?`, target: `${issue.value}${direction.value}${value.value.trim()}` };
    const p = probability.value.trim();
    if (p !== '') next.probability = Number.isFinite(Number(p)) ? Number(p) : p;
    const b = budget.value.trim();
    if (b !== '') next.budget = Number.isFinite(Number(b)) ? Number(b) : b;
    setQuestion(value.value.trim() === '' && !text.value.trim() ? null : next);
  }
  for (const control of [issue, direction, value, probability, budget]) control.addEventListener('change', commit);
  return card('The question',
    h('div', { class: 'form-grid' },
      h('label', { class: 'field wide', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Question' }), text),
      h('div', { class: 'field span-2', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Target' }), h('span', { class: 'inline' }, issue, direction, value)),
      h('label', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Required probability' }), probability),
      h('label', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Budget' }), budget)),
    app.questionInFile ? null : h('p', { class: 'hint', text: 'This server does not keep the question in the scenario file; it is kept in this page.' }));
}

// The answer's JSON in the shapes the charts and tables read: the what-if of every plan with a
// cell per model, and one optimisation per model.
function fromAnswer(result, chosen) {
  const ran = chosen.filter((name) => result.models[name] && !result.models[name].failure);
  const first = ran.length ? result.models[ran[0]].whatif : [];
  const plans = first.map((plan, index) => ({
    ...plan,
    models: Object.fromEntries(ran.map((name) => [name, result.models[name].whatif[index].models[name]])),
  }));
  const optimisations = chosen.map((name) => ({
    model: name,
    result: result.models[name] ? result.models[name].optimize || null : null,
    error: result.models[name] ? result.models[name].failure : 'not run',
  }));
  return { whatif: { plans, draws: result.draws, target: result.target, model_error: result.model_error }, optimisations, models: ran, result };
}

// The opponent's best counter to the cheapest plan and what it leaves; with no plan that meets
// the target, the counter to the closest plan.
function counterCard(cheapest, closest) {
  const counterText = (plan) => (plan.best_counter_levers && plan.best_counter_levers.length ? leversText(plan.best_counter_levers) : 'no counter helps');
  if (cheapest) {
    const best = cheapest.result.best;
    return h('div', { class: 'answer-card', dataset: { role: 'answer-counter' } },
      h('div', { class: 'answer-label', text: 'The opponent\'s best counter, and what is left' }),
      h('div', { class: 'answer-value', text: counterText(best) }),
      h('p', { class: 'answer-note', text: `P(target) ${formatPercent(best.probability, 0)} without it, ${formatPercent(best.probability_with_counter_levers, 0)} with it` }));
  }
  if (!closest || closest.plan.probability_with_counter_levers === undefined) {
    return h('div', { class: 'answer-card negative', dataset: { role: 'answer-counter' } },
      h('div', { class: 'answer-label', text: 'The opponent\'s best counter, and what is left' }),
      h('div', { class: 'answer-value', text: 'no plan to counter' }));
  }
  const plan = closest.plan;
  const countered = plan.best_counter_levers && plan.best_counter_levers.length
    ? `${formatPercent(plan.probability_with_counter_levers, 0)} against the best counter, ${counterText(plan)}`
    : 'no counter-lever lowers it';
  return h('div', { class: 'answer-card negative', dataset: { role: 'answer-counter' } },
    h('div', { class: 'answer-label', text: 'The closest plan, against the best counter' }),
    h('div', { class: 'answer-value', text: leversText(plan.levers) }),
    h('p', { class: 'answer-note', text: `under ${closest.model}: P(target) ${formatPercent(plan.probability, 0)} without a counter; ${countered}` }),
    leversDescribed(plan.levers));
}

// The answer: the cheapest plan and the counter to it, P(target) with no lever; the deal, what
// drives the target's issue, where the models disagree; then P(target) per plan and model, the
// tornado, the cheapest plan per model and the deals, charts before tables.
function answerResult({ asked, whatif, optimisations, revision, models, sentences, result }) {
  const plans = whatif.plans;
  const colours = models.map((name) => modelColour(name, kPalette));
  const baseline = plans[0];
  const parts = [h('div', { class: 'question-block' },
    h('h2', { class: 'question-text', text: asked.text || `Can ${asked.target} be reached?` }),
    h('p', { class: 'result-meta', text: `target ${asked.target} with probability ≥ ${formatPercent(asked.probability ?? 0.8)}${asked.budget !== undefined ? ` within a budget of ${formatNumber(asked.budget, 2)}` : ''} · models ${models.join(', ')} · ${whatif.draws} draws per plan` }),
    h('p', { class: 'result-meta', dataset: { role: 'model-error' }, text: `Probabilities ${modelErrorNote(whatif)}` }),
    modelErrorSizes(whatif))];
  // The plan the answer is about, as the server's analysis chose it (the answer's found_plan: the
  // cheapest plan most models choose, else the closest), the same one the report names.
  const reached = optimisations.filter((item) => item.result && item.result.best);
  const found = result.found_plan && result.models[result.found_plan.model] ? result.found_plan : null;
  const foundOptimize = found ? result.models[found.model].optimize : null;
  const cheapest = found && found.reached ? { model: found.model, chosenUnder: found.chosen_under, result: foundOptimize } : null;
  const closest = found && !found.reached && foundOptimize.closest && foundOptimize.closest.length ? { model: found.model, plan: foundOptimize.closest[0] } : null;
  const baselineMeets = models.every((name) => (baseline.models[name].probability ?? 0) >= (asked.probability ?? 0.8));
  const headline = h('div', { class: 'answer-grid' },
    h('div', { class: `answer-card${cheapest ? '' : ' negative'}`, dataset: { role: 'answer-cheapest', ...planFigures(cheapest ? cheapest.result.best : closest ? closest.plan : null, Boolean(cheapest)) } },
      h('div', { class: 'answer-label', text: 'Cheapest plan that meets the target' }),
      h('div', { class: 'answer-value', text: cheapest ? leversText(cheapest.result.best.levers) : 'none of the declared levers' }),
      cheapest ? h('p', { class: 'answer-note', text: `cost ${formatNumber(cheapest.result.best.cost, 2)}, chosen under ${cheapest.chosenUnder.join(', ')}; ${reached.length} of ${optimisations.length} models find a plan` } ) : h('p', { class: 'answer-note', text: `no model finds a plan that reaches ${asked.target} with ${formatPercent(asked.probability ?? 0.8)} against the best counter` }),
      cheapest ? leversDescribed(cheapest.result.best.levers) : null),
    counterCard(cheapest, closest),
    h('div', { class: `answer-card${baselineMeets ? '' : ' negative'}`, dataset: { role: 'answer-baseline' } },
      h('div', { class: 'answer-label', text: 'P(target) with no lever' }),
      h('div', { class: 'answer-value', text: rangeText(models.map((name) => baseline.models[name].probability)) }),
      h('p', { class: 'answer-note', text: `lowest to highest over the models; ${modelErrorTag(whatif)}` })));
  parts.push(headline);
  // Why: the deal and how often it is struck, what drives the target's issue, where the models
  // disagree.
  const issue = String(whatif.target).split(/<=|>=/)[0].trim();
  const focus = cheapest ? cheapest.model : closest ? closest.model : models[0];
  const deals = dealsOf(result, models);
  parts.push(h('div', { class: 'answer-grid' }, dealCard(deals), driversCard(result, focus, issue), disagreements(sentences)));
  parts.push(h('figure', { class: 'chart-figure wide' },
    h('figcaption', {}, h('strong', { text: `P(${whatif.target})` }), ` per plan and model, ${whatif.draws} draws, ${modelErrorTag(whatif)}`,
      found && found.models ? `; the last row is the plan the search found (${found.reached ? 'the cheapest that meets the target' : 'none meets it: the closest'}), weighed by the server under every model on the same draws, like every plan here without the opponent's counter` : ''),
    h('div', { class: 'chart-box', html: probabilityBars({
      series: models, colours, required: asked.probability ?? 0.8,
      rows: [...plans.map((plan) => ({ label: plan.plan, values: models.map((name) => plan.models[name].probability ?? null) })), ...foundRow(found, models)],
      title: `Probability of ${whatif.target} per plan and model`,
    }) })));
  parts.push(driversFigure(result, models, issue, focus));
  parts.push(dataTable({
    name: 'answer-probabilities', role: 'answer-probabilities', caption: `P(${whatif.target}) per plan and model`,
    columns: [{ key: 'plan', label: 'Plan' }, { key: 'levers', label: 'Levers' }, { key: 'cost', label: 'Cost', numeric: true, format: (v) => formatNumber(v, 2) },
      ...models.map((name) => ({ key: name, label: name, numeric: true, format: (v) => formatPercent(v, 1) }))],
    rows: [...plans, ...(found && found.models ? [{ ...found, plan: 'found by the search' }] : [])].map((plan) => ({ plan: plan.plan, levers: leversText(plan.levers), cost: plan.cost, ...Object.fromEntries(models.map((name) => [name, plan.models[name] ? plan.models[name].probability : null])) })),
  }));
  parts.push(dataTable({
    name: 'answer-cheapest-plans', role: 'answer-cheapest-plans', caption: 'Cheapest plan per model, against the best counter',
    columns: [{ key: 'model', label: 'Model' }, { key: 'plan', label: 'Cheapest plan' }, { key: 'cost', label: 'Cost', numeric: true, format: (v) => formatNumber(v, 2) },
      { key: 'probability', label: 'P without counter', numeric: true, format: (v) => formatPercent(v, 1) },
      { key: 'countered', label: 'P with counter', numeric: true, format: (v) => formatPercent(v, 1) }, { key: 'counter', label: 'Best counter' }],
    // When no plan meets the target, the closest one stands in, named as such, so that the
    // analyst sees how far the best of the levers falls short.
    rows: optimisations.map((item) => {
      const best = item.result && item.result.best;
      const closest = !best && item.result && item.result.closest && item.result.closest[0];
      const shown = best || closest;
      return {
        model: item.model,
        plan: item.error ? `failed: ${item.error}` : best ? leversText(best.levers) : closest ? `none meets the target; closest: ${leversText(closest.levers)}` : 'none meets the target',
        cost: shown ? shown.cost : null,
        probability: shown ? shown.probability : null,
        countered: shown ? shown.probability_with_counter_levers : null,
        counter: shown && shown.best_counter_levers ? (shown.best_counter_levers.length ? leversText(shown.best_counter_levers) : 'none helps') : '–',
      };
    }),
  }));
  parts.push(dealsTable(deals, models));
  return resultBlock(revision, 'answer-result', parts);
}

// The figures of the plan the answer is about, kept on its card for whoever compares them with
// the report's (the browser tests): reached or only the closest, cost, P without and after the
// best counter.
function planFigures(plan, reached) {
  if (!plan) return {};
  return { reached: String(reached), cost: plan.cost, probability: plan.probability, countered: plan.probability_with_counter_levers ?? '' };
}

// The plan the search found, as a row of the P(target) chart: its probability under every model
// that ran, as the server weighed it (the answer's found_plan.models); none when it was not
// weighed.
function foundRow(found, models) {
  if (!found || !found.models) return [];
  return [{
    label: 'found by the search', found: true,
    note: `${leversText(found.levers)} · cost ${formatNumber(found.cost, 2)}`,
    values: models.map((name) => (found.models[name] ? found.models[name].probability ?? null : null)),
  }];
}

function rangeText(values) {
  const known = values.filter((value) => value !== undefined && value !== null);
  if (!known.length) return '–';
  const low = Math.min(...known);
  const high = Math.max(...known);
  return low === high ? formatPercent(low) : `${formatPercent(low)} – ${formatPercent(high)}`;
}

// Where the models disagree, in the sentences the server's analysis writes.
function disagreements(sentences) {
  return h('div', { class: 'answer-card info disagreements', dataset: { role: 'disagreements' } },
    h('div', { class: 'answer-label', text: 'Where the models disagree' }),
    sentences.length ? h('ul', {}, sentences.map((sentence) => h('li', { text: sentence }))) : h('p', { class: 'answer-note', text: 'The models agree.' }));
}

function draw() {
  shown = null;
  const models = modelPicker('answer-models', ['compromise', 'weighted_median', 'eum'].filter((name) => app.models.some((model) => model.name === name)));
  const draws = drawsInput(300, 'Draws per plan', 'answer-draws');
  const optimiseDraws = drawsInput(100, 'Draws per candidate plan', 'answer-optimise-draws');
  // The setting the server's sentences call "model error": whether probabilities include each
  // model's own error on past decisions or only the spread of the inputs.
  const modelError = h('input', { type: 'checkbox', checked: true, dataset: { role: 'answer-model-error' } });
  const modelErrorField = h('label', { class: 'field checkbox-field' }, modelError, h('span', { text: ' Model error: count each model\'s own error on past decisions (off: the inputs\' spread alone)' }));
  const answerJob = jobPanel('answer-job');
  output = h('div', { class: 'output', dataset: { role: 'answer-output' } });
  const start = button('Answer the question', async () => {
    const asked = question();
    output.replaceChildren();
    if (!asked || !asked.target) { output.replaceChildren(notice('info', 'State the question first: a target issue and value.')); return; }
    if (!app.valid) { output.replaceChildren(notice('error', `The scenario has an error: ${app.error.text}`)); return; }
    const chosen = models.chosen();
    if (!chosen.length) { output.replaceChildren(notice('info', 'Choose at least one model.')); return; }
    const revision = app.revision;
    start.disabled = true;
    try {
      const document = { ...documentForServer(), question: asked };
      const job = await answerJob.run('/api/answer', { document, models: chosen, draws: draws.value(), optimize_draws: optimiseDraws.value(), model_error: modelError.checked });
      if (job.status !== 'done') return;
      const answer = fromAnswer(job.result, chosen);
      output.replaceChildren(answerResult({ asked, ...answer, revision, sentences: job.result.disagreements }));
      // The report written below answers with exactly these settings.
      shown = { revision, models: chosen, draws: job.result.draws, optimize_draws: job.result.optimize_draws, seed: job.result.seed, model_error: Boolean(job.result.model_error) };
      markStale();
    } catch (error) {
      output.replaceChildren(notice('error', error.message));
    } finally {
      start.disabled = false;
    }
  }, { class: 'primary', dataset: { action: 'answer-start' } });
  const everyModel = app.models.map((model) => model.name);
  const modelsHint = h('p', { class: 'hint', dataset: { role: 'answer-models-hint' }, text: `Three models answer by default (compromise, weighted_median, eum), to keep the answer to seconds; the command line's statecraft answer runs all ${everyModel.length}: ${everyModel.join(', ')}. Tick the others to add them; each adds its own what-ifs and search. The report written below answers with the models ticked here.` });
  body.replaceChildren(questionCard(),
    card('Run', models.element, modelsHint, h('div', { class: 'form-row' }, draws.element, optimiseDraws.element, modelErrorField, start), answerJob.element),
    output, reportCard(() => (shown && shown.revision === app.revision ? shown
      : { revision: app.revision, models: models.chosen(), draws: draws.value(), optimize_draws: optimiseDraws.value(), seed: 0, model_error: modelError.checked, unanswered: true })));
}

export const answerView = {
  mount(container) {
    root = container;
    body = h('div', { class: 'view-body' });
    root.append(viewHeader('answer-title', 'Answer', 'The question this scenario asks, and what the models answer: how likely the target is, the cheapest plan that reaches it, and what the opponent can do about it.'), body);
    on('edited', ({ loaded }) => {
      if (loaded) body.dataset.dirty = '1';
      if (loaded && !root.hidden) answerView.show();
    });
  },
  show() {
    if (!body.children.length || body.dataset.dirty) {
      delete body.dataset.dirty;
      draw();
    }
  },
};
