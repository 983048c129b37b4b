// Writes a scenario document (plain JSON data) as YAML in the style of docs/scenario-format.md:
// block maps and lists, short lists and maps of plain values in flow style ([85, 95, 100],
// {central: 16, source: "..."}), every string double-quoted. A double-quoted YAML string uses
// JSON's escapes, and numbers are written as JavaScript's shortest round-trip form, so the file
// reads back as exactly this document.

const kReserved = /^(y|yes|n|no|true|false|on|off|null|~)$/i;

function key(text) {
  const name = String(text);
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) && !kReserved.test(name)) return name;
  if (/^-?\d+(\.\d+)?$/.test(name)) return name;
  return JSON.stringify(name);
}

function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(String(value));
}

const isPlain = (value) => value === null || typeof value !== 'object';

// A list or map of plain values that fits on a line is written in flow style.
function flow(value) {
  if (Array.isArray(value)) {
    if (!value.every(isPlain)) return null;
    const text = `[${value.map(scalar).join(', ')}]`;
    return text.length <= 90 ? text : null;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (!entries.length) return '{}';
    if (!entries.every(([, item]) => isPlain(item))) return null;
    const text = `{${entries.map(([name, item]) => `${key(name)}: ${scalar(item)}`).join(', ')}}`;
    return text.length <= 100 ? text : null;
  }
  return scalar(value);
}

function block(value, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  if (Array.isArray(value)) {
    if (!value.length) return null;
    for (const item of value) {
      const inline = flow(item);
      if (inline !== null && (isPlain(item) || Array.isArray(item))) {
        lines.push(`${pad}- ${inline}`);
        continue;
      }
      // A map in a list: its first key on the dash's line, the rest below it.
      const body = block(item, indent + 2);
      lines.push(body === null ? `${pad}- {}` : `${pad}- ${body.slice(indent + 2)}`);
    }
    return lines.join('\n');
  }
  const entries = Object.entries(value);
  if (!entries.length) return null;
  for (const [name, item] of entries) {
    const inline = isPlain(item) ? scalar(item) : flow(item);
    if (inline !== null && (isPlain(item) || Array.isArray(item) || isEstimateLike(item))) {
      lines.push(`${pad}${key(name)}: ${inline}`);
    } else {
      const body = block(item, indent + 2);
      lines.push(body === null ? `${pad}${key(name)}: ${Array.isArray(item) ? '[]' : '{}'}` : `${pad}${key(name)}:\n${body}`);
    }
  }
  return lines.join('\n');
}

// {low, central, high, source} and a lever's {fixed, per_unit} read best on one line.
function isEstimateLike(value) {
  return Object.keys(value).every((name) => ['low', 'central', 'high', 'source', 'fixed', 'per_unit'].includes(name));
}

export function toYaml(documentValue) {
  return `${block(documentValue, 0) || '{}'}\n`;
}
