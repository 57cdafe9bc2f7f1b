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

export function getIn(obj, path) {
  let cur = obj;
  for (const key of parsePath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Sets a value at a path that already exists up to its last step; returns false otherwise. */
export function setIn(obj, path, value) {
  const keys = parsePath(path);
  let cur = obj;
  for (const key of keys.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return false;
    cur = cur[key];
  }
  if (cur === null || typeof cur !== 'object') return false;
  cur[keys[keys.length - 1]] = value;
  return true;
}

/** A string usable in an id: `ports[0].port` -> `ports-0-port`. */
export function slug(path) {
  return path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
}
