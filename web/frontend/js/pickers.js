// Controls shared by the analysis views: the models to run, a target ("munitions <= 25") with its
// required probability, and the number of draws.

import { h, select } from './dom.js';
import { app } from './state.js';
import { issueNames, parseTarget } from './scenario_doc.js';

// Checkboxes, one per registered model; `initial`: the names ticked at first (all when omitted).
export function modelPicker(role, initial) {
  const chosen = new Set(initial || app.models.map((model) => model.name));
  const element = h('fieldset', { class: 'checks models', dataset: { role } },
    h('legend', { class: 'field-label', text: 'Models' }),
    app.models.map((model) => {
      const box = h('input', { type: 'checkbox', name: `${role}-model`, value: model.name, checked: chosen.has(model.name) });
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(model.name);
        else chosen.delete(model.name);
        element.dispatchEvent(new Event('models-changed'));
      });
      return h('label', { class: 'check', title: model.summary }, box, model.name);
    }));
  return { element, chosen: () => app.models.map((model) => model.name).filter((name) => chosen.has(name)) };
}

// Issue, direction and value of a target, with the required probability. `initial`: a target text.
export function targetPicker(role, initial, probability) {
  const parsed = parseTarget(initial) || {};
  const issues = issueNames(app.document);
  const issue = select(issues, issues.includes(parsed.issue) ? parsed.issue : issues[0], { class: 'input', 'aria-label': 'Target issue', dataset: { field: 'issue' } });
  const direction = select([['<=', '≤ at most'], ['>=', '≥ at least']], parsed.direction || '<=', { class: 'input', 'aria-label': 'Target direction', dataset: { field: 'direction' } });
  const value = h('input', { type: 'text', inputmode: 'decimal', class: 'input number', value: parsed.value || '', 'aria-label': 'Target value', dataset: { field: 'value' } });
  const required = h('input', { type: 'text', inputmode: 'decimal', class: 'input number', value: String(probability === undefined ? 0.8 : probability), 'aria-label': 'Required probability (0 to 1)', dataset: { field: 'probability' } });
  const element = h('div', { class: 'target-picker', dataset: { role } },
    h('div', { class: 'field' }, h('span', { class: 'field-label', text: 'Target' }), h('span', { class: 'inline' }, issue, direction, value)),
    h('label', { class: 'field' }, h('span', { class: 'field-label', text: 'Required probability' }), required));
  return {
    element,
    // "munitions<=25", or '' when no value is given.
    target: () => (value.value.trim() === '' ? '' : `${issue.value}${direction.value}${value.value.trim()}`),
    parsed: () => ({ issue: issue.value, direction: direction.value, value: value.value.trim() }),
    probability: () => Number(required.value),
  };
}

export function drawsInput(initial, label, role) {
  const input = h('input', { type: 'number', min: 1, max: 1000000, step: 1, class: 'input number draws', value: String(initial), 'aria-label': label, dataset: { role } });
  return { element: h('label', { class: 'field' }, h('span', { class: 'field-label', text: label }), input), value: () => Number(input.value), input };
}

// The scale, anchors, status quo and known outcome of an issue, for the charts.
export function issueInfo(name) {
  const issue = (app.document.issues || []).find((item) => item.name === name) || {};
  const scale = Array.isArray(issue.scale) ? { low: Number(issue.scale[0]), high: Number(issue.scale[1]) } : { low: 0, high: 100 };
  const central = (value) => {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return Number(value.length === 3 ? value[1] : value[0]);
    if (typeof value === 'object') return Number(value.central);
    return Number(value);
  };
  return { issue, scale, anchors: issue.anchors || {}, reference: central(issue.reference_point), known: central(issue.known_outcome) };
}

export function anchorList(anchors) {
  const entries = Object.entries(anchors || {}).sort((a, b) => Number(a[0]) - Number(b[0]));
  if (!entries.length) return null;
  return h('dl', { class: 'anchor-list' }, entries.map(([value, meaning]) => [h('dt', { text: value }), h('dd', { text: meaning })]));
}
