// Accessibility and layout of the browser UI: axe-core (npm, run in the page) finds no serious or
// critical violation in any view, with results shown and with an error on screen, at 1024 and
// 1600 px; nothing is wider than the window at 1024 px, and no text in a table (a plan's
// description, a cell) or a lever's summary is cut off there; the UI can be driven by keyboard alone
// (skip link, navigation, editing a cell, sorting a table). Screenshots of every view.
'use strict';
const { parseArguments, check, seriousViolations } = require('./browser');
const { openApp, openView, typeInto, waitValid, screenshot, screenshotAround, clippedText } = require('./ui_steps');

const kViews = ['answer', 'scenario', 'forecast', 'levers', 'uncertainty', 'optimise', 'backtest', 'history'];

async function noSeriousViolations(page, where) {
  const violations = await seriousViolations(page);
  if (violations.length) console.log(violations.join('\n'));
  check(violations.length === 0, `axe-core: no serious or critical violation (${where})`);
}

async function fitsTheWindow(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `nothing is wider than the window (${where}; ${overflow} px over)`);
}

(async () => {
  const options = parseArguments();
  const { page, folder, finish } = await openApp(options.binary, 'ui-a11y', { width: 1024, height: 800 });
  try {

    // Keyboard: the skip link first, then the header's buttons and the navigation.
    await page.keyboard.press('Tab');
    check(await page.evaluate(() => document.activeElement.classList.contains('skip-link')), 'Tab reaches the skip link first');
    let reached = null;
    for (let k = 0; k < 12 && reached === null; k += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement.dataset.view === 'forecast' ? 'forecast' : null));
    }
    check(reached === 'forecast', 'Tab reaches the navigation');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.view === 'forecast');
    check(true, 'Enter on a navigation link opens its view');
    await page.waitForSelector('table[data-role="outcomes"] tbody tr', { timeout: 20000 });
    await page.focus('table[data-role="outcomes"] th:nth-child(2) button');
    const firstBefore = await page.textContent('table[data-role="outcomes"] tbody tr:first-child td');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    check(await page.getAttribute('table[data-role="outcomes"] th:nth-child(2)', 'aria-sort') === 'descending', 'Enter on a column header sorts the table');
    const firstAfter = await page.textContent('table[data-role="outcomes"] tbody tr:first-child td');
    console.log(`sorted: first row ${firstBefore} -> ${firstAfter}`);
    await openView(page, 'scenario');
    const cell = 'input[data-path="stakes.RUS.munitions.position"][data-part="central"]';
    await page.focus(cell);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('90');
    await page.keyboard.press('Tab');
    await waitValid(page);
    check(await page.evaluate(() => window.statecraft.app.document.stakes.RUS.munitions.position[1]) === 90, 'a cell is edited by keyboard alone');
    check(await page.evaluate(() => document.activeElement.dataset.part === 'high'), 'Tab moves on to the next cell');

    // Every view at both widths, with results where a view shows them at once.
    for (const width of [1024, 1600]) {
      await page.setViewportSize({ width, height: 900 });
      for (const view of kViews) {
        await openView(page, view);
        if (view === 'forecast') await page.waitForSelector('table[data-role="outcomes"] tbody tr', { timeout: 20000 });
        if (view === 'backtest') await page.waitForSelector('table[data-role="backtest"] tbody tr', { timeout: 20000 });
        await noSeriousViolations(page, `${view} at ${width} px`);
        if (width === 1024) {
          await fitsTheWindow(page, `${view} at 1024 px`);
          const clipped = await clippedText(page, 'main');
          check(clipped.length === 0, `no text in the tables of ${view} is cut off at 1024 px${clipped.length ? `: ${clipped.join('; ')}` : ''}`);
        }
        await screenshot(page, options.out, `${view}-${width}`);
      }
    }

    // An error on screen: the marked cell, its message and the header's note.
    await page.setViewportSize({ width: 1024, height: 900 });
    await openView(page, 'scenario');
    await typeInto(page, cell, 'abc');
    await page.waitForSelector('tr.error-row .field-error', { timeout: 20000 });
    const message = await page.textContent('tr.error-row .field-error');
    check(/RUS on munitions, position/.test(message) && /abc/.test(message), `a word where a number belongs is named: ${message}`);
    check(await page.getAttribute(cell, 'aria-describedby') === 'field-error-message', 'the invalid cell points to its message');
    await noSeriousViolations(page, 'scenario with an error');
    await screenshotAround(page, options.out, 'scenario-error-1024', 'tr.error-row');
  } finally {
    await finish();
  }
})().catch((error) => { console.error(error); process.exit(1); });
