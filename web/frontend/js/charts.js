// The UI's charts as SVG, drawn from the numbers the API answers (no computation beyond placing
// them): P(target) bars per plan and model, distributions on an issue's scale with its anchors,
// and the tornado of an issue's drivers. Each chart scales to its container (viewBox), carries a
// <title> and <desc> for screen readers and a <title> per mark for the exact number.

import { formatNumber, formatPercent } from './dom.js';

// Okabe and Ito's colour-blind-safe palette (yellow left out: too light on white), by model.
export const kPalette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#8C8C8C'];

const kWidth = 760;
const kFont = 12;

function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function svg(kind, width, height, title, description, body) {
  return `<svg class="chart" data-chart="${kind}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-label="${escapeXml(title)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>${body}</svg>`;
}

function text(x, y, content, attributes = '') {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attributes}>${escapeXml(content)}</text>`;
}

// Cuts a label to `max` characters, with an ellipsis.
function clip(label, max) {
  const value = String(label);
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function legend(series, colours, y) {
  let x = 0;
  let body = '';
  for (const [k, name] of series.entries()) {
    body += `<rect x="${x}" y="${y - 9}" width="10" height="10" rx="2" fill="${colours[k]}"/>`;
    body += text(x + 14, y, name, 'class="legend"');
    x += 24 + name.length * 7;
  }
  return body;
}

// P(target) per row (a plan) and series (a model): grouped horizontal bars on 0-100 %, with the
// required probability as a dashed line. rows: [{label, values: [number|null per series]}].
export function probabilityBars({ rows, series, colours, required, title }) {
  const labelWidth = 190;
  const plotWidth = kWidth - labelWidth - 56;
  const barHeight = Math.max(6, Math.min(14, 48 / Math.max(1, series.length)));
  const groupHeight = barHeight * series.length + 12;
  const top = 34;
  const height = top + rows.length * groupHeight + 28;
  const x = (p) => labelWidth + p * plotWidth;
  let body = legend(series, colours, 12);
  for (let tick = 0; tick <= 1.0001; tick += 0.2) {
    body += `<line class="grid" x1="${x(tick)}" x2="${x(tick)}" y1="${top - 4}" y2="${height - 22}"/>`;
    body += text(x(tick), height - 8, formatPercent(tick), 'class="axis" text-anchor="middle"');
  }
  rows.forEach((row, r) => {
    const y0 = top + r * groupHeight;
    // A row may carry a second line under its label (the found plan's levers and cost).
    const labelY = row.note ? y0 + groupHeight / 2 - 7 : y0 + groupHeight / 2;
    body += text(labelWidth - 8, labelY, clip(row.label, 28), `class="label${row.found ? ' found' : ''}" text-anchor="end" dominant-baseline="middle"`);
    if (row.note) body += text(labelWidth - 8, labelY + 14, clip(row.note, 32), 'class="axis" text-anchor="end" dominant-baseline="middle"');
    if (row.found) body += `<rect class="found-row" x="2" y="${y0}" width="${kWidth - 4}" height="${groupHeight - 4}" rx="3"/>`;
    row.values.forEach((value, s) => {
      const y = y0 + 4 + s * barHeight;
      if (value === null || value === undefined) {
        body += text(x(0) + 4, y + barHeight - 2, 'n/a', 'class="axis"');
        return;
      }
      body += `<rect class="bar" x="${x(0)}" y="${y}" width="${Math.max(1, value * plotWidth).toFixed(1)}" height="${barHeight - 1}" fill="${colours[s]}">` +
        `<title>${escapeXml(`${row.label}, ${series[s]}: ${formatPercent(value, 1)}`)}</title></rect>`;
      body += text(x(value) + 4, y + barHeight - 2, formatPercent(value), 'class="value"');
    });
  });
  if (required !== undefined && required !== null) {
    body += `<line class="threshold" x1="${x(required)}" x2="${x(required)}" y1="${top - 8}" y2="${height - 22}"/>`;
    body += text(x(required) + 4, top - 12, `required ${formatPercent(required)}`, 'class="threshold-label"');
  }
  const description = rows.map((row) => `${row.label}: ${row.values.map((v, s) => `${series[s]} ${formatPercent(v)}`).join(', ')}`).join('; ');
  return svg('probability', kWidth, height, title || 'Probability of the target per plan and model', description, body);
}

// One issue's scale with its anchors and, per row, the 10-90 % interval with its median (a point
// when only `median` is given). rows: [{label, q10?, median, q90?, colour}]. Marks: `target`
// {direction, value} shades the target zone, `reference` the status quo, `known` the outcome.
export function distributionChart({ issue, scale, anchors, rows, target, reference, known, title, series }) {
  const labelWidth = 170;
  const plotWidth = kWidth - labelWidth - 24;
  const rowHeight = 22;
  const top = series ? 44 : 26;
  const plotBottom = top + rows.length * rowHeight;
  const height = plotBottom + 40;
  const span = scale.high - scale.low || 1;
  const x = (v) => labelWidth + ((v - scale.low) / span) * plotWidth;
  let body = series ? legend(series.names, series.colours, 12) : '';
  if (target) {
    const edge = Math.min(Math.max(Number(target.value), scale.low), scale.high);
    const [from, to] = target.direction === '<=' ? [scale.low, edge] : [edge, scale.high];
    body += `<rect class="target-zone" x="${x(from)}" y="${top - 6}" width="${Math.max(0, x(to) - x(from))}" height="${plotBottom - top + 6}">` +
      `<title>target: ${escapeXml(issue)} ${target.direction} ${target.value}</title></rect>`;
    body += text(x(from) + 3, top - 10, `target ${target.direction} ${target.value}`, 'class="target-label"');
  }
  const ticks = anchors && Object.keys(anchors).length
    ? Object.keys(anchors).map(Number).filter((v) => Number.isFinite(v))
    : [scale.low, (scale.low + scale.high) / 2, scale.high];
  for (const tick of ticks) {
    body += `<line class="grid" x1="${x(tick)}" x2="${x(tick)}" y1="${top - 4}" y2="${plotBottom + 4}"/>`;
    const anchorText = anchors && anchors[tick] !== undefined ? anchors[tick] : '';
    body += `<g class="anchor">${text(x(tick), plotBottom + 18, formatNumber(tick, 2), 'class="axis" text-anchor="middle"')}` +
      (anchorText ? `<title>${escapeXml(`${tick}: ${anchorText}`)}</title>` : '') + '</g>';
  }
  const marker = (value, kind, label) => (value === undefined || value === null ? '' :
    `<line class="${kind}" x1="${x(value)}" x2="${x(value)}" y1="${top - 4}" y2="${plotBottom + 4}"><title>${escapeXml(`${label}: ${formatNumber(value, 2)}`)}</title></line>`);
  body += marker(reference, 'reference', 'status quo');
  body += marker(known, 'known', 'known outcome');
  rows.forEach((row, r) => {
    const y = top + r * rowHeight + rowHeight / 2;
    if (row.group !== undefined && r > 0 && rows[r - 1].group !== row.group) {
      body += `<line class="group-line" x1="0" x2="${kWidth}" y1="${y - rowHeight / 2}" y2="${y - rowHeight / 2}"/>`;
    }
    const shownLabel = row.group !== undefined ? (r === 0 || rows[r - 1].group !== row.group ? row.group : '') : row.label;
    body += text(labelWidth - 8, y, clip(shownLabel, 26), 'class="label" text-anchor="end" dominant-baseline="middle"');
    const numbers = row.q10 !== undefined
      ? `${row.label}: median ${formatNumber(row.median, 2)}, 10-90 % ${formatNumber(row.q10, 2)} to ${formatNumber(row.q90, 2)}`
      : `${row.label}: ${formatNumber(row.median, 2)}`;
    if (row.q10 !== undefined && row.q90 !== undefined) {
      body += `<rect class="interval" x="${x(row.q10)}" y="${y - 5}" width="${Math.max(2, x(row.q90) - x(row.q10))}" height="10" rx="3" fill="${row.colour}"><title>${escapeXml(numbers)}</title></rect>`;
    }
    if (row.median !== null && row.median !== undefined) {
      body += `<circle class="median" cx="${x(row.median)}" cy="${y}" r="5" fill="${row.colour}"><title>${escapeXml(numbers)}</title></circle>`;
    }
  });
  const legendItems = [];
  if (reference !== undefined && reference !== null) legendItems.push('<tspan class="legend-reference">┆ status quo</tspan>');
  if (known !== undefined && known !== null) legendItems.push('<tspan class="legend-known">┆ known outcome</tspan>');
  if (legendItems.length) body += `<text x="${kWidth - 8}" y="${height - 4}" text-anchor="end" class="legend">${legendItems.join('  ')}</text>`;
  const description = rows.map((row) => (row.q10 !== undefined
    ? `${row.label}: median ${formatNumber(row.median)}, 10 % ${formatNumber(row.q10)}, 90 % ${formatNumber(row.q90)}`
    : `${row.label}: ${formatNumber(row.median)}`)).join('; ');
  return svg('distribution', kWidth, height, title || `Distribution of ${issue}`, description, body);
}

// The drivers of one issue's outcome: for each sampled input, the mean outcome when that input is
// in its lowest fifth and in its highest fifth of the draws, around the median; Spearman's rho
// printed at the right. The axis fits the values. rows: [{input, low, high, rho}].
export function tornadoChart({ issue, rows, median, title }) {
  const labelWidth = 230;
  const rhoWidth = 70;
  const plotWidth = kWidth - labelWidth - rhoWidth - 16;
  const rowHeight = 24;
  const top = 30;
  const height = top + rows.length * rowHeight + 34;
  const values = rows.flatMap((row) => [row.low, row.high]).concat([median]).filter(Number.isFinite);
  let low = Math.min(...values);
  let high = Math.max(...values);
  const pad = (high - low) * 0.08 || 1;
  low -= pad;
  high += pad;
  const x = (v) => labelWidth + ((v - low) / (high - low)) * plotWidth;
  let body = `<rect x="0" y="2" width="10" height="10" rx="2" class="tornado-low"/>` + text(14, 11, 'input in its lowest fifth', 'class="legend"') +
    `<rect x="190" y="2" width="10" height="10" rx="2" class="tornado-high"/>` + text(204, 11, 'input in its highest fifth', 'class="legend"') +
    text(kWidth - 8, 11, 'rank correlation ρ', 'class="legend" text-anchor="end"');
  const step = niceStep((high - low) / 5);
  for (let tick = Math.ceil(low / step) * step; tick <= high; tick += step) {
    body += `<line class="grid" x1="${x(tick)}" x2="${x(tick)}" y1="${top - 4}" y2="${height - 28}"/>`;
    body += text(x(tick), height - 14, formatNumber(tick, 2), 'class="axis" text-anchor="middle"');
  }
  rows.forEach((row, r) => {
    const y = top + r * rowHeight;
    body += text(labelWidth - 8, y + rowHeight / 2, clip(row.input, 34), 'class="label" text-anchor="end" dominant-baseline="middle"');
    for (const [end, kind] of [[row.low, 'tornado-low'], [row.high, 'tornado-high']]) {
      const from = Math.min(end, median);
      const width = Math.max(1.5, Math.abs(x(end) - x(median)));
      body += `<rect class="${kind}" x="${x(from)}" y="${y + 4}" width="${width}" height="${rowHeight - 8}">` +
        `<title>${escapeXml(`${row.input}: mean outcome ${formatNumber(end, 2)} when the input is in its ${kind === 'tornado-low' ? 'lowest' : 'highest'} fifth`)}</title></rect>`;
    }
    body += text(kWidth - 8, y + rowHeight / 2, `${row.rho >= 0 ? '+' : '−'}${Math.abs(row.rho).toFixed(2)}`, 'class="value" text-anchor="end" dominant-baseline="middle"');
  });
  body += `<line class="median-line" x1="${x(median)}" x2="${x(median)}" y1="${top - 4}" y2="${height - 28}"/>`;
  body += text(x(median), height - 2, `median ${formatNumber(median, 2)}`, 'class="axis" text-anchor="middle"');
  const description = rows.map((row) => `${row.input}: ${formatNumber(row.low)} to ${formatNumber(row.high)}, rho ${row.rho.toFixed(2)}`).join('; ');
  return svg('tornado', kWidth, height, title || `What drives ${issue}`, description, body);
}

function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const scaled = raw / power;
  return (scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10) * power;
}
