// Backtest: the chosen models' baseline forecasts beside each issue's known outcome (the issues
// that declare one), on the issue's scale. The numbers are the API's (POST /api/compare); the
// differences are the forecast minus the known outcome's central value.

import { api } from '../api.js';
import { h, viewHeader, card, formatNumber, notice } from '../dom.js';
import { app, on, documentForServer, modelColour } from '../state.js';
import { distributionChart, kPalette } from '../charts.js';
import { dataTable } from '../table.js';
import { modelPicker, issueInfo, anchorList } from '../pickers.js';
import { resultBlock, markStale } from '../results.js';
import { button } from '../inputs.js';
import { readEstimate } from '../scenario_doc.js';

let root = null;
let body = null;

function knownOutcomes() {
  return (app.document.issues || []).filter((issue) => issue.known_outcome !== undefined)
    .map((issue) => ({ issue: issue.name, ...readEstimate(issue.known_outcome) }));
}

function result(json, revision, known) {
  const forecasts = json.models;
  const figures = known.map((outcome) => {
    const info = issueInfo(outcome.issue);
    return h('figure', { class: 'chart-figure', dataset: { issue: outcome.issue } },
      h('figcaption', {}, h('strong', { text: outcome.issue }), ' — forecast at baseline against the known outcome'),
      h('div', { class: 'chart-box', html: distributionChart({
        issue: outcome.issue, scale: info.scale, anchors: info.anchors, reference: info.reference,
        rows: [{ label: 'known outcome', q10: outcome.low, median: outcome.central, q90: outcome.high, colour: '#444444' },
          ...forecasts.map((forecast) => ({ label: forecast.model, median: forecast.outcome[outcome.issue], colour: modelColour(forecast.model, kPalette) }))],
        title: `${outcome.issue}: forecasts and the known outcome`,
      }) }), anchorList(info.anchors));
  });
  const rows = known.flatMap((outcome) => forecasts.map((forecast) => ({
    issue: outcome.issue, model: forecast.model, forecast: forecast.outcome[outcome.issue], known: outcome.central,
    known_low: outcome.low, known_high: outcome.high,
    difference: forecast.outcome[outcome.issue] === null ? null : forecast.outcome[outcome.issue] - outcome.central,
  })));
  const number = (value) => formatNumber(value, 1);
  return resultBlock(revision, 'backtest-result',
    h('div', { class: 'chart-grid' }, figures),
    dataTable({
      name: 'backtest', role: 'backtest', caption: 'Forecast against the known outcome',
      columns: [{ key: 'issue', label: 'Issue' }, { key: 'model', label: 'Model' }, { key: 'forecast', label: 'Forecast', numeric: true, format: number },
        { key: 'known', label: 'Known', numeric: true, format: number }, { key: 'known_low', label: 'Known low', numeric: true, format: number },
        { key: 'known_high', label: 'Known high', numeric: true, format: number }, { key: 'difference', label: 'Forecast − known', numeric: true, format: number }],
      rows,
    }));
}

function draw() {
  const known = knownOutcomes();
  const models = modelPicker('backtest-models');
  const output = h('div', { class: 'output', dataset: { role: 'backtest-output' } });
  const run = async () => {
    const revision = app.revision;
    try {
      const { json } = await api('POST', '/api/compare', { document: documentForServer(), models: models.chosen(), save: false });
      output.replaceChildren(result(json, revision, known));
      markStale();
    } catch (error) {
      output.replaceChildren(notice('error', error.message));
    }
  };
  if (!known.length) {
    body.replaceChildren(card('No known outcomes', h('p', { class: 'hint', text: 'Give issues a known outcome (Scenario → Issues) to compare the forecasts with what happened.' })));
    return;
  }
  body.replaceChildren(card(null, models.element, h('div', { class: 'card-actions' }, button('Compare with the known outcomes', run, { class: 'primary', dataset: { action: 'backtest-start' } }))), output);
  if (app.valid) run();
}

export const backtestView = {
  mount(container) {
    root = container;
    body = h('div', { class: 'view-body' });
    root.append(viewHeader('backtest-title', 'Backtest', 'How the baseline forecasts compare with what happened, where the scenario records it. (The DEU dataset backtest with error intervals is `statecraft backtest`.)'), body);
    on('edited', () => { body.dataset.dirty = '1'; });
  },
  show() {
    if (!body.children.length || body.dataset.dirty) {
      delete body.dataset.dirty;
      draw();
    }
  },
};
