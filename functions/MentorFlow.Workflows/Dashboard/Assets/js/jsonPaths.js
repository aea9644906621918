// Finds where a problem's JSON path (as the API reports it, e.g. "criteria.mentee.eligibility[1]" or
// "criteria.mentee.selection['win rate']") is in the text the user typed, so the problem can be shown next to it.
// The paths are built exactly as the API builds them (DefinitionPath.cs): "$" for the document, dotted camelCase
// names, [i] for items, ['…'] for names that are not plain identifiers.

const root = '$';

function isIdentifier(name) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** The path of a property below `parent`, as the API writes it. */
export function propertyPath(parent, name) {
  if (isIdentifier(name)) return parent === root ? name : `${parent}.${name}`;
  return `${parent}['${name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
}

/** The path one step up: "a.b[2]" → "a.b", "a.b" → "a", "a" → "$", "a['x y']" → "a". */
export function parentPath(path) {
  if (path === root || path === '') return null;
  let quoted = false;
  let cut = -1;
  for (let i = 0; i < path.length; i += 1) {
    const c = path[i];
    if (quoted) {
      if (c === '\\') i += 1;
      else if (c === "'") quoted = false;
      continue;
    }
    if (c === "'") quoted = true;
    else if (c === '.' || c === '[') cut = i;
  }
  return cut <= 0 ? root : path.slice(0, cut);
}

/**
 * Walks the JSON text and records, for every path, the offset where it starts: the property name for a member,
 * the value for an array item or the document. Tolerant: on a syntax error it stops and keeps what it found.
 */
export function indexPaths(text) {
  const found = new Map();
  let i = 0;

  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i += 1;
  };

  const readString = () => {
    // At an opening quote; returns the decoded string and leaves i after the closing quote.
    const start = i;
    i += 1;
    let escaped = false;
    while (i < text.length) {
      const c = text[i];
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        i += 1;
        try { return JSON.parse(text.slice(start, i)); } catch { throw new SyntaxError('string'); }
      } else if (c === '\n') throw new SyntaxError('string');
      i += 1;
    }
    throw new SyntaxError('string');
  };

  const readValue = (path) => {
    skipSpace();
    if (!found.has(path)) found.set(path, i);
    const c = text[i];
    if (c === '{') {
      i += 1;
      skipSpace();
      if (text[i] === '}') { i += 1; return; }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') throw new SyntaxError('name');
        const nameAt = i;
        const name = readString();
        const memberPath = propertyPath(path, name);
        if (!found.has(memberPath)) found.set(memberPath, nameAt);
        skipSpace();
        if (text[i] !== ':') throw new SyntaxError('colon');
        i += 1;
        readValue(memberPath); // the value's own start is kept only where the name was not recorded
        skipSpace();
        if (text[i] === ',') { i += 1; continue; }
        if (text[i] === '}') { i += 1; return; }
        throw new SyntaxError('object');
      }
    }
    if (c === '[') {
      i += 1;
      skipSpace();
      if (text[i] === ']') { i += 1; return; }
      for (let index = 0; ; index += 1) {
        readValue(`${path}[${index}]`);
        skipSpace();
        if (text[i] === ',') { i += 1; continue; }
        if (text[i] === ']') { i += 1; return; }
        throw new SyntaxError('array');
      }
    }
    if (c === '"') { readString(); return; }
    const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!literal) throw new SyntaxError('value');
    i += literal[0].length;
  };

  try {
    readValue(root);
  } catch {
    // Malformed JSON: the API reports it at "$" with its line; what was indexed so far stays usable.
  }
  return found;
}

/** The 1-based line of an offset. */
export function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text[i] === '\n') line += 1;
  return line;
}

/**
 * Where a problem belongs: { line, exact, at } — the line of its path, else of the nearest enclosing path that exists
 * (a missing field is shown at the object that lacks it), else the line a JSON syntax message names.
 */
export function locate(text, index, path, message = '') {
  if (path === root) {
    const syntax = /line (\d+)/i.exec(message);
    if (syntax) return { line: Math.max(1, Number(syntax[1])), exact: true, at: root };
  }
  for (let candidate = path, exact = true; candidate !== null; candidate = parentPath(candidate), exact = false) {
    if (index.has(candidate)) return { line: lineOf(text, index.get(candidate)), exact, at: candidate };
  }
  return { line: 1, exact: false, at: root };
}
