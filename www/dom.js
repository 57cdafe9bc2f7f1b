// Small DOM helpers for the page. Text is only ever set as text (textContent, value, attributes),
// never parsed as HTML.

/**
 * Creates an element.
 * props: `class`, `text` (textContent), `on` ({event: handler}), attributes (`aria-*`, `data-*`,
 * `role`, `for`, `list`, `inputmode`, ...) and DOM properties (`type`, `value`, `checked`, `hidden`, ...).
 * children: nodes, strings (as text) and arrays of them; null, undefined and false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
    else if (key === 'hidden' || key === 'checked' || key === 'value' || key === 'disabled' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/**
 * Makes `items` the children of `parent`, in that order, moving only what is out of place and
 * removing the rest: nodes kept in place keep their text, focus and marks.
 */
export function placeChildren(parent, items) {
  const keep = new Set(items);
  for (const el of [...parent.children]) if (!keep.has(el)) el.remove();
  let at = parent.firstElementChild;
  for (const el of items) {
    if (el === at) at = at.nextElementSibling;
    else parent.insertBefore(el, at);
  }
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** `endpoint_services[0].ports[2].port` -> ['endpoint_services', 0, 'ports', 2, 'port'] */
export function parsePath(path) {
  const out = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m;
  while ((m = re.exec(path)) !== null) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

/** The path one level up: `ports[1].port` -> `ports[1]` -> `ports` -> ''. */
export function parentPath(path) {
  const m = /^(.*?)(?:\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m ? m[1] : '';
}

/** Keys that lead to an object's prototype: never a step of a path, whatever the object. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `key` is an own property of `obj` (an object or array), and no prototype's. */
function ownStep(obj, key) {
  return obj !== null && typeof obj === 'object' && !UNSAFE_KEYS.has(String(key)) && Object.hasOwn(obj, key);
}

/** The value at `path`, following own properties only; undefined when a step is missing. */
export function getIn(obj, path) {
  let cur = obj;
  for (const key of parsePath(path)) {
    if (!ownStep(cur, key)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Sets a value at a path whose every step but the last is an own property; returns false
 * otherwise, and for a prototype's key (`__proto__`, `constructor`, `prototype`) anywhere. */
export function setIn(obj, path, value) {
  const keys = parsePath(path);
  if (!keys.length) return false;
  let cur = obj;
  for (const key of keys.slice(0, -1)) {
    if (!ownStep(cur, key)) return false;
    cur = cur[key];
  }
  const last = keys[keys.length - 1];
  if (cur === null || typeof cur !== 'object' || UNSAFE_KEYS.has(String(last))) return false;
  cur[last] = value;
  return true;
}

/** What a form path looks like: `company`, `ports[0].port`, `customer_network.subnet_ids`. */
const FIELD_PATH = /^[a-z][a-z_]*(?:\.[a-z][a-z_]*|\[(?:0|[1-9][0-9]{0,3})\])*$/;

/**
 * For a host's setValue(path, value): true when `path` names a value of the form in `state` (an
 * own text, choice or checkbox value, or a list of texts) and `value` is one such a control can
 * hold. Anything else (a prototype's key, a path the form has no control for, a whole row or
 * section) changes nothing.
 */
export function isControlValue(state, path, value) {
  if (typeof path !== 'string' || !FIELD_PATH.test(path)) return false;
  if (parsePath(path).some((k) => UNSAFE_KEYS.has(String(k)))) return false;
  const current = getIn(state, path);
  const scalar = (v) => v === null || ['string', 'boolean', 'number'].includes(typeof v);
  if (Array.isArray(current)) {
    return current.every(scalar) && (value === null || value === undefined
      || (Array.isArray(value) && value.every((v) => typeof v === 'string')));
  }
  return current !== undefined && scalar(current) && (value === undefined || scalar(value));
}

/** A string usable in an id: `ports[0].port` -> `ports-0-port`. */
export function slug(path) {
  return path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
}
