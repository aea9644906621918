// Tiny DOM helpers. Every value from the API goes in as text (textContent), never as HTML.

/**
 * Creates an element: h('a', { href: '#/', class: 'x', onclick: fn }, 'text', child, [more]).
 * Attributes: `class`, `text`, `dataset`, `on<event>` handlers, booleans (true sets, false/null omits), the rest as attributes.
 */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name in element && typeof value !== 'string' && name !== 'list') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends strings (as text), nodes and nested arrays; skips null, undefined and false. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces everything inside an element. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Says something to screen-reader users through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A new text node after a tick is announced even when it repeats the last message.
  setTimeout(() => { region.textContent = message; }, 50);
}

/** A cell for tables that stack on phones: the label is shown before the value there (one wrapper keeps the value in one column). */
export function cell(label, ...children) {
  return h('td', { 'data-label': label }, h('div', {}, ...children));
}

let idCounter = 0;
/** A unique element id with a readable prefix. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * Redraws part of a page without losing the keyboard user's place: the focused element's data-focus-key is
 * remembered and the element with the same key is focused again afterwards.
 */
export function keepFocus(container, redraw) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.focusKey : undefined;
  redraw();
  if (key) container.querySelector(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}
