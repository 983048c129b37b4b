// Server messages in the user's words. The scenario reader names a position in the text it read
// and a key path ("document.json:178:17: stakes.USA.sanctions.salience: found '5', expected ...");
// the UI never shows the position (the user never saw that text) and turns the path into the
// actor, issue, lever or plan it names, so the message can stand beside the field it concerns.

const kFilePosition = /^[^\s:]+\.(json|yaml|yml):\d+(:\d+)?:\s*/;
const kPathAndMessage = /^((?:[A-Za-z_][\w-]*)(?:\[\d+\]|\.[^\s.:[\]]+)*):\s+(.*)$/s;

const kFieldWords = {
  position: 'position',
  salience: 'salience',
  capability: 'capability',
  reference_point: 'status quo',
  known_outcome: 'known outcome',
  scale: 'scale',
  anchors: 'anchors',
  deciders: 'deciders',
  magnitude: 'magnitude',
  steps: 'steps',
  cost: 'cost',
  effects: 'effect',
  name: 'name',
  description: 'description',
  budget: 'budget',
  owner: 'owner',
  target: 'target',
  probability: 'probability',
  salience_scale: 'salience scale',
};

// "stakes.USA.sanctions.salience" → ["stakes", "USA", "sanctions", "salience"];
// "actors[1].name" → ["actors", 1, "name"].
export function splitPath(path) {
  const parts = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    parts.push(match[1] !== undefined ? Number(match[1]) : match[2]);
  }
  return parts;
}

function nameAt(list, index) {
  return list && list[index] && list[index].name ? list[index].name : `#${index + 1}`;
}

function words(parts) {
  return parts.filter((part) => typeof part === 'string').map((part) => kFieldWords[part] || part.replace(/_/g, ' ')).join(' ');
}

// What a path names, in words: "USA on sanctions, salience".
export function describePath(parts, documentValue) {
  const doc = documentValue || {};
  const [head, ...rest] = parts;
  if (head === 'stakes') {
    const [actor, issue, ...fieldParts] = rest;
    if (actor === undefined) return 'Stakes';
    if (issue === undefined) return `${actor}'s stakes`;
    const what = words(fieldParts);
    return `${actor} on ${issue}${what ? `, ${what}` : ''}`;
  }
  if (head === 'actors' && typeof rest[0] === 'number') {
    const what = words(rest.slice(1));
    return `Actor ${nameAt(doc.actors, rest[0])}${what ? `, ${what}` : ''}`;
  }
  if (head === 'issues' && typeof rest[0] === 'number') {
    const what = words(rest.slice(1));
    return `Issue ${nameAt(doc.issues, rest[0])}${what ? `, ${what}` : ''}`;
  }
  if (head === 'levers' && typeof rest[0] === 'number') {
    return leverWords('Lever', doc.levers, rest);
  }
  if (head === 'counter_levers') {
    if (rest[0] === 'levers' && typeof rest[1] === 'number') {
      return leverWords('Counter-lever', doc.counter_levers && doc.counter_levers.levers, rest.slice(1));
    }
    return `Counter-levers${rest.length ? `, ${words(rest)}` : ''}`;
  }
  if (head === 'plans' && typeof rest[0] === 'number') {
    const what = words(rest.slice(1));
    return `Plan ${nameAt(doc.plans, rest[0])}${what ? `, ${what}` : ''}`;
  }
  if (head === 'question') return `Question${rest.length ? `, ${words(rest)}` : ''}`;
  return words(parts) || head;
}

function leverWords(kind, levers, rest) {
  let text = `${kind} ${nameAt(levers, rest[0])}`;
  const fieldParts = rest.slice(1);
  if (fieldParts[0] === 'effects' && typeof fieldParts[1] === 'number') {
    text += `, effect ${fieldParts[1] + 1}`;
    const what = words(fieldParts.slice(2));
    return what ? `${text} (${what})` : text;
  }
  const what = words(fieldParts);
  return what ? `${text}, ${what}` : text;
}

// {path, parts, where, message, text}: `path` is the document path the message names (null when
// it names none), `text` the whole message in words.
export function explainError(message, documentValue) {
  const withoutPosition = String(message).replace(kFilePosition, '');
  const match = withoutPosition.match(kPathAndMessage);
  if (!match || !/^(stakes|actors|issues|levers|plans|counter_levers|question|name|description|sources|salience_scale)\b/.test(match[1])) {
    return { path: null, parts: [], where: '', message: withoutPosition, text: withoutPosition };
  }
  const parts = splitPath(match[1]);
  const where = describePath(parts, documentValue);
  const said = reword(match[2]);
  return { path: match[1], parts, where, message: said, text: `${where}: ${said}` };
}

// The reader's message for a range out of order, said as the analyst sees the three cells.
function reword(message) {
  const unordered = message.match(/^found \[([^,\]]+), ([^,\]]+), ([^,\]]+)\], expected \[low, central, high\] with low <= central <= high$/);
  if (unordered) {
    const [, low, central, high] = unordered;
    return `low ${low}, central ${central}, high ${high}: the central value must lie between low and high`;
  }
  return message;
}

// True when an input at `fieldPath` is what the error at `errorPath` concerns: the same value,
// a part of it, or the object that holds it.
export function pathConcerns(errorPath, fieldPath) {
  if (!errorPath || !fieldPath) return false;
  return errorPath === fieldPath || errorPath.startsWith(`${fieldPath}.`) || errorPath.startsWith(`${fieldPath}[`);
}
