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
