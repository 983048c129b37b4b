// Steps the UI tests share: open a view, type into a field as a user does, wait for a job,
// take a screenshot at a width.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launch, startServer } = require('./browser');

// A server on a store of its own in a new temporary folder, and the UI opened in Chromium at the
// given viewport, ready and valid. finish() closes the browser, stops the server and removes the
// folder; a start that fails does the same before it throws.
async function openApp(binary, name, viewport) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `statecraft-${name}-`));
  let server = null;
  let close = async () => {};
  const finish = async () => {
    await close();
    if (server) server.kill('SIGTERM');
    fs.rmSync(folder, { recursive: true, force: true });
  };
  try {
    const started = await startServer(binary, path.join(folder, 'runs.sqlite'));
    server = started.server;
    const browser = await launch(viewport);
    close = browser.close;
    const page = browser.context.pages()[0] || await browser.context.newPage();
    page.on('pageerror', (error) => { throw error; });
    await page.goto(started.url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 20000 });
    await waitValid(page);
    return { page, folder, finish };
  } catch (error) {
    await finish();
    throw error;
  }
}

async function openView(page, name) {
  await page.click(`.app-nav a[data-view="${name}"]`);
  await page.waitForFunction((view) => document.body.dataset.view === view, name);
}

// Types into an input and leaves it (Tab), so that its change event fires.
async function typeInto(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Tab');
}

async function waitValid(page) {
  await page.waitForFunction(() => document.querySelector('#validity').classList.contains('ok'), null, { timeout: 20000 });
}

// Waits for the job panel `role` to finish; returns its status.
async function waitJob(page, role, timeout = 120000) {
  await page.waitForFunction((r) => {
    const panel = document.querySelector(`.job[data-role="${r}"]`);
    return panel && ['done', 'cancelled', 'failed', 'refused'].includes(panel.dataset.status);
  }, role, { timeout });
  return page.getAttribute(`.job[data-role="${role}"]`, 'data-status');
}

async function screenshot(page, out, name, width) {
  const size = page.viewportSize();
  if (width && size.width !== width) await page.setViewportSize({ width, height: size.height });
  const file = path.resolve(out, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  if (width && size.width !== width) await page.setViewportSize(size);
  return file;
}

// The numbers of a results table: [{column: text}] per row.
async function tableRows(page, role) {
  return page.$$eval(`table[data-role="${role}"] tbody tr`, (rows) => rows.map((row) =>
    Object.fromEntries([...row.querySelectorAll('td')].map((cell) => [cell.dataset.column, cell.textContent]))));
}

// Runs a job through the API from the page (the same origin and headers the UI uses).
async function apiJob(page, route, body) {
  return page.evaluate(async ({ route: r, body: b }) => {
    const headers = { 'Content-Type': 'application/json' };
    const started = await (await fetch(r, { method: 'POST', headers, body: JSON.stringify(b) })).json();
    for (;;) {
      const job = await (await fetch(`/api/jobs/${started.job}`)).json();
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, { route, body });
}

// The UI's own number formats (js/dom.js), to compare what it shows with the API's numbers.
function formatNumber(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const text = Number(value).toFixed(digits);
  return digits > 0 ? text.replace(/\.?0+$/, '') : text;
}

function formatPercent(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${(100 * value).toFixed(digits)} %`;
}

// The window around an element, scrolled so that it is in the middle.
async function screenshotAround(page, out, name, selector) {
  await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), selector);
  const file = path.resolve(out, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Text cut off inside the tables (and lever summaries) under `scope`: every visible cell, and
// every text field, text area or box that hides its overflow inside one, whose content is wider
// (or, for a text area, taller) than its box. A table scrolled sideways in its wrapper counts too.
// Returns descriptions of what is clipped; [] when every text shows in full.
async function clippedText(page, scope) {
  return page.evaluate((root) => {
    const container = document.querySelector(root);
    if (!container) return [`${root}: not found`];
    const visible = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const name = (element) => {
      const cell = element.closest('td, th');
      const row = element.closest('tr');
      const label = element.getAttribute('aria-label') || element.dataset.path || (cell ? cell.dataset.column : '') || '';
      return `${element.tagName.toLowerCase()}${label ? ` "${label}"` : ''}${row && row.dataset.plan ? ` in plan ${row.dataset.plan}` : ''}: ` +
        `"${(element.value !== undefined && element.tagName !== 'BUTTON' ? element.value : element.textContent).trim().slice(0, 60)}"`;
    };
    const out = [];
    const candidates = [...container.querySelectorAll('td, th, td *, th *, .lever-summary, .table-scroll')];
    for (const element of candidates) {
      if (!visible(element)) continue;
      const style = getComputedStyle(element);
      const field = element.tagName === 'TEXTAREA' || (element.tagName === 'INPUT' && ['text', 'search', ''].includes(element.type));
      const hides = field || ['hidden', 'clip', 'auto', 'scroll'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      if (!hides) continue;
      if (element.scrollWidth > element.clientWidth + 1) out.push(`${name(element)} is ${element.scrollWidth - element.clientWidth} px wider than its box`);
      else if (element.tagName === 'TEXTAREA' && element.scrollHeight > element.clientHeight + 1) out.push(`${name(element)} is ${element.scrollHeight - element.clientHeight} px taller than its box`);
    }
    return out;
  }, scope);
}

module.exports = { openApp, clippedText, screenshotAround, openView, typeInto, waitValid, waitJob, screenshot, tableRows, apiJob, formatNumber, formatPercent };
