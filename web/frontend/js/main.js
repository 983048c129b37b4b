// statecraft's browser UI: opens, edits and saves a scenario, runs the analyses on the server and
// shows what it answers. No model logic here: every number shown comes from the JSON API.

import { api } from './api.js';
import { $, $$, h, download } from './dom.js';
import { app, on, loadDocument, documentForServer } from './state.js';
import { openFile, chooseAmong } from './open.js';
import { blankScenario } from './scenario_doc.js';
import { toYaml } from './yaml.js';
import { answerView } from './views/answer.js';
import { scenarioView } from './views/scenario.js';
import { forecastView } from './views/forecast.js';
import { leversView } from './views/levers.js';
import { uncertaintyView } from './views/uncertainty.js';
import { optimiseView } from './views/optimise.js';
import { backtestView } from './views/backtest.js';
import { historyView } from './views/history.js';
import { triedPlan } from './views/forecast.js';

const views = {
  answer: answerView,
  scenario: scenarioView,
  forecast: forecastView,
  levers: leversView,
  uncertainty: uncertaintyView,
  optimise: optimiseView,
  backtest: backtestView,
  history: historyView,
};

export function setStatus(text, isError) {
  const status = $('#status');
  status.textContent = text;
  status.classList.toggle('error', Boolean(isError));
}

function currentView() {
  const name = location.hash.replace('#', '').split('/')[0];
  return views[name] ? name : 'answer';
}

function showView() {
  const name = currentView();
  for (const section of $$('main > section')) section.hidden = section.dataset.view !== name;
  for (const link of $$('.app-nav a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.body.dataset.view = name;
  views[name].show();
}

function showValidity() {
  const badge = $('#validity');
  badge.replaceChildren();
  badge.className = 'badge';
  if (app.validatedRevision !== app.revision) {
    badge.textContent = 'checking…';
    return;
  }
  if (app.valid) {
    badge.classList.add('ok');
    badge.textContent = 'valid';
    return;
  }
  badge.classList.add('error');
  badge.dataset.role = 'validity-error';
  const field = app.error.path ? app.error.path : null;
  badge.append(h('span', { text: app.error.text }));
  if (field) {
    badge.append(' ', h('button', { type: 'button', class: 'link', onclick: () => goToField(field) }, 'Show'));
  }
}

// Opens the view that holds the field an error names and focuses it.
function goToField(path) {
  let view = 'scenario';
  if (/^(levers|plans|counter_levers)/.test(path)) view = 'levers';
  if (/^question/.test(path)) view = 'answer';
  location.hash = `#${view}`;
  setTimeout(() => {
    const field = $('[aria-invalid="true"]');
    if (field) {
      field.scrollIntoView({ block: 'center' });
      if (field.focus) field.focus();
    }
  }, 50);
}

function slug(text) {
  return String(text || 'scenario').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'scenario';
}

async function openFromFile(file) {
  setStatus(`reading ${file.name}…`);
  try {
    const scenarios = await openFile(file);
    const chosen = scenarios.length === 1 ? scenarios[0] : await chooseAmong(scenarios, file.name);
    if (!chosen) {
      setStatus('nothing opened');
      return;
    }
    loadDocument(chosen.document, `${slug(chosen.document.name || file.name)}.yaml`);
    setStatus(`opened ${file.name}${scenarios.length > 1 ? ` (${chosen.name})` : ''}`);
    document.body.dataset.opened = file.name;
  } catch (error) {
    setStatus(`${file.name}: ${error.message}`, true);
    document.body.dataset.openError = error.message;
  }
}

// The built-in scenarios (the flagship and the gallery of classic cases, docs/gallery.md): the
// same choice dialog as a file holding several scenarios.
async function openBuiltin() {
  setStatus('loading the built-in cases…');
  try {
    const { json } = await api('GET', '/api/scenarios');
    const choices = json.scenarios.map((item) => ({ name: `${item.name}: ${item.title}`, document: item.document, builtin: item.name }));
    const chosen = await chooseAmong(choices, 'statecraft', `${choices.length} built-in cases: the flagship and the classic cases`);
    if (!chosen) {
      setStatus('nothing opened');
      return;
    }
    loadDocument(chosen.document, `${chosen.builtin}.yaml`);
    setStatus(`opened the built-in case ${chosen.builtin}`);
    document.body.dataset.opened = chosen.builtin;
  } catch (error) {
    setStatus(error.message, true);
  }
}

function wireHeader() {
  const input = $('#file-input');
  $('#open-button').addEventListener('click', () => input.click());
  $('#cases-button').addEventListener('click', openBuiltin);
  input.addEventListener('change', () => {
    if (input.files.length) openFromFile(input.files[0]);
    input.value = '';
  });
  $('#new-button').addEventListener('click', () => {
    loadDocument(blankScenario(), 'new-scenario.yaml');
    setStatus('new scenario from the blank template');
    location.hash = '#scenario';
  });
  $('#download-button').addEventListener('click', () => {
    download(`${slug(app.document.name)}.yaml`, toYaml(documentForServer()), 'application/yaml');
    setStatus(`downloaded ${slug(app.document.name)}.yaml`);
  });
  // Drag and drop anywhere on the page.
  const overlay = $('#drop-overlay');
  let depth = 0;
  document.addEventListener('dragenter', (event) => {
    if (![...event.dataTransfer.types].includes('Files')) return;
    depth += 1;
    overlay.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    if (event.dataTransfer.files.length) openFromFile(event.dataTransfer.files[0]);
  });
}

async function start() {
  wireHeader();
  for (const [name, view] of Object.entries(views)) {
    view.mount($(`main > section[data-view="${name}"]`), { setStatus });
  }
  window.addEventListener('hashchange', showView);
  on('edited', () => {
    $('#scenario-name').textContent = app.document.name || '(no name)';
    showValidity();
  });
  on('validated', showValidity);
  try {
    const [scenario, models] = await Promise.all([api('GET', '/api/scenario'), api('GET', '/api/models')]);
    app.models = models.json.models;
    app.questionInFile = Object.prototype.hasOwnProperty.call(scenario.json.document, 'question');
    app.levers = scenario.json.levers;
    app.plans = scenario.json.plans;
    loadDocument(scenario.json.document, scenario.json.file);
    showView();
    setStatus('built-in scenario loaded');
    document.body.dataset.ready = '1';
  } catch (error) {
    setStatus(error.message, true);
  }
}

// A handle for the browser's console (and the browser tests): the document and what the server
// made of it.
window.statecraft = { app, documentForServer, triedPlan };

start();
