// Scenario: the actors, the issues (scale, anchors, status quo, known outcome, decision rule) and
// every actor's stake in every issue. Add, rename and remove each; every edit is validated at once.

import { h, viewHeader, card, select } from '../dom.js';
import { app, on, edited } from '../state.js';
import { redraw, textInput, textArea, wrappingText, numberInput, estimateInputs, numberOrText, button } from '../inputs.js';
import {
  actorNames, issueNames, addActor, addIssue, addStake, removeStake, renameActor, removeActor,
  renameIssue, removeIssue,
} from '../scenario_doc.js';

let root = null;
let body = null;

function structural() {
  edited({ structural: true });
}

function aboutCard() {
  const doc = app.document;
  const sources = Array.isArray(doc.sources) ? doc.sources.join('\n') : '';
  return card('About',
    h('div', { class: 'form-grid' },
      h('label', { class: 'field wide', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Name' }),
        textInput({ value: doc.name, path: 'name', label: 'Scenario name', wide: true, onCommit: (v) => { doc.name = v; edited(); } })),
      h('label', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Salience scale' }),
        (() => {
          const control = select([['1', '0 – 1'], ['100', '0 – 100']], String(doc.salience_scale === 100 ? 100 : 1),
            { class: 'input', 'aria-label': 'Salience scale', dataset: { path: 'salience_scale', key: 'salience_scale' } });
          control.addEventListener('change', () => { doc.salience_scale = Number(control.value); edited(); });
          return control;
        })()),
      h('label', { class: 'field wide', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Description' }),
        textArea({ value: doc.description, path: 'description', label: 'Scenario description', onCommit: (v) => { doc.description = v; edited(); } })),
      h('label', { class: 'field wide', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Sources, one per line' }),
        textArea({
          value: sources,
          path: 'sources',
          label: 'Sources, one per line',
          rows: 3,
          onCommit: (v) => {
            const lines = v.split('\n').map((line) => line.trim()).filter(Boolean);
            if (lines.length) doc.sources = lines;
            else delete doc.sources;
            edited();
          },
        }))));
}

function actorsCard() {
  const doc = app.document;
  const rows = (doc.actors || []).map((actor, index) => {
    const path = `actors[${index}]`;
    const stakeCount = Object.keys((doc.stakes || {})[actor.name] || {}).length;
    return h('tr', { 'data-error-host': '', dataset: { actor: actor.name } },
      h('td', {}, textInput({
        value: actor.name,
        path: `${path}.name`,
        key: `actor-${index}-name`,
        label: `Actor ${actor.name}, name`,
        onCommit: (v) => { renameActor(doc, actor.name, v.trim()); structural(); },
      })),
      h('td', { class: 'wrapping-cell' }, wrappingText({ value: actor.description, path: `${path}.description`, key: `actor-${index}-description`, label: `Actor ${actor.name}, description`, onCommit: (v) => { actor.description = v; edited(); } })),
      h('td', {}, estimateInputs({ holder: actor, name: 'capability', path: `${path}.capability`, label: `Actor ${actor.name}, capability`, optional: true })),
      h('td', { class: 'numeric' }, String(stakeCount)),
      h('td', {}, button('Remove', () => { removeActor(doc, actor.name); structural(); },
        { class: 'small danger', 'aria-label': `Remove actor ${actor.name}` })));
  });
  return card('Actors',
    h('p', { class: 'hint', text: 'Capability is relative (any positive scale; default 1). Removing an actor removes its stakes and its place among deciders and in levers.' }),
    h('div', { class: 'table-scroll' }, h('table', { class: 'form-table', dataset: { role: 'actors' } },
      h('thead', {}, h('tr', {}, ['Name', 'Description', 'Capability (low · central · high)', 'Stakes', ''].map((label) => h('th', { scope: 'col', text: label })))),
      h('tbody', {}, rows))),
    h('div', { class: 'card-actions' }, button('Add actor', () => { addActor(doc); structural(); }, { dataset: { action: 'add-actor' } })));
}

function anchorsEditor(issue, path, index) {
  const anchors = issue.anchors || {};
  const entries = Object.entries(anchors).sort((a, b) => Number(a[0]) - Number(b[0]));
  const rewrite = (from, to, meaning) => {
    const next = {};
    for (const [value, text] of entries) {
      if (value === from) {
        if (to !== null) next[to] = meaning;
      } else {
        next[value] = text;
      }
    }
    if (Object.keys(next).length) issue.anchors = next;
    else delete issue.anchors;
    structural();
  };
  return h('div', { class: 'anchors-editor', 'data-error-host': '', dataset: { path: `${path}.anchors` } },
    h('span', { class: 'field-label', text: 'Anchors: what values of the scale mean' }),
    entries.map(([value, meaning], k) => h('div', { class: 'anchor-row' },
      numberInput({ value, path: `${path}.anchors.${value}`, key: `issue-${index}-anchor-${k}-value`, label: `Issue ${issue.name}, anchor value`, onCommit: (v) => rewrite(value, String(numberOrText(v) ?? ''), meaning) }),
      textInput({ value: meaning, path: `${path}.anchors.${value}`, key: `issue-${index}-anchor-${k}-text`, label: `Issue ${issue.name}, meaning of ${value}`, wide: true, onCommit: (v) => { anchors[value] = v; edited(); } }),
      button('Remove', () => rewrite(value, null), { class: 'small', 'aria-label': `Remove anchor ${value} of ${issue.name}` }))),
    button('Add anchor', () => {
      const used = new Set(entries.map(([value]) => Number(value)));
      const [low, high] = Array.isArray(issue.scale) ? issue.scale : [0, 100];
      let value = (Number(low) + Number(high)) / 2;
      while (used.has(value)) value += 1;
      issue.anchors = { ...anchors, [value]: '' };
      structural();
    }, { class: 'small', 'aria-label': `Add anchor to ${issue.name}` }));
}

function decisionRule(issue, path, index) {
  const actors = actorNames(app.document);
  const deciders = Array.isArray(issue.deciders) ? issue.deciders : [];
  const rule = select([['collective', 'collective: the model\'s outcome stands'], ['deciders', 'deciders: only these actors decide']],
    deciders.length ? 'deciders' : 'collective', { class: 'input', 'aria-label': `Issue ${issue.name}, decision rule`, dataset: { key: `issue-${index}-rule` } });
  rule.addEventListener('change', () => {
    if (rule.value === 'collective') delete issue.deciders;
    else issue.deciders = actors.filter((actor) => (app.document.stakes[actor] || {})[issue.name]).slice(0, 2);
    structural();
  });
  const boxes = deciders.length ? h('fieldset', { class: 'checks', 'aria-label': `Deciders of ${issue.name}`, dataset: { path: `${path}.deciders` } },
    actors.map((actor) => {
      const box = h('input', { type: 'checkbox', checked: deciders.includes(actor), dataset: { key: `issue-${index}-decider-${actor}` } });
      box.addEventListener('change', () => {
        const next = actors.filter((name) => (name === actor ? box.checked : deciders.includes(name)));
        if (next.length) issue.deciders = next;
        else delete issue.deciders;
        structural();
      });
      return h('label', { class: 'check' }, box, actor);
    })) : null;
  return h('div', { class: 'field wide', 'data-error-host': '', dataset: { path: `${path}.deciders` } },
    h('span', { class: 'field-label', text: 'Decision rule' }), rule, boxes);
}

function issueCard(issue, index) {
  const doc = app.document;
  const path = `issues[${index}]`;
  const scale = Array.isArray(issue.scale) ? issue.scale : [0, 100];
  const scaleInput = (k, label) => numberInput({
    value: scale[k],
    path: `${path}.scale`,
    key: `issue-${index}-scale-${k}`,
    part: k === 0 ? 'low' : 'high',
    label: `Issue ${issue.name}, scale ${label}`,
    onCommit: (v) => {
      const next = [...scale];
      next[k] = numberOrText(v);
      issue.scale = next;
      edited();
    },
  });
  return h('section', { class: 'issue-card', dataset: { issue: issue.name } },
    h('div', { class: 'issue-head' },
      h('h3', { text: `Issue: ${issue.name}` }),
      button('Remove issue', () => { removeIssue(doc, issue.name); structural(); }, { class: 'small danger', 'aria-label': `Remove issue ${issue.name}` })),
    h('div', { class: 'form-grid' },
      h('label', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Name' }),
        textInput({ value: issue.name, path: `${path}.name`, key: `issue-${index}-name`, label: `Issue ${issue.name}, name`, onCommit: (v) => { renameIssue(doc, issue.name, v.trim()); structural(); } })),
      h('div', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Scale (low · high)' }),
        h('span', { class: 'estimate' }, scaleInput(0, 'low'), scaleInput(1, 'high'))),
      h('label', { class: 'field wide', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Description' }),
        textInput({ value: issue.description, path: `${path}.description`, key: `issue-${index}-description`, label: `Issue ${issue.name}, description`, wide: true, onCommit: (v) => { issue.description = v; edited(); } })),
      h('div', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Status quo (low · central · high)' }),
        estimateInputs({ holder: issue, name: 'reference_point', path: `${path}.reference_point`, label: `Issue ${issue.name}, status quo`, optional: true })),
      h('div', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Known outcome, for backtests' }),
        estimateInputs({ holder: issue, name: 'known_outcome', path: `${path}.known_outcome`, label: `Issue ${issue.name}, known outcome`, optional: true })),
      decisionRule(issue, path, index),
      anchorsEditor(issue, path, index)));
}

function issuesCard() {
  const doc = app.document;
  return card('Issues',
    (doc.issues || []).map(issueCard),
    h('div', { class: 'card-actions' }, button('Add issue', () => {
      const name = addIssue(doc);
      const first = actorNames(doc)[0];
      if (first) addStake(doc, first, name);
      structural();
    }, { dataset: { action: 'add-issue' } })));
}

function stakesCard() {
  const doc = app.document;
  const rows = [];
  for (const actor of actorNames(doc)) {
    for (const issue of issueNames(doc)) {
      const stake = ((doc.stakes || {})[actor] || {})[issue];
      if (!stake) continue;
      const path = `stakes.${actor}.${issue}`;
      const label = `${actor} on ${issue}`;
      rows.push(h('tr', { 'data-error-host': '', dataset: { path, actor, issue } },
        h('th', { scope: 'row', text: actor }),
        h('td', { class: 'issue-name', text: issue }),
        h('td', {}, estimateInputs({ holder: stake, name: 'position', path: `${path}.position`, label: `${label}, position` })),
        h('td', {}, estimateInputs({ holder: stake, name: 'salience', path: `${path}.salience`, label: `${label}, salience` })),
        h('td', {}, estimateInputs({ holder: stake, name: 'capability', path: `${path}.capability`, label: `${label}, capability`, optional: true })),
        h('td', { class: 'wrapping-cell' }, wrappingText({ value: stake.source, path: `${path}.source`, label: `${label}, source`, onCommit: (v) => { if (v.trim()) stake.source = v; else delete stake.source; edited(); } })),
        // A compact ×: the table must fit 1024 px with long issue names (Decide's, KTAB's).
        h('td', {}, button('×', () => { removeStake(doc, actor, issue); structural(); }, { class: 'small danger icon', 'aria-label': `Remove the stake of ${actor} on ${issue}`, title: `Remove the stake of ${actor} on ${issue}` }))));
    }
  }
  const missing = [];
  for (const actor of actorNames(doc)) {
    for (const issue of issueNames(doc)) {
      if (!((doc.stakes || {})[actor] || {})[issue]) missing.push([`${actor}\u0000${issue}`, `${actor} on ${issue}`]);
    }
  }
  const chooser = missing.length ? select(missing, missing[0][0], { class: 'input', 'aria-label': 'The stake to add', dataset: { key: 'stake-to-add' } }) : null;
  const salienceNote = doc.salience_scale === 100 ? 'saliences 0 – 100' : 'saliences 0 – 1';
  return card('Stakes',
    h('p', { class: 'hint', text: `Positions on each issue's scale, ${salienceNote}; capability per stake overrides the actor's. Central values run the models; low and high set the ranges the uncertainty analyses sample.` }),
    h('div', { class: 'table-scroll' }, h('table', { class: 'form-table stakes', dataset: { role: 'stakes' } },
      h('thead', {}, h('tr', {}, ['Actor', 'Issue', 'Position', 'Salience', 'Capability', 'Source', ''].map((label) => h('th', { scope: 'col', text: label })))),
      h('tbody', {}, rows))),
    chooser ? h('div', { class: 'card-actions' }, chooser, button('Add stake', () => {
      const [actor, issue] = chooser.value.split('\u0000');
      addStake(doc, actor, issue);
      structural();
    }, { dataset: { action: 'add-stake' } })) : null);
}

function draw() {
  body.replaceChildren(aboutCard(), actorsCard(), issuesCard(), stakesCard());
}

export const scenarioView = {
  mount(container) {
    root = container;
    body = h('div', { class: 'view-body' });
    root.append(viewHeader('scenario-title', 'Scenario', 'Who takes part, what they contest, and where each actor stands. Every edit is checked at once.'), body);
    on('edited', ({ structural: isStructural }) => {
      if (isStructural && !root.hidden) redraw(root, draw);
      else if (isStructural) body.dataset.dirty = '1';
    });
  },
  show() {
    if (!body.children.length || body.dataset.dirty) {
      delete body.dataset.dirty;
      redraw(root, draw);
    }
  },
};
