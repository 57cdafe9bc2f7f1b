// Form controls in the markup the form's diagnostics expect: each field is an element with
// `data-field` (its document path), a `.plp-msgs` box for its messages and controls whose `name`
// is the path and whose `data-base-describedby` lists their hints. Used by the parts of the form
// that live in their own modules (change requests, the network fields).
//
//   const kit = fieldKit({ idFor, get });   // idFor(path) -> id; get(path) -> the current value
//
// Locked paths (values a host page sets) are read-only text fields and radios whose other
// choices are disabled, each with `lockNote` under its label.

import { h, slug } from './dom.js';

/** Text with `code` spans: returns text nodes and <code> elements, never HTML. */
export function codeText(text) {
  const parts = String(text).split('`');
  return parts.map((part, i) => (i % 2 ? h('code', { text: part }) : part)).filter((p) => p !== '');
}

/**
 * A core message with its `code` spans as code, and the user's values exactly as typed: the core
 * quotes every value it echoes ("…", src/text.rs `quote`), so everything from the first to the
 * last double quote is shown as text, backticks included; only the words around it get code.
 */
export function messageText(message) {
  const text = String(message);
  const first = text.indexOf('"');
  const last = text.lastIndexOf('"');
  if (first < 0 || last === first) return codeText(text);
  return [...codeText(text.slice(0, first)), text.slice(first, last + 1), ...codeText(text.slice(last + 1))]
    .filter((p) => p !== '');
}

/**
 * The builders.
 * @param {{ idFor: (path: string) => string, get: (path: string) => any, locked?: Set<string>, lockNote?: string }} options
 */
export function fieldKit({ idFor, get, locked = new Set(), lockNote = '' }) {
  const hintFor = (path, text) => (text ? h('p', { class: 'plp-hint', id: `${idFor(path)}-hint` }, ...codeText(text)) : null);
  const msgsFor = (path) => h('div', { class: 'plp-msgs', id: `${idFor(path)}-msg`, hidden: true });
  const described = (path, hint) => [hint ? `${idFor(path)}-hint` : '', locked.has(path) ? `${idFor(path)}-lock` : '']
    .filter(Boolean).join(' ');
  const noteFor = (path) => (locked.has(path) ? h('p', { class: 'plp-locked-note', id: `${idFor(path)}-lock`, text: lockNote }) : null);

  /** extra: width (a plp-w-* class), autocomplete, inputmode, list (a datalist id), inRow (its
   * messages go to the row's box, full width above the row's fields, so the row keeps its layout). */
  function textField(path, label, hint, extra = {}) {
    const control = h('input', {
      type: 'text',
      id: idFor(path),
      name: path,
      class: `plp-input ${extra.width || ''}`,
      value: String(get(path) ?? ''),
      autocomplete: extra.autocomplete || 'off',
      spellcheck: 'false',
      autocapitalize: 'off',
      inputmode: extra.inputmode,
      list: extra.list,
      readonly: locked.has(path),
      'data-base-describedby': described(path, hint),
      'aria-describedby': described(path, hint) || undefined,
    });
    return h('div', { class: 'plp-field', 'data-field': path },
      h('label', { class: 'plp-label', for: control.id, text: label }),
      hintFor(path, hint),
      noteFor(path),
      extra.inRow ? null : msgsFor(path),
      control);
  }

  /** choices: [value, text] pairs; inRow: as for textField. */
  function selectField(path, label, choices, hint = '', inRow = false) {
    const value = get(path);
    const base = hint ? `${idFor(path)}-hint` : '';
    const control = h('select', {
      id: idFor(path), name: path, class: 'plp-select',
      'data-base-describedby': base, 'aria-describedby': base || undefined,
    }, choices.map(([v, text]) => h('option', { value: v, text, selected: v === value })));
    return h('div', { class: 'plp-field', 'data-field': path },
      h('label', { class: 'plp-label', for: control.id, text: label }),
      hintFor(path, hint),
      inRow ? null : msgsFor(path),
      control);
  }

  /** Radios or checkboxes named `path`; choices: [value, label, hint?] triples. */
  function choiceGroup(type, path, legend, hint, choices, isChecked, extraClass = '') {
    const inputs = choices.map(([value, label, choiceHint]) => {
      const cid = `${idFor(path)}-${slug(value)}`;
      const base = [described(path, hint), choiceHint ? `${cid}-hint` : ''].filter(Boolean).join(' ');
      return h('div', { class: 'plp-choice' },
        h('input', {
          type, id: cid, name: path, value, class: 'plp-choice-input',
          checked: isChecked(value),
          disabled: locked.has(path) && !isChecked(value),
          'data-base-describedby': base,
          'aria-describedby': base || undefined,
        }),
        h('label', { class: 'plp-choice-label', for: cid, text: label }),
        choiceHint ? h('p', { class: 'plp-hint plp-choice-hint', id: `${cid}-hint` }, ...codeText(choiceHint)) : null);
    });
    return h('fieldset', { class: `plp-field plp-group ${extraClass}`.trim(), 'data-field': path, id: `${idFor(path)}-group` },
      h('legend', { class: 'plp-label', text: legend }),
      hintFor(path, hint),
      noteFor(path),
      msgsFor(path),
      h('div', { class: `plp-choices${choices.length <= 2 && !choices.some((c) => c[2]) ? ' plp-inline' : ''}` }, inputs));
  }

  function checkbox(path, label, hint) {
    const cid = idFor(path);
    const base = described(path, hint);
    return h('div', { class: 'plp-field plp-check', 'data-field': path },
      msgsFor(path),
      h('div', { class: 'plp-choice' },
        h('input', {
          type: 'checkbox', id: cid, name: path, class: 'plp-choice-input',
          checked: Boolean(get(path)),
          'data-base-describedby': base,
          'aria-describedby': base || undefined,
        }),
        h('label', { class: 'plp-choice-label', for: cid, text: label }),
        hintFor(path, hint)));
  }

  /** "Remove <what>" ("Remove port 1", "Remove this endpoint service"), with `more` for screen
   * readers where the visible words are the same in several rows (" of endpoint service 2"). */
  function removeButton(what, more, onClick) {
    return h('button', { type: 'button', class: 'plp-button plp-secondary plp-remove', on: { click: onClick } },
      `Remove ${what}`, more ? h('span', { class: 'plp-vh', text: more }) : null);
  }

  function addButton(text, onClick) {
    return h('button', { type: 'button', class: 'plp-button plp-secondary plp-add', on: { click: onClick }, text });
  }

  return { hintFor, msgsFor, textField, selectField, choiceGroup, checkbox, removeButton, addButton };
}

/**
 * Row editing that never drops focus to the page: after adding, focus the new row's first
 * control; after removing, the row now at that place, else the list's Add button.
 * @param {Element} scope  where the rows live
 */
export function rowFocus(scope) {
  const esc = (s) => (globalThis.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\\]\[]/g, '\\$&'));
  const row = (base, index) => (index < 0 ? null
    : scope.querySelector(`[data-field="${esc(`${base}[${index}]`)}"], [data-row="${esc(`${base}[${index}]`)}"]`));
  const first = (el) => el && el.querySelector('input, select, textarea, button');
  return {
    added(base, index) {
      first(row(base, index))?.focus();
    },
    removed(base, index, length) {
      const next = first(row(base, Math.min(index, length - 1)));
      const add = scope.querySelector(`[data-list="${esc(base)}"] > .plp-add`);
      (next || add)?.focus();
    },
  };
}

/** Reads an edit event of a control: { path, value } or null (not a named control, or a text
 * input's change event, which its input events already carried). */
export function readEdit(e) {
  const el = e.target;
  if (!el || !el.name) return null;
  const isText = el.tagName === 'INPUT' && el.type === 'text';
  if (isText && e.type === 'change') return null;
  if (el.type === 'radio') return el.checked ? { path: el.name, value: el.value, immediate: true } : null;
  if (el.type === 'checkbox') return { path: el.name, value: el.checked, immediate: true };
  return { path: el.name, value: el.value, immediate: !isText };
}
