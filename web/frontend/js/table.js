// A results table that sorts by any column (click or Enter on its header) and downloads as CSV or
// JSON exactly the numbers it was given (the formatted text is only for display).

import { h, download } from './dom.js';

function csvCell(value) {
  if (value === null || value === undefined) return '';
  const textValue = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n]/.test(textValue) ? `"${textValue.replace(/"/g, '""')}"` : textValue;
}

export function toCsv(allColumns, rows) {
  const columns = allColumns.filter((column) => !column.noExport);
  const lines = [columns.map((column) => csvCell(column.label)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column.key])).join(','));
  return `${lines.join('\n')}\n`;
}

function compare(a, b) {
  const aMissing = a === null || a === undefined || Number.isNaN(a);
  const bMissing = b === null || b === undefined || Number.isNaN(b);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

// columns: [{key, label, numeric?, format?(value, row)}]; rows: plain objects; name: the file
// name of downloads; role: data-role of the <table> (tests find tables by it).
export function dataTable({ columns, rows, name, caption, role }) {
  let sortKey = null;
  let ascending = true;
  const body = h('tbody');
  const headers = columns.map((column) => {
    const button = h('button', { type: 'button', class: 'sort', text: column.label });
    const th = h('th', { scope: 'col', class: column.numeric ? 'numeric' : null, 'aria-sort': 'none' }, button);
    button.addEventListener('click', () => {
      ascending = sortKey === column.key ? !ascending : true;
      sortKey = column.key;
      for (const other of headers) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      fill();
    });
    return th;
  });
  function fill() {
    const ordered = sortKey === null ? rows : [...rows].sort((a, b) => {
      const order = compare(a[sortKey], b[sortKey]);
      return ascending ? order : -order;
    });
    body.replaceChildren(...ordered.map((row) => h('tr', { dataset: row.$data || {} }, columns.map((column) => {
      const value = row[column.key];
      const shown = column.format ? column.format(value, row) : value;
      return h('td', { class: column.numeric ? 'numeric' : null, dataset: { column: column.key } }, shown === null || shown === undefined ? '–' : shown);
    }))));
  }
  fill();
  const plainRows = () => rows.map((row) => Object.fromEntries(columns.filter((column) => !column.noExport).map((column) => [column.key, row[column.key]])));
  const toolbar = h('div', { class: 'table-toolbar' },
    caption ? h('span', { class: 'table-caption', text: caption }) : null,
    h('span', { class: 'spacer' }),
    h('button', { type: 'button', class: 'button small', 'aria-label': `Download ${caption || name} as CSV`, onclick: () => download(`${name}.csv`, toCsv(columns, rows), 'text/csv') }, 'CSV'),
    h('button', { type: 'button', class: 'button small', 'aria-label': `Download ${caption || name} as JSON`, onclick: () => download(`${name}.json`, `${JSON.stringify(plainRows(), null, 2)}\n`, 'application/json') }, 'JSON'));
  const table = h('table', { class: 'data', dataset: { role: role || name } },
    caption ? h('caption', { class: 'visually-hidden', text: caption }) : null,
    h('thead', {}, h('tr', {}, headers)), body);
  return h('div', { class: 'table-block' }, toolbar, h('div', { class: 'table-scroll' }, table));
}
