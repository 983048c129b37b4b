// Form controls bound to the scenario document: each knows the document path it edits (data-path,
// so that the server's error lands beside it) and a stable key (data-key) that keeps the focus
// where it was when a view is drawn again.

import { h, $ } from './dom.js';
import { readEstimate, writeEstimate, parseNumberText } from './scenario_doc.js';
import { edited, showErrors } from './state.js';

// Draws a view's content again, keeping the focus on the control with the same data-key.
export function redraw(container, draw) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.key : null;
  const scrollTop = document.scrollingElement.scrollTop;
  draw();
  showErrors();
  if (key) {
    const again = $(`[data-key="${CSS.escape(key)}"]`, container);
    if (again) again.focus({ preventScroll: true });
  }
  document.scrollingElement.scrollTop = scrollTop;
}

// A text input: onCommit(text) on change (Enter or leaving the field).
export function textInput({ value, path, key, label, onCommit, wide, placeholder, type }) {
  const input = h('input', {
    type: type || 'text',
    class: `input${wide ? ' wide' : ''}`,
    value: value === undefined || value === null ? '' : String(value),
    'aria-label': label,
    placeholder,
    dataset: { path: path || '', key: key || path || '' },
  });
  input.addEventListener('change', () => onCommit(input.value));
  return input;
}

export function textArea({ value, path, key, label, onCommit, rows }) {
  const area = h('textarea', { class: 'input wide', rows: rows || 2, 'aria-label': label, dataset: { path: path || '', key: key || path || '' } });
  area.value = value === undefined || value === null ? '' : String(value);
  area.addEventListener('change', () => onCommit(area.value));
  return area;
}

// A one-line text that wraps instead of being cut off (a description or a source in a table
// cell): a text area that grows with its text, where Enter commits rather than breaking the line.
export function wrappingText({ value, path, key, label, onCommit }) {
  const area = textArea({ value, path, key, label, onCommit, rows: 1 });
  area.classList.add('wraps');
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      area.dispatchEvent(new Event('change'));
    }
  });
  return area;
}

// A number input that keeps what was typed (so that "abc" reaches the server and is named in
// its message) and writes a number when it reads as one.
export function numberInput({ value, path, key, label, onCommit, part }) {
  const input = h('input', {
    type: 'text',
    inputmode: 'decimal',
    class: `input number${part ? ` ${part}` : ''}`,
    value: value === undefined || value === null ? '' : String(value),
    'aria-label': label,
    dataset: { path: path || '', key: key || path || '', part: part || '' },
  });
  input.addEventListener('change', () => onCommit(input.value));
  return input;
}

// Low, central and high of an estimate held at holder[name]; `label` names it ("USA on sanctions,
// position"). Central alone is a point value; low and high together make a range.
export function estimateInputs({ holder, name, path, label, optional }) {
  const estimate = holder[name] === undefined ? {} : readEstimate(holder[name]);
  const group = h('span', { class: 'estimate', role: 'group', 'aria-label': label });
  for (const part of ['low', 'central', 'high']) {
    group.append(numberInput({
      value: estimate[part],
      path,
      key: `${path}#${part}`,
      part,
      label: `${label}, ${part}`,
      onCommit: (text) => {
        const next = writeEstimate(holder[name], part, text);
        const empty = next === undefined || (typeof next === 'object' && !Array.isArray(next) && Object.keys(next).length === 0);
        if (optional && empty) delete holder[name];
        else holder[name] = next;
        edited();
      },
    }));
  }
  return group;
}

export function numberOrText(text) {
  return parseNumberText(text);
}

export function button(label, onClick, attributes = {}) {
  const { class: extra, ...rest } = attributes;
  return h('button', { type: 'button', ...rest, class: `button ${extra || ''}`.trim(), onclick: onClick }, label);
}
