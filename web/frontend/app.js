// statecraft browser UI: edits a scenario document, sends it to the JSON API and shows what the
// API answers. No model logic here: every number shown comes from the server, charts included
// (they are the report's SVG charts).
'use strict';

const state = {
  document: null,      // the scenario in the native format, as JSON
  levers: [],          // [{name, description, magnitude: {low, central, high}, excluded}]
  models: [],          // [{name, summary}]
  inFlight: null,      // AbortController of the running compare
  sweepJob: null,      // the running sweep or what-if job
  jobKind: null,
  optimizeJob: null,   // the running optimize job
};

const $ = (selector) => document.querySelector(selector);

function setStatus(text, isError) {
  const status = $('#status');
  status.textContent = text;
  status.className = isError ? 'error' : '';
}

async function api(method, path, body, signal) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    signal,
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text }; }
  if (!response.ok) throw new Error((json && json.error) || response.statusText);
  return { json, headers: response.headers };
}

// A value of the document ("12", [low, central, high] or {central, low, high}) as an object.
function toEstimate(value) {
  if (Array.isArray(value)) {
    return value.length === 3 ? { low: value[0], central: value[1], high: value[2] } : { central: value[0] };
  }
  if (value !== null && typeof value === 'object') return { ...value };
  return { central: value };
}

function fromEstimate(estimate, original) {
  const ranged = estimate.low !== undefined && estimate.high !== undefined;
  if (original !== null && typeof original === 'object' && !Array.isArray(original)) {
    const out = { ...original, central: estimate.central };
    if (ranged) { out.low = estimate.low; out.high = estimate.high; }
    return out;
  }
  return ranged ? [estimate.low, estimate.central, estimate.high] : estimate.central;
}

function cellInput(actor, issue, field, part, value) {
  const input = document.createElement('input');
  input.type = 'number';
  input.step = 'any';
  input.value = value === undefined ? '' : value;
  input.dataset.actor = actor;
  input.dataset.issue = issue;
  input.dataset.field = field;
  input.dataset.part = part;
  input.className = part;
  input.title = `${actor} / ${issue}: ${field} (${part})`;
  input.addEventListener('change', onStakeEdited);
  return input;
}

function renderEditor() {
  const stakes = state.document.stakes || {};
  const table = document.createElement('table');
  table.innerHTML = '<thead><tr><th>actor</th><th>issue</th><th colspan="3">position (low, central, high)</th>' +
    '<th colspan="3">salience</th><th>capability</th></tr></thead>';
  const body = document.createElement('tbody');
  for (const [actor, issues] of Object.entries(stakes)) {
    for (const [issue, stake] of Object.entries(issues)) {
      const row = document.createElement('tr');
      row.innerHTML = `<td>${actor}</td><td>${issue}</td>`;
      for (const field of ['position', 'salience']) {
        const estimate = toEstimate(stake[field]);
        for (const part of ['low', 'central', 'high']) {
          const cell = document.createElement('td');
          cell.appendChild(cellInput(actor, issue, field, part, estimate[part]));
          row.appendChild(cell);
        }
      }
      const capabilityCell = document.createElement('td');
      const capability = stake.capability === undefined ? undefined : toEstimate(stake.capability).central;
      capabilityCell.appendChild(cellInput(actor, issue, 'capability', 'central', capability));
      row.appendChild(capabilityCell);
      body.appendChild(row);
    }
  }
  table.appendChild(body);
  $('#editor').replaceChildren(table);
}

function onStakeEdited(event) {
  const { actor, issue, field, part } = event.target.dataset;
  const stake = state.document.stakes[actor][issue];
  const text = event.target.value.trim();
  if (field === 'capability') {
    if (text === '') { delete stake.capability; } else {
      const estimate = stake.capability === undefined ? {} : toEstimate(stake.capability);
      estimate.central = Number(text);
      stake.capability = fromEstimate(estimate, stake.capability);
    }
  } else {
    const estimate = toEstimate(stake[field]);
    if (text === '') { delete estimate[part]; } else { estimate[part] = Number(text); }
    stake[field] = fromEstimate(estimate, stake[field]);
  }
  rerun(false);
}

function renderModels() {
  const box = $('#models');
  box.replaceChildren();
  const select = $('#sweep-model');
  select.replaceChildren();
  for (const model of state.models) {
    const label = document.createElement('label');
    label.title = model.summary;
    label.innerHTML = `<input type="checkbox" name="model" value="${model.name}" checked> ${model.name}`;
    label.querySelector('input').addEventListener('change', () => rerun(false));
    box.appendChild(label);
    const option = document.createElement('option');
    option.value = option.textContent = model.name;
    select.appendChild(option);
  }
}

function renderLevers() {
  const box = $('#levers');
  box.replaceChildren();
  for (const lever of state.levers) {
    if (lever.excluded) continue;
    const { low, central, high } = lever.magnitude;
    const row = document.createElement('div');
    row.className = 'lever';
    row.innerHTML =
      `<input type="checkbox" data-lever="${lever.name}">` +
      `<b>${lever.name}</b>` +
      `<input type="range" data-lever-slider="${lever.name}" min="${low}" max="${high}" ` +
      `step="${(high - low) / 20 || 1}" value="${central}">` +
      `<span data-lever-value="${lever.name}">${central}</span>` +
      `<span class="description">${lever.description} (${lever.unit})</span>`;
    const checkbox = row.querySelector('input[type=checkbox]');
    const slider = row.querySelector('input[type=range]');
    checkbox.addEventListener('change', () => rerun(false));
    slider.addEventListener('input', () => {
      row.querySelector('[data-lever-value]').textContent = slider.value;
      checkbox.checked = true;
      rerun(false);
    });
    box.appendChild(row);
  }
}

function chosenModels() {
  return [...document.querySelectorAll('#models input:checked')].map((input) => input.value);
}

function planSpec() {
  const parts = [];
  for (const checkbox of document.querySelectorAll('#levers input[type=checkbox]:checked')) {
    const name = checkbox.dataset.lever;
    const slider = document.querySelector(`[data-lever-slider="${name}"]`);
    parts.push(`${name}=${slider.value}`);
  }
  return parts.join('+');
}

function renderOutcomes(result) {
  const models = result.models;
  const issues = models.length ? models[0].issues : [];
  let html = '<thead><tr><th>issue</th>' + models.map((m) => `<th>${m.model}</th>`).join('') + '</tr></thead><tbody>';
  for (const issue of issues) {
    html += `<tr><td>${issue}</td>` + models.map((m) => {
      const value = m.outcome[issue];
      return `<td data-model="${m.model}" data-issue="${issue}">${value === null ? '-' : value.toFixed(1)}</td>`;
    }).join('') + '</tr>';
  }
  $('#outcomes').innerHTML = html + '</tbody>';
  const charts = result.charts ? result.charts.trajectories : [];
  $('#charts').innerHTML = charts.map((chart) => `<figure data-model="${chart.model}" data-issue="${chart.issue}">${chart.svg}</figure>`).join('');
}

// Re-runs every chosen model on the edited document (the previous request is aborted).
async function rerun(save) {
  const models = chosenModels();
  if (!models.length) { setStatus('choose at least one model', true); return; }
  if (state.inFlight) state.inFlight.abort();
  const controller = new AbortController();
  state.inFlight = controller;
  const started = performance.now();
  try {
    const body = { document: state.document, models, plan: planSpec(), save };
    const { json, headers } = await api('POST', '/api/compare?charts=1', body, controller.signal);
    renderOutcomes(json);
    const elapsed = performance.now() - started;
    $('#timing').textContent = `${models.length} models in ${elapsed.toFixed(0)} ms`;
    $('#timing').dataset.ms = elapsed.toFixed(1);
    const runId = headers.get('X-Statecraft-Run-Id');
    setStatus(runId ? `saved as run ${runId}` : 'up to date');
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
    if (runId) refreshHistory();
  } catch (error) {
    if (error.name !== 'AbortError') setStatus(error.message, true);
  } finally {
    if (state.inFlight === controller) state.inFlight = null;
  }
}

// Sweeps and what-ifs run as jobs on the server: progress is polled, Cancel stops the job, and
// the saved run's report (the report's charts) is shown when it is done.
async function startJob(kind) {
  const model = $('#sweep-model').value;
  const body = { document: state.document, draws: Number($('#sweep-draws').value) };
  if (kind === 'sweep') {
    body.model = model;
    body.plan = planSpec();
  } else {
    body.models = chosenModels();  // one job step per model, so Cancel stops between models
  }
  try {
    const { json } = await api('POST', `/api/${kind}`, body);
    state.sweepJob = json.job;
    state.jobKind = kind;
    $('#sweep-cancel').disabled = false;
    $('#sweep-progress').value = 0;
    $('#sweep-status').textContent = 'running';
    pollSweep();
  } catch (error) {
    $('#sweep-status').textContent = error.message;
  }
}

async function pollSweep() {
  if (state.sweepJob === null) return;
  const { json } = await api('GET', `/api/jobs/${state.sweepJob}`);
  $('#sweep-progress').value = json.progress;
  $('#sweep-status').textContent = json.status + (json.error ? `: ${json.error}` : '');
  if (json.status === 'running') { setTimeout(pollSweep, 200); return; }
  $('#sweep-cancel').disabled = true;
  state.sweepJob = null;
  if (json.status !== 'done') return;
  const rows = [];
  if (state.jobKind === 'sweep') {
    for (const [issue, q] of Object.entries(json.result.issues)) rows.push([issue, q]);
  } else {
    for (const plan of json.result.plans) {
      for (const [model, cell] of Object.entries(plan.models)) {
        for (const [issue, q] of Object.entries(cell.issues)) rows.push([`${plan.plan} (${model}): ${issue}`, q]);
      }
    }
  }
  let html = '<thead><tr><th>issue</th><th>10%</th><th>median</th><th>90%</th><th>mean</th></tr></thead><tbody>';
  for (const [label, q] of rows) {
    html += `<tr><td>${label}</td><td>${q.q10.toFixed(1)}</td><td>${q.median.toFixed(1)}</td><td>${q.q90.toFixed(1)}</td><td>${q.mean.toFixed(1)}</td></tr>`;
  }
  $('#sweep-result').innerHTML = html + '</tbody>';
  if (json.run_id) {
    const frame = $('#job-report');
    frame.src = `/api/runs/${json.run_id}/report`;
    frame.hidden = false;
  }
  refreshHistory();
}

async function cancelSweep() {
  if (state.sweepJob !== null) await api('DELETE', `/api/jobs/${state.sweepJob}`);
}

// Optimize: the target, probability, budget, models and draws go to POST /api/optimize as a job;
// the answer (the cheapest plan, its runners-up, or the closest plans) is shown as the server
// computed it.
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function renderOptimizeChoices() {
  const issues = state.document.issues || [];
  const select = $('#optimize-issue');
  select.replaceChildren();
  for (const issue of Array.isArray(issues) ? issues : Object.keys(issues).map((name) => ({ name }))) {
    const option = document.createElement('option');
    option.value = option.textContent = issue.name;
    select.appendChild(option);
  }
  const box = $('#optimize-models');
  box.replaceChildren(document.createTextNode('models: '));
  for (const model of state.models) {
    const label = document.createElement('label');
    label.title = model.summary;
    const checked = model.name === 'compromise' ? ' checked' : '';
    label.innerHTML = `<input type="checkbox" name="optimize-model" value="${escapeHtml(model.name)}"${checked}> ${escapeHtml(model.name)}`;
    box.appendChild(label);
  }
}

async function startOptimize() {
  // At once, so that the status of an earlier optimisation is never read as this one's.
  $('#optimize-status').textContent = 'starting';
  $('#optimize-result').replaceChildren();
  delete $('#optimize-result').dataset.outcome;
  const target = `${$('#optimize-issue').value}${$('#optimize-direction').value}${$('#optimize-value').value.trim()}`;
  const body = { document: state.document, target, draws: Number($('#optimize-draws').value) };
  const probability = $('#optimize-probability').value.trim();
  if (probability !== '') body.probability = Number(probability);
  const budget = $('#optimize-budget').value.trim();
  if (budget !== '') body.budget = Number(budget);
  const models = [...document.querySelectorAll('#optimize-models input:checked')].map((input) => input.value);
  if (models.length) body.models = models;
  else { $('#optimize-status').textContent = 'choose at least one model'; return; }
  try {
    const { json } = await api('POST', '/api/optimize', body);
    state.optimizeJob = json.job;
    $('#optimize-cancel').disabled = false;
    $('#optimize-progress').value = 0;
    $('#optimize-status').textContent = 'running';
    pollOptimize();
  } catch (error) {
    $('#optimize-status').textContent = error.message;
  }
}

async function pollOptimize() {
  if (state.optimizeJob === null) return;
  const { json } = await api('GET', `/api/jobs/${state.optimizeJob}`);
  $('#optimize-progress').value = json.progress;
  $('#optimize-status').textContent = json.status + (json.error ? `: ${json.error}` : '');
  if (json.status === 'running') { setTimeout(pollOptimize, 200); return; }
  $('#optimize-cancel').disabled = true;
  state.optimizeJob = null;
  if (json.status !== 'done') return;
  renderOptimizeResult(json.result, json.run_id);
  refreshHistory();
}

function percent(value) {
  return value === undefined || value === null ? '-' : `${(100 * value).toFixed(1)} %`;
}

function leversText(levers) {
  return levers.length ? levers.map((l) => `${l.lever}=${l.magnitude}`).join(' + ') : 'no lever';
}

function plansTable(role, title, evaluations) {
  let html = `<table data-role="${role}"><thead><tr><th>${title}</th><th>cost</th><th>median</th>` +
    '<th>P without counter</th><th>P with counter</th><th>best counter-plan</th></tr></thead><tbody>';
  for (const plan of evaluations) {
    const countered = plan.probability_with_counter_levers;
    let counter = '-';
    if (countered !== undefined) {
      counter = plan.best_counter_levers.length
        ? `${leversText(plan.best_counter_levers)} (cost ${plan.counter_cost})` : 'none helps';
    }
    html += `<tr data-meets="${plan.meets_target}"><td>${escapeHtml(leversText(plan.levers))}</td>` +
      `<td>${plan.cost}</td><td>${plan.median.toFixed(1)}</td><td>${percent(plan.probability)}</td>` +
      `<td>${percent(countered)}</td><td>${escapeHtml(counter)}</td></tr>`;
  }
  return html + '</tbody></table>';
}

function renderOptimizeResult(result, runId) {
  const budget = result.budget === undefined ? 'no budget limit' : `budget ${result.budget}`;
  let html = `<p>target ${escapeHtml(result.target)} with probability &ge; ${percent(result.required_probability)}, ` +
    `${budget}, models ${escapeHtml(result.models.join(', '))}, ${result.draws} draws: ` +
    `${result.candidates} plans within budget, ${result.evaluated} evaluated, ${result.counter_plans} counter-plans; ` +
    `baseline probability ${percent(result.baseline_probability)}` +
    (runId ? `; saved as run ${runId}` : '') + '</p>';
  const box = $('#optimize-result');
  if (result.best) {
    box.dataset.outcome = 'best';
    html += plansTable('best', 'cheapest plan', [result.best]);
    if (result.runners_up.length) html += plansTable('runners-up', 'runners-up', result.runners_up);
  } else {
    box.dataset.outcome = 'closest';
    html += '<p>No plan meets the target; the closest:</p>' + plansTable('closest', 'plan', result.closest || []);
  }
  box.innerHTML = html;
}

async function cancelOptimize() {
  if (state.optimizeJob !== null) await api('DELETE', `/api/jobs/${state.optimizeJob}`);
}

async function refreshHistory() {
  try {
    const { json } = await api('GET', '/api/runs?limit=20');
    let html = '<thead><tr><th>id</th><th>kind</th><th>status</th><th>created (UTC)</th><th>models</th><th></th></tr></thead><tbody>';
    for (const run of json.runs) {
      const report = run.status === 'complete' ? `<a href="/api/runs/${run.id}/report" target="_blank">report</a>` : '';
      html += `<tr><td>${run.id}</td><td>${run.kind}</td><td>${run.status}</td><td>${run.created_at.slice(0, 19)}</td>` +
        `<td>${run.models.join(', ')}</td><td>${report}</td></tr>`;
    }
    $('#history').innerHTML = html + '</tbody>';
  } catch (error) {
    $('#history').innerHTML = `<tr><td class="error">${error.message}</td></tr>`;
  }
}

async function start() {
  try {
    const [scenario, models] = await Promise.all([api('GET', '/api/scenario'), api('GET', '/api/models')]);
    state.document = scenario.json.document;
    state.levers = scenario.json.levers;
    state.models = models.json.models;
    $('#scenario-name').textContent = state.document.name || '';
    renderEditor();
    renderModels();
    renderLevers();
    renderOptimizeChoices();
    $('#run-button').addEventListener('click', () => rerun(true));
    $('#sweep-start').addEventListener('click', () => startJob('sweep'));
    $('#whatif-start').addEventListener('click', () => startJob('whatif'));
    $('#sweep-cancel').addEventListener('click', cancelSweep);
    $('#history-refresh').addEventListener('click', refreshHistory);
    $('#optimize-start').addEventListener('click', startOptimize);
    $('#optimize-cancel').addEventListener('click', cancelOptimize);
    await rerun(false);
    refreshHistory();
  } catch (error) {
    setStatus(error.message, true);
  }
}

start();
