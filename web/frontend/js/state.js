// The one scenario the UI works on, its validation and the events the views listen to.
//
// Every edit calls edited(): the document's revision goes up and the server validates it at once
// (POST /api/validate, debounced). Results remember the revision they were computed for, so a
// view can mark them stale while the document differs or is invalid.

import { api } from './api.js';
import { explainError, pathConcerns } from './errors.js';
import { h, $$ } from './dom.js';

export const app = {
  document: null,
  fileName: 'scenario.yaml',
  revision: 0,
  validatedRevision: -1,
  valid: true,
  error: null,            // explainError(...) of the current document, or null
  levers: [],             // the validated document's levers: [{name, description, magnitude, unit, excluded}]
  plans: [],              // [{name, description}]
  models: [],             // the server's models: [{name, summary, params}]
  questionInFile: false,  // the server reads a `question` section (docs/scenario-format.md)
  localQuestion: null,    // the question while the server does not read it in the file
};

const listeners = new Map();

export function on(event, callback) {
  if (!listeners.has(event)) listeners.set(event, []);
  listeners.get(event).push(callback);
}

export function emit(event, detail) {
  for (const callback of listeners.get(event) || []) callback(detail);
}

export function modelColour(name, palette) {
  const index = app.models.findIndex((model) => model.name === name);
  return palette[(index < 0 ? 0 : index) % palette.length];
}

// The question: {text, target, probability, budget}.
export function question() {
  const value = app.questionInFile ? app.document.question : app.localQuestion;
  return value || null;
}

export function setQuestion(value) {
  if (app.questionInFile) {
    if (value) app.document.question = value;
    else delete app.document.question;
  } else {
    app.localQuestion = value;
  }
  edited();
}

// The document as the server reads it.
export function documentForServer() {
  if (app.questionInFile || !app.document.question) return app.document;
  const { question: unused, ...rest } = app.document;
  return rest;
}

// A new document (opened, imported or new): `structural` edits re-render every view.
export function loadDocument(documentValue, fileName) {
  app.document = documentValue;
  app.fileName = fileName || 'scenario.yaml';
  if (!app.questionInFile && documentValue.question) app.localQuestion = documentValue.question;
  else if (!app.questionInFile) app.localQuestion = null;
  edited({ structural: true, loaded: true });
}

let validationTimer = null;
let validationController = null;

export function edited(options = {}) {
  app.revision += 1;
  emit('edited', { structural: Boolean(options.structural), loaded: Boolean(options.loaded) });
  clearTimeout(validationTimer);
  validationTimer = setTimeout(validate, options.loaded ? 0 : 120);
}

export function isCurrent(revision) {
  return app.valid && revision === app.revision && app.validatedRevision === app.revision;
}

async function validate() {
  const revision = app.revision;
  if (validationController) validationController.abort();
  validationController = new AbortController();
  try {
    const { json } = await api('POST', '/api/validate', { document: documentForServer() }, validationController.signal);
    if (revision !== app.revision) return;
    app.valid = true;
    app.error = null;
    app.levers = json.levers;
    app.plans = json.plans;
  } catch (error) {
    if (error.name === 'AbortError' || revision !== app.revision) return;
    app.valid = false;
    app.error = explainError(error.message, app.document);
  }
  app.validatedRevision = revision;
  showErrors();
  emit('validated', { valid: app.valid });
}

// Marks the field the current error concerns (the most specific [data-path] that holds the
// error's path) and writes the message beside it; clears the marks of the previous error.
export function showErrors() {
  for (const element of $$('[aria-invalid="true"]')) element.removeAttribute('aria-invalid');
  for (const element of $$('.field-error, .error-row')) element.remove();
  const error = app.error;
  if (!error || !error.path) return;
  const candidates = $$('[data-path]').filter((element) => pathConcerns(error.path, element.dataset.path));
  if (!candidates.length) return;
  const longest = Math.max(...candidates.map((element) => element.dataset.path.length));
  const fields = candidates.filter((element) => element.dataset.path.length === longest);
  const messageId = 'field-error-message';
  for (const fieldElement of fields) {
    fieldElement.setAttribute('aria-invalid', 'true');
    if (fieldElement.matches('input, select, textarea')) fieldElement.setAttribute('aria-describedby', messageId);
  }
  const host = fields[0].closest('[data-error-host]') || fields[0].parentElement;
  const message = h('span', { class: 'field-error', id: messageId, role: 'alert' }, error.text);
  if (host.tagName === 'TR') {
    const columns = host.children.length;
    host.after(h('tr', { class: 'error-row' }, h('td', { colspan: columns }, message)));
  } else {
    host.append(message);
  }
}
