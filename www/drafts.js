// Drafts in this browser's localStorage, one key per form: `privatelink-prep:draft` for the page,
// `privatelink-prep:draft:<id>` for a <privatelink-prep id="..."> element. Every storage call is
// wrapped: private mode, a blocked or full storage only make the calls report "unavailable".

import { toFormValues } from './import-export.js';

export const DRAFT_KEY = 'privatelink-prep:draft';
const FORMAT = 1;

/** The storage key for a form: the page's, or an element's by its id. */
export function draftKey(id) {
  return id ? `${DRAFT_KEY}:${id}` : DRAFT_KEY;
}

function storage() {
  try {
    const s = globalThis.localStorage;
    return s && typeof s.getItem === 'function' ? s : null;
  } catch {
    return null; // SecurityError: storage blocked for this page
  }
}

/**
 * The draft saved under `key`:
 *   { status: 'found', values, saved }  a draft to restore (saved: ISO date, or '')
 *   { status: 'none' }                  nothing saved
 *   { status: 'unreadable' }            something is there, but not a draft this page can read
 *   { status: 'unavailable' }           storage cannot be used here
 */
export function readDraft(key) {
  const s = storage();
  if (!s) return { status: 'unavailable' };
  let raw;
  try {
    raw = s.getItem(key);
  } catch {
    return { status: 'unavailable' };
  }
  if (raw === null) return { status: 'none' };
  try {
    const data = JSON.parse(raw);
    if (!data || data.format !== FORMAT) return { status: 'unreadable' };
    const { values } = toFormValues(data.values, { snapshot: true }); // the whole getState()
    return { status: 'found', values, saved: typeof data.saved === 'string' ? data.saved : '' };
  } catch {
    return { status: 'unreadable' };
  }
}

/** Saves the form's values under `key`; false when storage is unavailable or full. */
export function writeDraft(key, values) {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(key, JSON.stringify({ format: FORMAT, saved: new Date().toISOString(), values }));
    return true;
  } catch {
    return false; // QuotaExceededError, or storage turned off
  }
}

/** Removes the draft under `key`; false when storage is unavailable. */
export function removeDraft(key) {
  const s = storage();
  if (!s) return false;
  try {
    s.removeItem(key);
    return true;
  } catch {
    return false;
  }
}
