// Forecast: every chosen model's outcome per issue under the levers being tried (POST
// /api/compare), re-run at once after each valid edit or slider move; charts first (each issue's
// scale with its anchors, the models' outcomes, status quo and known outcome), then the table and
// the models' trajectories (the report's SVG charts, rendered by the server).

import { api } from '../api.js';
import { h, viewHeader, card, formatNumber, notice } from '../dom.js';
import { app, on, documentForServer, modelColour } from '../state.js';
import { distributionChart, kPalette } from '../charts.js';
import { dataTable } from '../table.js';
import { modelPicker, issueInfo, anchorList } from '../pickers.js';
import { resultBlock, markStale, unsettled } from '../results.js';
import { button } from '../inputs.js';

let root = null;
let models = null;
let leverBox = null;
let output = null;
let timing = null;
let inFlight = null;
let setStatus = () => {};
const leverState = new Map();  // name → {on, value}

// The plan of the ticked levers at their sliders' magnitudes: "L1=15+L3=40".
export function triedPlan() {
  return app.levers.filter((lever) => !lever.excluded && leverState.get(lever.name) && leverState.get(lever.name).on)
    .map((lever) => `${lever.name}=${leverState.get(lever.name).value}`).join('+');
}

function drawLevers() {
  const usable = app.levers.filter((lever) => !lever.excluded);
  if (!usable.length) {
    leverBox.replaceChildren(h('p', { class: 'hint', text: 'The scenario declares no levers. Add them under Levers & plans.' }));
    return;
  }
  leverBox.replaceChildren(...usable.map((lever) => {
    const { low, central, high } = lever.magnitude;
    const current = leverState.get(lever.name) || { on: false, value: central };
    if (current.value < low || current.value > high) current.value = central;
    leverState.set(lever.name, current);
    const box = h('input', { type: 'checkbox', checked: current.on, dataset: { lever: lever.name }, 'aria-label': `Apply lever ${lever.name}` });
    const slider = h('input', {
      type: 'range', min: low, max: high, step: (high - low) / 20 || 1, value: current.value,
      dataset: { leverSlider: lever.name }, 'aria-label': `Magnitude of ${lever.name}`, disabled: low === high,
    });
    const shown = h('output', { class: 'lever-value', text: formatNumber(current.value, 2) });
    box.addEventListener('change', () => { current.on = box.checked; rerun(false); });
    slider.addEventListener('input', () => {
      current.value = Number(slider.value);
      shown.textContent = formatNumber(current.value, 2);
      current.on = true;
      box.checked = true;
      rerun(false);
    });
    return h('div', { class: 'lever-row' }, box, h('span', { class: 'lever-name', text: lever.name }), slider, shown,
      h('span', { class: 'lever-description', text: `${lever.description}${lever.unit ? ` (${lever.unit})` : ''}` }));
  }));
}

function drawResult(json, revision, elapsed, plan) {
  const forecasts = json.models;
  const issues = forecasts.length ? forecasts[0].issues : [];
  const charts = issues.map((issue) => {
    const info = issueInfo(issue);
    return h('figure', { class: 'chart-figure', dataset: { issue } },
      h('figcaption', {}, h('strong', { text: issue }), info.issue.description ? ` — ${info.issue.description}` : ''),
      h('div', { class: 'chart-box', html: distributionChart({
        issue,
        scale: info.scale,
        anchors: info.anchors,
        reference: info.reference,
        known: info.known,
        title: `${issue}: outcome per model${plan ? ` with ${plan}` : ''}`,
        rows: forecasts.map((forecast) => ({ label: forecast.model, median: forecast.outcome[issue], colour: modelColour(forecast.model, kPalette) })),
      }) }),
      anchorList(info.anchors));
  });
  const rows = issues.map((issue) => {
    const row = { issue };
    for (const forecast of forecasts) {
      const settlement = forecast.settlement && forecast.settlement[issue];
      row[forecast.model] = forecast.outcome[issue];
      if (settlement && !settlement.settled) row[`${forecast.model} unsettled`] = true;
    }
    return row;
  });
  const columns = [{ key: 'issue', label: 'Issue' }, ...forecasts.map((forecast) => ({
    key: forecast.model, label: forecast.model, numeric: true,
    format: (value, row) => formatNumber(value, 1) + (row && row[`${forecast.model} unsettled`] ? ' ~' : ''),
  }))];
  const trajectories = json.charts ? json.charts.trajectories : [];
  // A forecast that depends on where the rounds stop is never shown as a plain point.
  const moving = unsettled(forecasts);
  const settlementNote = moving.length ? h('p', { class: 'note', dataset: { role: 'unsettled' } },
    h('strong', { text: 'Not settled: ' }),
    moving.map((item) => `${item.model} on ${item.issue} keeps moving between ${formatNumber(item.low, 1)} and ${formatNumber(item.high, 1)}` +
      (item.period ? ` (a cycle of ${item.period} rounds)` : '')).join('; ') +
    '. The number shown is the model\'s forecast under its stopping rule (eum: the mean over its rounds).') : null;
  output.replaceChildren(resultBlock(revision, 'forecast',
    h('p', { class: 'result-meta', text: `${forecasts.length} models · ${plan ? `levers ${plan}` : 'no lever'} · outcomes after decision rules` }),
    h('div', { class: 'chart-grid' }, charts),
    dataTable({ columns, rows, name: 'forecast', caption: 'Outcome per issue and model (after decision rules)', role: 'outcomes' }),
    settlementNote,
    trajectories.length ? h('details', { class: 'trajectories' },
      h('summary', { text: `Trajectories: each model's rounds of positions (${trajectories.length} charts)` }),
      h('div', { class: 'chart-grid' }, trajectories.map((chart) => h('figure', { class: 'chart-box', dataset: { model: chart.model, issue: chart.issue }, html: chart.svg })))) : null));
  markStale();
}

// Re-runs the chosen models on the document (a request still in flight is aborted).
export async function rerun(save) {
  if (!app.valid || app.validatedRevision !== app.revision) return;
  const chosen = models.chosen();
  if (!chosen.length) {
    output.replaceChildren(notice('info', 'Choose at least one model.'));
    return;
  }
  if (inFlight) inFlight.abort();
  const controller = new AbortController();
  inFlight = controller;
  const started = performance.now();
  const revision = app.revision;
  const plan = triedPlan();
  try {
    const { json, headers } = await api('POST', '/api/compare?charts=1', { document: documentForServer(), models: chosen, plan, save }, controller.signal);
    const elapsed = performance.now() - started;
    drawResult(json, revision, elapsed, plan);
    timing.textContent = `${chosen.length} models in ${elapsed.toFixed(0)} ms`;
    timing.dataset.ms = elapsed.toFixed(1);
    const runId = headers.get('X-Statecraft-Run-Id');
    if (runId) setStatus(`saved as run ${runId}`);
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  } catch (error) {
    if (error.name !== 'AbortError') output.replaceChildren(notice('error', error.message));
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}

export const forecastView = {
  mount(container, context) {
    root = container;
    setStatus = context.setStatus;
    leverBox = h('div', { class: 'lever-list', dataset: { role: 'lever-sliders' } });
    output = h('div', { class: 'output', dataset: { role: 'forecast-output' } });
    timing = h('span', { class: 'timing', dataset: { role: 'timing' } });
    const controls = h('div', { class: 'controls' });
    root.append(viewHeader('forecast-title', 'Forecast', 'What each model predicts the actors settle on. Tick a lever and move its slider: every chosen model re-runs at once.',
      button('Run and save', () => rerun(true), { class: 'primary', dataset: { action: 'run-save' } })),
    h('div', { class: 'two-column' },
      h('div', { class: 'side' }, card(null, controls), card('Levers to try', leverBox), timing),
      output));
    models = { chosen: () => [] };
    on('validated', ({ valid }) => {
      if (!models.element && app.models.length) {
        models = modelPicker('forecast-models');
        models.element.addEventListener('models-changed', () => rerun(false));
        controls.replaceChildren(models.element);
      }
      drawLevers();
      if (valid) rerun(false);
    });
  },
  show() {},
};
