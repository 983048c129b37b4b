// Result panels remember the document revision they were computed for; while the scenario differs
// from it (or is invalid) the panel says so and is dimmed.

import { h, $$ } from './dom.js';
import { app, on } from './state.js';

// A result container for `revision`, with its stale note (hidden while current).
export function resultBlock(revision, role, ...children) {
  return h('div', { class: 'result', dataset: { resultRevision: String(revision), role } },
    h('p', { class: 'stale-note', role: 'status', hidden: true }), children);
}

export function markStale() {
  for (const block of $$('[data-result-revision]')) {
    const revision = Number(block.dataset.resultRevision);
    const stale = revision !== app.revision || !app.valid;
    block.classList.toggle('stale', stale);
    block.dataset.stale = stale ? '1' : '0';
    const note = block.querySelector(':scope > .stale-note');
    if (!note) continue;
    note.hidden = !stale;
    if (stale) {
      note.textContent = app.valid
        ? 'Out of date: the scenario has changed since these results were computed. Run again to update them.'
        : `Out of date: the scenario has an error (${app.error ? app.error.text : 'see the Scenario view'}). Fix it to run again.`;
    }
  }
}

on('edited', markStale);
on('validated', markStale);

// Whether a result's probabilities and intervals include the models' own error (the server's
// "model_error": the calibration used, or null for the inputs' spread alone).
export function modelErrorNote(result) {
  const error = result ? result.model_error : undefined;
  if (error === undefined) return '';
  return error
    ? `with each model's own error on past decisions, from ${error.calibration || 'the calibration'}${error.source ? ` — ${error.source}` : ''}`
    : 'without model error: the spread of the inputs alone';
}

// The same in a few words, for a chart's caption or a headline beside its probability.
export function modelErrorTag(result) {
  const error = result ? result.model_error : undefined;
  if (error === undefined) return '';
  return error ? 'model error included' : 'inputs\' spread only, no model error';
}

// Each model's own error as the API sizes it ("model_error": {"models": {label: sizes}} for
// several models, the sizes themselves for one model's sweep): [{model, fitted, issues}].
function errorSizesOf(result) {
  const error = result ? result.model_error : null;
  if (!error) return [];
  if (error.models) {
    return Object.entries(error.models).filter(([, size]) => size && size.issues)
      .map(([model, size]) => ({ model, fitted: size.fitted_on_scenario === true, issues: size.issues }));
  }
  return error.issues ? [{ model: result.model || error.entry, fitted: error.fitted_on_scenario === true, issues: error.issues }] : [];
}

// How large each model's own error is, in words: "eum ±24 points" per model on `issue` (the
// half-width of the central 80 % of the model's misses on the calibration's decisions, at this
// issue's scale and spread; docs/calibration.md), with where it was learned and whether out of
// sample. Without `issue`: the target's issue is not known, so one model's error is given on
// every issue, several models' on the first. Null when the result has no model error.
export function modelErrorSizes(result, issue) {
  if (issue === undefined && result && result.target) issue = String(result.target).split(/<=|>=/)[0].trim();
  const sizes = errorSizesOf(result);
  if (!sizes.length) return null;
  const issues = Object.keys(sizes[0].issues);
  const shown = issue && issues.includes(issue) ? [issue] : (sizes.length === 1 ? issues : issues.slice(0, 1));
  const points = (value) => `±${value >= 10 ? Math.round(value) : value.toFixed(1)} points`;
  const items = [];
  for (const size of sizes) {
    for (const name of shown) {
      const item = size.issues[name];
      if (!item) continue;
      const label = shown.length > 1 ? `${size.model} on ${name}` : size.model;
      items.push(h('span', {
        class: 'error-size', dataset: { model: size.model, issue: name, halfWidth: String(item.half_width_80) },
        title: `${size.model} on ${name}: 80 % of its misses within ${points(item.half_width_80)}; it misses by ${item.mean_absolute_error.toFixed(1)} points on average`,
      }, h('strong', { text: label }), ` ${points(item.half_width_80)}`));
    }
  }
  if (!items.length) return null;
  const error = result.model_error;
  const learned = String(error.source || error.calibration || 'the calibration').split(' (')[0];
  const fitted = sizes.some((size) => size.fitted);
  const where = shown.length === 1 ? ` on ${shown[0]}` : '';
  const joined = items.flatMap((item, k) => (k ? [' · ', item] : [item]));
  return h('p', { class: 'result-meta error-sizes', dataset: { role: 'model-error-size' } },
    `Each model's own error${where}: `, ...joined,
    ` — 80 % of ${sizes.length > 1 ? 'each model\'s' : 'its'} misses fall within, learned on ${learned}, ${fitted ? 'in sample (this scenario was part of the fit)' : 'out of sample'}.`);
}

// Where a forecast did not settle (its rounds cycle), the range its outcome keeps moving in:
// [{model, issue, low, high, period}].
export function unsettled(forecasts) {
  const out = [];
  for (const forecast of forecasts) {
    for (const [issue, item] of Object.entries(forecast.settlement || {})) {
      if (!item.settled) out.push({ model: forecast.model, issue, low: item.low, high: item.high, period: item.period });
    }
  }
  return out;
}
