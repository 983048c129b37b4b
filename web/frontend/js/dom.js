// Small DOM helpers shared by the views: an element builder, number formats and downloads.

// h('button', {class: 'button', onclick: f, 'aria-label': 'x'}, 'text', child, ...)
// Attributes: `class`, `text`, `html` (trusted markup only: our own SVG), `dataset`, on* handlers,
// booleans (true sets the attribute, false/undefined/null leaves it out), anything else as text.
export function h(tag, attributes, ...children) {
  const element = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.setAttribute('class', value);
    else if (key === 'text') element.textContent = value;
    else if (key === 'html') element.innerHTML = value;
    else if (key === 'dataset') {
      for (const [name, item] of Object.entries(value)) if (item !== undefined && item !== null) element.dataset[name] = item;
    }
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'value') element.value = value;
    else if (key === 'checked' || key === 'selected' || key === 'disabled') element[key] = true;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

// A number for people: at most `digits` decimals, trailing zeros dropped.
export function formatNumber(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const text = Number(value).toFixed(digits);
  return digits > 0 ? text.replace(/\.?0+$/, '') : text;
}

export function formatPercent(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${(100 * value).toFixed(digits)} %`;
}

export function formatDuration(seconds) {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 1) return '< 1 s';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

// A plan's levers as "L2=25 + L5=40" ("no lever" for the baseline).
export function leversText(levers) {
  if (!levers || !levers.length) return 'no lever';
  return levers.map((lever) => `${lever.lever}=${formatNumber(lever.magnitude, 2)}`).join(' + ');
}

// What each lever of a plan does, in the scenario's words: "L1 = 20 (unit): description" per
// lever, for a reader who does not know the levers by name. Null for no lever.
export function leversDescribed(levers) {
  if (!levers || !levers.length) return null;
  return h('ul', { class: 'lever-descriptions' }, levers.map((lever) => h('li', {},
    h('strong', { text: `${lever.lever} = ${formatNumber(lever.magnitude, 2)}${lever.unit ? ` ${lever.unit}` : ''}` }),
    lever.description ? `: ${lever.description}` : '')));
}

// Offers `text` as a file download.
export function download(fileName, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

let nextId = 0;
export function uniqueId(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

// A labelled form field: <label>text <control></label> with an optional hint.
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label', text: label }), control,
    hint ? h('span', { class: 'field-hint', text: hint }) : null);
}

export function select(options, value, attributes) {
  return h('select', attributes, options.map((option) => {
    const [optionValue, text] = Array.isArray(option) ? option : [option, option];
    return h('option', { value: optionValue, selected: optionValue === value, text });
  }));
}

// A section heading with its view's description.
export function viewHeader(id, title, description, ...actions) {
  return h('div', { class: 'view-header' },
    h('div', {}, h('h1', { id, text: title }), description ? h('p', { class: 'lead', text: description }) : null),
    actions.length ? h('div', { class: 'view-actions' }, actions) : null);
}

export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', { text: title }) : null, children);
}

export function notice(kind, text) {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : null, text });
}
