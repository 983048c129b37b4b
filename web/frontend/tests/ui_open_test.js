// Opening scenarios in the browser UI: one file in each supported format through the file picker
// (native YAML and JSON, KTAB CSV and XML, BDM CSV, Decide, DEU — whose many proposals offer a
// choice), one by drag and drop, a broken file (its message shown, the open scenario kept), and a
// new scenario from the blank template, edited (an actor, an issue and a stake added, an actor
// renamed and removed, an issue renamed, its scale refused then set, an anchor and a decision
// rule, counter-levers declared, the whole downloaded as YAML and read back by `statecraft
// validate`) until the forecast runs on it; a built-in case of the gallery from the
// Cases… button. Screenshots of each opened scenario.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { parseArguments, check, kRepository } = require('./browser');
const { openApp, openView, typeInto, waitValid, screenshot } = require('./ui_steps');

const kFiles = [
  { format: 'native YAML', file: 'scenarios/russia-dprk-2024.yaml', actors: 8 },
  { format: 'native JSON', file: 'tests/scenarios/two_actors.json' },
  { format: 'KTAB CSV', file: 'data/ktab/dummyData_3Dim.csv' },
  { format: 'KTAB XML', file: 'data/ktab/dummyData_3Dim.xml' },
  { format: 'BDM CSV', file: 'data/bdm/sultan_bdm1997.csv' },
  { format: 'Decide', file: 'data/gpl/decide/decide_sample_data.toll_case.txt' },
  { format: 'DEU', file: 'data/deu/deu_i_ii_iii_combined_blksv.tsv', several: true },
];

async function opened(page, before) {
  await page.waitForFunction((n) => document.body.dataset.opened && Number(window.statecraft.app.revision) > n, before, { timeout: 20000 });
  await waitValid(page);
}

(async () => {
  const options = parseArguments();
  const { page, folder, finish } = await openApp(options.binary, 'ui-open', { width: 1280, height: 900 });
  try {
    await openView(page, 'scenario');

    // Every format but native JSON is read by the server (POST /api/import); a server without
    // that route opens native JSON in the page and refuses the others with a message.
    const importing = await page.evaluate(async () => (await fetch('/api/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status !== 404);
    console.log(importing ? 'the server imports files: every format is opened'
      : 'NOTE: this server has no POST /api/import: only native JSON is opened; the other formats must be refused with a message');
    for (const { format, file, actors, several } of kFiles) {
      if (!importing && format !== 'native JSON') {
        await page.evaluate(() => { delete document.body.dataset.openError; });
        await page.setInputFiles('#file-input', path.join(kRepository, file));
        await page.waitForFunction(() => document.body.dataset.openError, null, { timeout: 20000 });
        check(/cannot import/.test(await page.textContent('#status')), `${format}: refused with a message while the server cannot import`);
        continue;
      }
      const before = await page.evaluate(() => window.statecraft.app.revision);
      await page.setInputFiles('#file-input', path.join(kRepository, file));
      if (several) {
        await page.waitForSelector('#choice-dialog[open] .choice', { timeout: 20000 });
        const count = await page.locator('#choice-dialog .choice').count();
        check(count > 1, `${format}: the file offers a choice among its scenarios (${count} shown)`);
        await screenshot(page, options.out, 'open-deu-choice');
        await page.locator('#choice-dialog .choice').nth(0).click();
      }
      await opened(page, before);
      const name = await page.textContent('#scenario-name');
      const actorRows = await page.locator('table[data-role="actors"] tbody tr').count();
      const stakeRows = await page.locator('table[data-role="stakes"] tbody tr').count();
      check(actorRows >= 2 && stakeRows >= actorRows && (!actors || actorRows === actors),
        `${format} (${path.basename(file)}) opens as "${name}": ${actorRows} actors, ${stakeRows} stakes`);
      await screenshot(page, options.out, `open-${format.toLowerCase().replace(/\s+/g, '-')}`);
    }

    // The built-in cases: the gallery opens from the Cases… button, one case chosen by name.
    {
      const before = await page.evaluate(() => window.statecraft.app.revision);
      await page.click('#cases-button');
      await page.waitForSelector('#choice-dialog[open] .choice', { timeout: 20000 });
      const count = await page.locator('#choice-dialog .choice').count();
      check(count >= 7, `the Cases… dialog lists the built-in cases (${count} shown)`);
      await screenshot(page, options.out, 'open-cases');
      await page.locator('#choice-dialog .choice', { hasText: 'ec-car-emissions' }).click();
      await opened(page, before);
      const actorRows = await page.locator('table[data-role="actors"] tbody tr').count();
      check(await page.getAttribute('body', 'data-opened') === 'ec-car-emissions' && actorRows === 10,
        `a built-in case opens by name (ec-car-emissions: ${actorRows} actors)`);
    }

    // Drag and drop: a file dropped on the page.
    const before = await page.evaluate(() => window.statecraft.app.revision);
    const dropped = importing ? 'data/bdm/ec_emissions_bdm1994.csv' : 'tests/scenarios/two_actors.json';
    const text = fs.readFileSync(path.join(kRepository, dropped), 'utf8');
    await page.evaluate(({ content, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, { content: text, name: path.basename(dropped) });
    await opened(page, before);
    check(await page.getAttribute('body', 'data-opened') === path.basename(dropped), `a file dropped on the page is opened (${path.basename(dropped)})`);

    // A broken file: the message names what is wrong, in words; the open scenario stays.
    const kept = await page.textContent('#scenario-name');
    await page.evaluate(() => { delete document.body.dataset.openError; });
    await page.setInputFiles('#file-input', path.join(kRepository, 'tests/bad_inputs/actors_not_a_list.json'));
    await page.waitForFunction(() => document.body.dataset.openError, null, { timeout: 20000 });
    const message = await page.textContent('#status');
    check(/actors/.test(message) && /expected a list/.test(message) && !/:\d+:\d+/.test(message), `a broken file is refused with its reason: ${message}`);
    check(await page.textContent('#scenario-name') === kept, 'the open scenario is kept');

    // A new scenario from the blank template, built up in the editor.
    await page.click('#new-button');
    await waitValid(page);
    check(await page.textContent('#scenario-name') === 'New scenario', 'New starts from the blank template');
    await page.click('[data-action="add-actor"]');
    await page.waitForSelector('table[data-role="actors"] tbody tr:nth-child(3)');
    await typeInto(page, 'input[data-path="actors[2].name"]', 'C');
    await page.click('[data-action="add-stake"]');
    await page.click('[data-action="add-issue"]');
    await waitValid(page);
    await typeInto(page, 'input[data-path="actors[0].name"]', 'Alpha');
    await waitValid(page);
    const stakeActors = await page.$$eval('table[data-role="stakes"] tbody tr', (rows) => rows.map((row) => row.dataset.actor));
    check(stakeActors.includes('Alpha') && !stakeActors.includes('A'), 'renaming an actor renames its stakes');
    await page.click('button[aria-label="Remove actor B"]');
    await waitValid(page);
    check(await page.locator('table[data-role="actors"] tbody tr').count() === 2, 'an actor is removed');

    // The issue's name, scale, anchors and decision rule; the opponent's counter-levers.
    await typeInto(page, 'input[data-path="issues[0].name"]', 'tariff');
    await waitValid(page);
    const stakeIssues = await page.$$eval('table[data-role="stakes"] tbody tr', (rows) => rows.map((row) => row.dataset.issue));
    check(stakeIssues.includes('tariff') && !stakeIssues.includes('issue1'), 'renaming an issue renames its stakes');
    await typeInto(page, 'input[data-key="issue-0-scale-1"]', '10');
    await page.waitForSelector('.issue-card[data-issue="tariff"] .field-error', { timeout: 20000 });
    const scaleError = await page.textContent('.issue-card[data-issue="tariff"] .field-error');
    check(/tariff/.test(scaleError) && /10/.test(scaleError) && !/:\d+:\d+/.test(scaleError), `a scale narrower than the positions is named beside the issue: ${scaleError}`);
    await typeInto(page, 'input[data-key="issue-0-scale-1"]', '200');
    await waitValid(page);
    await page.click('button[aria-label="Add anchor to tariff"]');
    // The new anchor goes to the middle of 0–200, 100, which is taken: it lands at 101, the last.
    await typeInto(page, 'input[data-key="issue-0-anchor-2-text"]', 'tariffs as in 2024');
    await waitValid(page);
    await page.selectOption('select[data-key="issue-0-rule"]', 'deciders');
    await waitValid(page);
    await openView(page, 'levers');
    await page.click('button:text-is("Declare counter-levers")');
    await page.click('[data-action="add-counter-lever"]');
    await waitValid(page);
    const edited = await page.evaluate(() => window.statecraft.app.document);
    const tariff = edited.issues.find((issue) => issue.name === 'tariff');
    check(tariff.scale[1] === 200 && tariff.anchors[101] === 'tariffs as in 2024' && tariff.anchors[100] === 'the other end' && tariff.deciders.length === 2,
      `the issue's scale, anchor and deciders are in the document: ${JSON.stringify({ scale: tariff.scale, anchors: tariff.anchors, deciders: tariff.deciders })}`);
    check(edited.counter_levers && edited.counter_levers.levers.length === 1 && edited.counter_levers.owner === 'Alpha', 'the counter-levers are declared with one lever, owned by the first actor');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-button')]);
    const saved = path.resolve(options.out, 'new-scenario.yaml');
    await download.saveAs(saved);
    const validated = execFileSync(options.binary, ['validate', '--format', 'json', saved], { encoding: 'utf8' });
    const read = JSON.parse(validated);
    check(read.valid === true && read.actors === 2 && read.issues === 2, `statecraft reads the edited scenario back from its YAML: ${validated.trim()}`);
    const yaml = fs.readFileSync(saved, 'utf8');
    check(/tariffs as in 2024/.test(yaml) && /deciders:/.test(yaml) && /counter_levers:/.test(yaml), 'the YAML holds the anchor, the deciders and the counter-levers');
    await openView(page, 'scenario');
    await screenshot(page, options.out, 'new-scenario');
    await openView(page, 'forecast');
    await page.waitForSelector('table[data-role="outcomes"] tbody tr', { timeout: 20000 });
    check(await page.locator('table[data-role="outcomes"] tbody tr').count() === 2, 'the new scenario is forecast on its two issues');
  } finally {
    await finish();
  }
})().catch((error) => { console.error(error); process.exit(1); });
