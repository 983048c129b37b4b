// Opening a scenario file: its text goes to the server inside a JSON request (POST /api/import),
// which reads every format `statecraft convert` reads — native YAML and JSON, KTAB CSV and XML,
// BDM CSV, Decide, DEU — and answers each scenario it holds as a native document. A file that
// holds several (DEU: one per proposal) offers a choice among them.

import { api, ApiError } from './api.js';
import { h, $ } from './dom.js';
import { explainError } from './errors.js';

// A native JSON file is read here when the server has no import route.
function readNativeJson(text, fileName) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${error.message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a scenario object');
  return [{ name: value.name || fileName, document: value }];
}

// A document the editor can lay out: lists of actors and issues, a map of stakes. One that is
// not is refused with the server's reason; one with a wrong value opens, the value marked.
async function checkShape(documentValue) {
  const isMap = (item) => item && typeof item === 'object' && !Array.isArray(item);
  const actorsOk = Array.isArray(documentValue.actors) && documentValue.actors.every(isMap);
  const issuesOk = Array.isArray(documentValue.issues) && documentValue.issues.every(isMap);
  const stakesOk = isMap(documentValue.stakes) && Object.values(documentValue.stakes).every(isMap);
  if (actorsOk && issuesOk && stakesOk) return;
  try {
    await api('POST', '/api/validate', { document: documentValue });
  } catch (error) {
    throw new Error(explainError(error.message, documentValue).text);
  }
  throw new Error('expected lists of actors and issues and a map of stakes');
}

export async function openFile(file) {
  const text = await file.text();
  try {
    const { json } = await api('POST', '/api/import', { file_name: file.name, text });
    return json.scenarios;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && /\.json$/i.test(file.name)) {
      const scenarios = readNativeJson(text, file.name);
      await checkShape(scenarios[0].document);
      return scenarios;
    }
    if (error instanceof ApiError && error.status === 404) {
      throw new Error('this server cannot import files (no POST /api/import)');
    }
    throw new Error(explainError(error.message).text);
  }
}

// A modal list of the file's scenarios; resolves to the chosen one, or null when dismissed.
// `title` replaces the heading (the list of built-in cases is not a file).
export function chooseAmong(scenarios, fileName, title) {
  const dialog = $('#choice-dialog');
  return new Promise((resolve) => {
    const filter = h('input', { type: 'search', class: 'input', placeholder: 'filter by name', 'aria-label': 'filter the scenarios by name' });
    const list = h('ul', { class: 'choice-list', role: 'list' });
    const fill = () => {
      const wanted = filter.value.trim().toLowerCase();
      list.replaceChildren(...scenarios
        .filter((scenario) => !wanted || String(scenario.name).toLowerCase().includes(wanted))
        .slice(0, 200)
        .map((scenario) => h('li', {}, h('button', {
          type: 'button',
          class: 'choice',
          onclick: () => { dialog.close(); resolve(scenario); },
        }, h('span', { class: 'choice-name', text: scenario.name }),
        h('span', { class: 'choice-meta', text: `${(scenario.document.actors || []).length} actors · ${(scenario.document.issues || []).length} issues` })))));
    };
    filter.addEventListener('input', fill);
    fill();
    dialog.replaceChildren(
      h('h2', { id: 'choice-title', text: title || `${fileName} holds ${scenarios.length} scenarios` }),
      h('p', { class: 'lead', text: 'Choose the one to open.' }),
      filter, list,
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'button', onclick: () => { dialog.close(); resolve(null); } }, 'Cancel')));
    dialog.addEventListener('cancel', () => resolve(null), { once: true });
    dialog.showModal();
    filter.focus();
  });
}
