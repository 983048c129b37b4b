// Levers & plans: the levers the analyst can pull (magnitude, steps, cost, effects), the plans that
// combine them, and the opponent's counter-levers with its budget (docs/levers.md).

import { h, viewHeader, card, select } from '../dom.js';
import { app, on, edited } from '../state.js';
import { redraw, textInput, wrappingText, numberInput, estimateInputs, numberOrText, button } from '../inputs.js';
import { actorNames, issueNames } from '../scenario_doc.js';

const kEffectTypes = [
  ['shift_position', 'shift position (+ magnitude)'],
  ['set_position', 'set position (= magnitude)'],
  ['shift_salience', 'shift salience'],
  ['set_salience', 'set salience'],
  ['scale_salience', 'scale salience (× magnitude)'],
  ['shift_capability', 'shift capability'],
  ['scale_capability', 'scale capability'],
  ['set_capability', 'set capability'],
  ['remove_actor', 'remove actors'],
  ['set_decision_rule', 'set decision rule'],
  ['deal', 'deal (give on one issue for a move on another)'],
  ['add_actor', 'add an actor'],
];

let root = null;
let body = null;
const openLevers = new Set();  // the paths of the lever cards the user keeps open

const structural = () => edited({ structural: true });

// Checkboxes for a list of names held at holder[key]; none ticked removes the key when `optional`.
function nameChecks(holder, key, names, label, path, optional) {
  const current = Array.isArray(holder[key]) ? holder[key] : [];
  return h('fieldset', { class: 'checks compact', dataset: { path } },
    h('legend', { class: 'field-label', text: label }),
    names.map((name) => {
      const box = h('input', { type: 'checkbox', checked: current.includes(name), dataset: { key: `${path}-${name}` } });
      box.addEventListener('change', () => {
        const next = names.filter((item) => (item === name ? box.checked : current.includes(item)));
        if (next.length || !optional) holder[key] = next;
        else delete holder[key];
        structural();
      });
      return h('label', { class: 'check' }, box, name);
    }));
}

function optionalNumber(holder, key, label, path) {
  return h('label', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: label }),
    numberInput({ value: holder[key], path, label, onCommit: (v) => { const n = numberOrText(v); if (n === undefined) delete holder[key]; else holder[key] = n; edited(); } }));
}

function dealSide(effect, side, path) {
  effect[side] = effect[side] || { actors: [], issue: issueNames(app.document)[0] };
  const deal = effect[side];
  const issue = select(issueNames(app.document), deal.issue, { class: 'input', 'aria-label': `${side}: issue`, dataset: { path: `${path}.${side}.issue` } });
  issue.addEventListener('change', () => { deal.issue = issue.value; edited(); });
  return h('div', { class: 'deal-side' },
    h('span', { class: 'field-label', text: side === 'give' ? 'Give: these actors move on' : 'Take: in return these actors move on' }),
    issue,
    nameChecks(deal, 'actors', actorNames(app.document), 'Actors', `${path}.${side}.actors`, false),
    optionalNumber(deal, 'up_to', 'Up to (cap; default the magnitude)', `${path}.${side}.up_to`));
}

function jsonField(holder, key, label, path) {
  const area = h('textarea', { class: 'input wide code', rows: 3, 'aria-label': label, dataset: { path } });
  area.value = holder[key] === undefined ? '' : JSON.stringify(holder[key]);
  area.addEventListener('change', () => {
    try {
      holder[key] = area.value.trim() ? JSON.parse(area.value) : undefined;
      if (holder[key] === undefined) delete holder[key];
    } catch (error) {
      holder[key] = area.value;  // the server names what it found
    }
    edited();
  });
  return h('label', { class: 'field wide', 'data-error-host': '' }, h('span', { class: 'field-label', text: label }), area);
}

function effectEditor(lever, effect, index, path) {
  const type = select(kEffectTypes, effect.type, { class: 'input', 'aria-label': `${lever.name}, effect ${index + 1}, type`, dataset: { path: `${path}.type`, key: `${path}.type` } });
  type.addEventListener('change', () => {
    for (const key of Object.keys(effect)) if (key !== 'type') delete effect[key];
    effect.type = type.value;
    if (type.value === 'deal') Object.assign(effect, { give: { actors: [], issue: issueNames(app.document)[0] }, take: { actors: [], issue: issueNames(app.document)[0] } });
    else if (type.value === 'add_actor') Object.assign(effect, { actor: { name: 'NEW', capability: 1 }, stakes: {} });
    else if (type.value === 'set_decision_rule') Object.assign(effect, { issues: [issueNames(app.document)[0]], rule: 'collective' });
    else effect.actors = [];
    structural();
  });
  const fields = [];
  if (effect.type === 'deal') {
    fields.push(dealSide(effect, 'give', path), dealSide(effect, 'take', path));
  } else if (effect.type === 'add_actor') {
    fields.push(jsonField(effect, 'actor', 'The new actor: {"name", "capability"}', `${path}.actor`),
      jsonField(effect, 'stakes', 'Its stakes: {ISSUE: {"position", "salience"}}', `${path}.stakes`));
  } else if (effect.type === 'set_decision_rule') {
    fields.push(nameChecks(effect, 'issues', issueNames(app.document), 'Issues', `${path}.issues`, false));
    const rule = select([['collective', 'collective'], ['deciders', 'deciders']], effect.deciders ? 'deciders' : 'collective', { class: 'input', 'aria-label': 'Rule' });
    rule.addEventListener('change', () => {
      if (rule.value === 'collective') { delete effect.deciders; effect.rule = 'collective'; } else { delete effect.rule; effect.deciders = []; }
      structural();
    });
    fields.push(h('label', { class: 'field' }, h('span', { class: 'field-label', text: 'Rule' }), rule));
    if (effect.deciders) fields.push(nameChecks(effect, 'deciders', actorNames(app.document), 'Deciders', `${path}.deciders`, false));
  } else {
    fields.push(nameChecks(effect, 'actors', actorNames(app.document), 'Actors', `${path}.actors`, false));
    if (effect.type !== 'remove_actor') {
      fields.push(nameChecks(effect, 'issues', issueNames(app.document), 'Issues (none ticked: every issue of the actor)', `${path}.issues`, true),
        optionalNumber(effect, 'amount', 'Amount (default: the magnitude)', `${path}.amount`),
        optionalNumber(effect, 'factor', 'Factor (× the amount)', `${path}.factor`));
    }
  }
  return h('div', { class: 'effect', 'data-error-host': '', dataset: { path } },
    h('div', { class: 'effect-head' }, h('span', { class: 'effect-number', text: `Effect ${index + 1}` }), type,
      button('Remove', () => { lever.effects.splice(index, 1); structural(); }, { class: 'small', 'aria-label': `Remove effect ${index + 1} of ${lever.name}` })),
    h('div', { class: 'effect-fields' }, fields));
}

function costEditor(lever, path) {
  const cost = lever.cost === undefined ? {} : (typeof lever.cost === 'object' ? lever.cost : { fixed: lever.cost });
  const commit = (key) => (v) => {
    const n = numberOrText(v);
    const next = { ...cost };
    if (n === undefined) delete next[key];
    else next[key] = n;
    if (Object.keys(next).length === 0) delete lever.cost;
    else if (Object.keys(next).length === 1 && next.fixed !== undefined) lever.cost = next.fixed;
    else lever.cost = next;
    edited();
  };
  return h('div', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Cost: fixed + per unit × |magnitude|' }),
    h('span', { class: 'estimate' },
      numberInput({ value: cost.fixed, path: `${path}.cost`, key: `${path}.cost.fixed`, label: `${lever.name}, fixed cost`, onCommit: commit('fixed') }),
      numberInput({ value: cost.per_unit, path: `${path}.cost`, key: `${path}.cost.per_unit`, label: `${lever.name}, cost per unit`, onCommit: commit('per_unit') })));
}

// The line a closed lever card shows: its description and magnitude, or why it is excluded.
function leverSummary(lever) {
  if (lever.excluded !== undefined) return `excluded: ${lever.excluded}`;
  const magnitude = lever.magnitude === undefined ? '' : Array.isArray(lever.magnitude) ? lever.magnitude.join(' – ') : typeof lever.magnitude === 'object' ? [lever.magnitude.low, lever.magnitude.central, lever.magnitude.high].filter((v) => v !== undefined).join(' – ') : String(lever.magnitude);
  return `${lever.description || ''}${magnitude ? ` · magnitude ${magnitude}` : ''}`;
}

function leverEditor(list, lever, index, path, kind) {
  const stepsText = Array.isArray(lever.steps) ? lever.steps.join(', ') : '';
  const excluded = lever.excluded !== undefined;
  const summary = h('span', { class: 'lever-summary', text: leverSummary(lever) });
  const details = h('details', { class: 'lever-card', open: openLevers.has(path), dataset: { lever: lever.name, path } },
    h('summary', {}, h('span', { class: 'lever-title', text: `${kind} ${lever.name}` }), summary),
    h('div', { class: 'issue-head' },
      h('span', { class: 'hint', text: `${(lever.effects || []).length} effect(s)` }),
      button('Remove', () => { list.splice(index, 1); structural(); }, { class: 'small danger', 'aria-label': `Remove ${kind.toLowerCase()} ${lever.name}` })),
    h('div', { class: 'form-grid' },
      h('label', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Name' }),
        textInput({ value: lever.name, path: `${path}.name`, key: `${path}.name`, label: `${kind} ${lever.name}, name`, onCommit: (v) => { renameLever(lever.name, v.trim()); lever.name = v.trim(); structural(); } })),
      h('label', { class: 'field wide', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Description' }),
        textInput({ value: lever.description, path: `${path}.description`, key: `${path}.description`, label: `${lever.name}, description`, wide: true, onCommit: (v) => { lever.description = v; edited(); } })),
      excluded ? h('label', { class: 'field wide', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Excluded because' }),
        textInput({ value: lever.excluded, path: `${path}.excluded`, label: `${lever.name}, excluded because`, wide: true, onCommit: (v) => { lever.excluded = v; edited(); } })) : [
        h('label', { class: 'field wide', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Unit: what the magnitude measures' }),
          textInput({ value: lever.unit, path: `${path}.unit`, key: `${path}.unit`, label: `${lever.name}, unit`, wide: true, onCommit: (v) => { lever.unit = v; edited(); } })),
        h('div', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Magnitude (low · central · high)' }),
          estimateInputs({ holder: lever, name: 'magnitude', path: `${path}.magnitude`, label: `${lever.name}, magnitude` })),
        h('label', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Steps optimise tries' }),
          textInput({ value: stepsText, path: `${path}.steps`, label: `${lever.name}, steps`, placeholder: 'low, central, high', onCommit: (v) => {
            const steps = v.split(/[,\s]+/).filter(Boolean).map(numberOrText);
            if (steps.length) lever.steps = steps;
            else delete lever.steps;
            edited();
          } })),
        costEditor(lever, path),
        h('div', { class: 'effects wide' }, (lever.effects || []).map((effect, k) => effectEditor(lever, effect, k, `${path}.effects[${k}]`)),
          button('Add effect', () => { lever.effects = lever.effects || []; lever.effects.push({ type: 'shift_position', actors: [] }); structural(); }, { class: 'small', 'aria-label': `Add effect to ${lever.name}` }))]));
  // The fields commit on change (their own listeners run first); the summary follows them.
  details.addEventListener('change', () => { summary.textContent = leverSummary(lever); });
  details.addEventListener('toggle', () => {
    if (details.open) openLevers.add(path);
    else openLevers.delete(path);
  });
  return details;
}

// A lever renamed in the plans that name it.
function renameLever(from, to) {
  for (const plan of app.document.plans || []) {
    plan.levers = (plan.levers || []).map((item) => {
      if (item === from) return to;
      if (item && typeof item === 'object' && from in item) return { [to]: item[from] };
      return item;
    });
  }
}

function planEditor(plan, index) {
  const path = `plans[${index}]`;
  const levers = (app.document.levers || []).filter((lever) => lever.excluded === undefined);
  const entry = (name) => (plan.levers || []).find((item) => item === name || (item && typeof item === 'object' && name in item));
  const setEntry = (name, value) => {
    const others = (plan.levers || []).filter((item) => item !== entry(name));
    const order = levers.map((lever) => lever.name);
    if (value !== null) others.push(value);
    plan.levers = others.sort((a, b) => order.indexOf(typeof a === 'string' ? a : Object.keys(a)[0]) - order.indexOf(typeof b === 'string' ? b : Object.keys(b)[0]));
  };
  return h('tr', { 'data-error-host': '', dataset: { path, plan: plan.name } },
    h('td', {}, textInput({ value: plan.name, path: `${path}.name`, key: `${path}.name`, label: `Plan ${plan.name}, name`, onCommit: (v) => { plan.name = v.trim(); structural(); } })),
    // A text area that grows with its text, so that a long description wraps instead of being
    // cut off (the table has no room for one line at 1024 px).
    h('td', { class: 'plan-description' }, wrappingText({ value: plan.description, path: `${path}.description`, label: `Plan ${plan.name}, description`, onCommit: (v) => { plan.description = v; edited(); } })),
    h('td', { dataset: { path: `${path}.levers` } }, h('div', { class: 'plan-levers' }, levers.map((lever) => {
      const current = entry(lever.name);
      const box = h('input', { type: 'checkbox', checked: Boolean(current), dataset: { key: `${path}-${lever.name}` }, 'aria-label': `Plan ${plan.name} uses ${lever.name}` });
      const fixed = h('input', { type: 'text', inputmode: 'decimal', class: 'input number', placeholder: 'open', 'aria-label': `Plan ${plan.name}, ${lever.name} fixed at`, value: current && typeof current === 'object' ? String(current[lever.name]) : '' });
      const commit = () => {
        if (!box.checked) setEntry(lever.name, null);
        else if (fixed.value.trim() === '') setEntry(lever.name, lever.name);
        else setEntry(lever.name, { [lever.name]: numberOrText(fixed.value) });
        edited();
      };
      box.addEventListener('change', commit);
      fixed.addEventListener('change', () => { box.checked = true; commit(); });
      return h('span', { class: 'plan-lever' }, h('label', { class: 'check' }, box, lever.name), fixed);
    }))),
    h('td', {}, button('Remove', () => { app.document.plans.splice(index, 1); if (!app.document.plans.length) delete app.document.plans; structural(); }, { class: 'small danger', 'aria-label': `Remove plan ${plan.name}` })));
}

function newLever(names) {
  let k = names.length + 1;
  while (names.includes(`L${k}`)) k += 1;
  return { name: `L${k}`, description: '', unit: '', magnitude: [0, 10, 20], cost: { fixed: 1, per_unit: 0.1 }, effects: [{ type: 'shift_position', actors: [], issues: [] }] };
}

function draw() {
  const doc = app.document;
  const levers = doc.levers || [];
  const counter = doc.counter_levers;
  const leverCards = card('Levers',
    h('p', { class: 'hint', text: 'A lever changes the scenario by its magnitude and costs fixed + per unit × |magnitude|. Plans that leave a lever open sample its magnitude between low and high.' }),
    levers.map((lever, k) => leverEditor(levers, lever, k, `levers[${k}]`, 'Lever')),
    h('div', { class: 'card-actions' }, button('Add lever', () => {
      doc.levers = doc.levers || [];
      const lever = newLever(doc.levers.map((item) => item.name));
      const [actor] = actorNames(doc);
      const [issue] = issueNames(doc);
      lever.effects[0].actors = actor ? [actor] : [];
      lever.effects[0].issues = issue ? [issue] : [];
      doc.levers.push(lever);
      openLevers.add(`levers[${doc.levers.length - 1}]`);
      structural();
    }, { dataset: { action: 'add-lever' } })));
  const plans = doc.plans || [];
  const planCard = card('Plans',
    h('p', { class: 'hint', text: 'A plan is a set of levers, each at its open magnitude or fixed at one. The what-if weighs the baseline and every plan.' }),
    h('div', { class: 'table-scroll' }, h('table', { class: 'form-table', dataset: { role: 'plans' } },
      h('thead', {}, h('tr', {}, ['Name', 'Description', 'Levers (fixed magnitude, or open)', ''].map((label) => h('th', { scope: 'col', text: label })))),
      h('tbody', {}, plans.map(planEditor)))),
    h('div', { class: 'card-actions' }, button('Add plan', () => {
      doc.plans = doc.plans || [];
      let k = doc.plans.length + 1;
      while (doc.plans.some((plan) => plan.name === `plan${k}`)) k += 1;
      const first = levers.find((lever) => lever.excluded === undefined);
      doc.plans.push({ name: `plan${k}`, description: '', levers: first ? [first.name] : [] });
      structural();
    }, { dataset: { action: 'add-plan' } })));
  let counterCard;
  if (counter) {
    const owner = select(actorNames(doc), counter.owner, { class: 'input', 'aria-label': 'Counter-levers, owner', dataset: { path: 'counter_levers.owner' } });
    owner.addEventListener('change', () => { counter.owner = owner.value; edited(); });
    counter.levers = counter.levers || [];
    counterCard = card('Counter-levers',
      h('p', { class: 'hint', text: 'The opponent\'s levers: optimise finds, for each plan, the counter-plan within this budget that hurts it most.' }),
      h('div', { class: 'form-grid' },
        h('label', { class: 'field', 'data-error-host': '' }, h('span', { class: 'field-label', text: 'Owner' }), owner),
        optionalNumber(counter, 'budget', 'Budget (cost points)', 'counter_levers.budget')),
      counter.levers.map((lever, k) => leverEditor(counter.levers, lever, k, `counter_levers.levers[${k}]`, 'Counter-lever')),
      h('div', { class: 'card-actions' },
        button('Add counter-lever', () => { const lever = newLever(counter.levers.map((item) => item.name)); lever.name = lever.name.replace(/^L/, 'R'); lever.effects[0].actors = [counter.owner].filter(Boolean); counter.levers.push(lever); openLevers.add(`counter_levers.levers[${counter.levers.length - 1}]`); structural(); }, { dataset: { action: 'add-counter-lever' } }),
        button('Remove counter-levers', () => { delete doc.counter_levers; structural(); }, { class: 'danger' })));
  } else {
    counterCard = card('Counter-levers', h('p', { class: 'hint', text: 'No opponent declared.' }),
      h('div', { class: 'card-actions' }, button('Declare counter-levers', () => { doc.counter_levers = { owner: actorNames(doc)[0], budget: 5, levers: [] }; structural(); })));
  }
  body.replaceChildren(leverCards, planCard, counterCard);
}

export const leversView = {
  mount(container) {
    root = container;
    body = h('div', { class: 'view-body' });
    root.append(viewHeader('levers-title', 'Levers & plans', 'What can be done, what it costs, how it combines, and how the opponent can answer.'), body);
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
