// The scenario document (the native format of docs/scenario-format.md, as JSON) and the edits the
// UI makes to it. No validation here: the server validates every edit (POST /api/validate) and
// its message is shown beside the field it names.

// An estimate ("12", [low, central, high] or {low, central, high, source}) as {low, central, high,
// source}; missing parts are undefined.
export function readEstimate(value) {
  if (Array.isArray(value)) {
    return value.length === 3 ? { low: value[0], central: value[1], high: value[2] } : { central: value[0] };
  }
  if (value !== null && typeof value === 'object') return { ...value };
  return { central: value };
}

// Writes one part of an estimate back in the form the document used: a number stays a number
// until it gets a range; a list stays a list; an object keeps its source.
export function writeEstimate(original, part, text) {
  const estimate = readEstimate(original === undefined ? {} : original);
  const value = parseNumberText(text);
  if (value === undefined) delete estimate[part];
  else estimate[part] = value;
  const isObject = original !== null && typeof original === 'object' && !Array.isArray(original);
  const ranged = estimate.low !== undefined || estimate.high !== undefined;
  if (isObject || estimate.source !== undefined || estimate.central === undefined ||
      (ranged && (estimate.low === undefined || estimate.high === undefined))) {
    const out = {};
    for (const key of ['low', 'central', 'high', 'source']) {
      if (estimate[key] !== undefined) out[key] = estimate[key];
    }
    return out;
  }
  return ranged ? [estimate.low, estimate.central, estimate.high] : estimate.central;
}

// "12.5" → 12.5; "" → undefined; anything else stays text, so that the server names it in its
// message ("found 'abc', expected a finite number").
export function parseNumberText(text) {
  const trimmed = String(text).trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed.replace(',', '.'));
  return Number.isFinite(number) && /^[-+]?[\d.,]+(e[-+]?\d+)?$/i.test(trimmed) ? number : trimmed;
}

export function actorNames(documentValue) {
  return (documentValue.actors || []).map((actor) => actor.name);
}

export function issueNames(documentValue) {
  return (documentValue.issues || []).map((issue) => issue.name);
}

export function issueScale(issue) {
  const scale = issue && Array.isArray(issue.scale) ? issue.scale : [0, 100];
  return { low: Number(scale[0]), high: Number(scale[1]) };
}

export function salienceMax(documentValue) {
  return Number(documentValue.salience_scale) === 100 ? 100 : 1;
}

function uniqueName(existing, stem) {
  for (let k = existing.length + 1; ; k += 1) {
    if (!existing.includes(`${stem}${k}`)) return `${stem}${k}`;
  }
}

// A new, valid scenario: two actors and one issue, each actor with a stake.
export function blankScenario() {
  return {
    name: 'New scenario',
    description: '',
    salience_scale: 100,
    actors: [{ name: 'A', description: '', capability: 50 }, { name: 'B', description: '', capability: 50 }],
    issues: [{ name: 'issue1', description: '', scale: [0, 100], anchors: { 0: 'one end', 100: 'the other end' } }],
    stakes: {
      A: { issue1: { position: 20, salience: 50 } },
      B: { issue1: { position: 80, salience: 50 } },
    },
  };
}

export function addActor(documentValue) {
  const name = uniqueName(actorNames(documentValue), 'actor');
  documentValue.actors = documentValue.actors || [];
  documentValue.actors.push({ name, description: '', capability: 1 });
  return name;
}

export function addIssue(documentValue) {
  const name = uniqueName(issueNames(documentValue), 'issue');
  documentValue.issues = documentValue.issues || [];
  documentValue.issues.push({ name, description: '', scale: [0, 100] });
  return name;
}

export function addStake(documentValue, actor, issue) {
  documentValue.stakes = documentValue.stakes || {};
  documentValue.stakes[actor] = documentValue.stakes[actor] || {};
  const scale = issueScale(documentValue.issues.find((item) => item.name === issue));
  documentValue.stakes[actor][issue] = {
    position: (scale.low + scale.high) / 2,
    salience: salienceMax(documentValue) / 2,
  };
}

export function removeStake(documentValue, actor, issue) {
  delete documentValue.stakes[actor][issue];
  if (Object.keys(documentValue.stakes[actor]).length === 0) delete documentValue.stakes[actor];
}

// Every list of actor or issue names in the levers of the document, with a callback that rewrites
// it: used to carry a rename or a removal into effects, deals, decision rules and the owner.
function forEachLeverReference(documentValue, kind, rewrite) {
  const levers = [...(documentValue.levers || []),
    ...((documentValue.counter_levers && documentValue.counter_levers.levers) || [])];
  for (const lever of levers) {
    for (const effect of lever.effects || []) {
      if (kind === 'actor') {
        if (Array.isArray(effect.actors)) effect.actors = rewrite(effect.actors);
        if (Array.isArray(effect.deciders)) effect.deciders = rewrite(effect.deciders);
      } else if (Array.isArray(effect.issues)) {
        effect.issues = rewrite(effect.issues);
      }
      for (const side of ['give', 'take']) {
        const deal = effect[side];
        if (!deal) continue;
        if (kind === 'actor' && Array.isArray(deal.actors)) deal.actors = rewrite(deal.actors);
        if (kind === 'issue' && typeof deal.issue === 'string') deal.issue = rewrite([deal.issue])[0] || '';
      }
      if (kind === 'issue' && effect.stakes && typeof effect.stakes === 'object') {
        const renamed = {};
        for (const [issue, stake] of Object.entries(effect.stakes)) {
          const [name] = rewrite([issue]);
          if (name) renamed[name] = stake;
        }
        effect.stakes = renamed;
      }
    }
  }
}

function renameKey(object, from, to) {
  const out = {};
  for (const [key, value] of Object.entries(object)) out[key === from ? to : key] = value;
  return out;
}

export function renameActor(documentValue, from, to) {
  if (from === to) return;
  const actor = documentValue.actors.find((item) => item.name === from);
  actor.name = to;
  if (documentValue.stakes && documentValue.stakes[from]) documentValue.stakes = renameKey(documentValue.stakes, from, to);
  for (const issue of documentValue.issues || []) {
    if (Array.isArray(issue.deciders)) issue.deciders = issue.deciders.map((name) => (name === from ? to : name));
  }
  forEachLeverReference(documentValue, 'actor', (names) => names.map((name) => (name === from ? to : name)));
  if (documentValue.counter_levers && documentValue.counter_levers.owner === from) documentValue.counter_levers.owner = to;
}

export function removeActor(documentValue, name) {
  documentValue.actors = documentValue.actors.filter((item) => item.name !== name);
  if (documentValue.stakes) delete documentValue.stakes[name];
  for (const issue of documentValue.issues || []) {
    if (Array.isArray(issue.deciders)) {
      issue.deciders = issue.deciders.filter((item) => item !== name);
      if (!issue.deciders.length) delete issue.deciders;
    }
  }
  forEachLeverReference(documentValue, 'actor', (names) => names.filter((item) => item !== name));
}

export function renameIssue(documentValue, from, to) {
  if (from === to) return;
  documentValue.issues.find((item) => item.name === from).name = to;
  for (const [actor, stakes] of Object.entries(documentValue.stakes || {})) {
    if (stakes[from]) documentValue.stakes[actor] = renameKey(stakes, from, to);
  }
  forEachLeverReference(documentValue, 'issue', (names) => names.map((name) => (name === from ? to : name)));
  const question = documentValue.question;
  if (question && typeof question.target === 'string') {
    const match = question.target.match(/^\s*(.+?)\s*(<=|>=)\s*(.*)$/);
    if (match && match[1] === from) question.target = `${to}${match[2]}${match[3]}`;
  }
}

export function removeIssue(documentValue, name) {
  documentValue.issues = documentValue.issues.filter((item) => item.name !== name);
  for (const actor of Object.keys(documentValue.stakes || {})) {
    delete documentValue.stakes[actor][name];
    if (Object.keys(documentValue.stakes[actor]).length === 0) delete documentValue.stakes[actor];
  }
  forEachLeverReference(documentValue, 'issue', (names) => names.filter((item) => item !== name));
}

// Parses "munitions<=25" into {issue, direction, value}; null when it does not read so.
export function parseTarget(text) {
  const match = String(text || '').match(/^\s*(.+?)\s*(<=|>=)\s*(.+?)\s*$/);
  if (!match) return null;
  return { issue: match[1], direction: match[2], value: match[3] };
}
