// Drafts in this browser's localStorage, one key per form: `privatelink-prep:draft` for the page,
// `privatelink-prep:draft:<id>` for a <privatelink-prep id="..."> element. Every storage call is
// wrapped: private mode, a blocked or full storage only make the calls report "unavailable".

import { toFormValues } from './import-export.js';

export const DRAFT_KEY = 'privatelink-prep:draft';
const FORMAT = 1;
/** What writeDraft writes before the values: the format and the time it saved them. */
const SAVED_HEAD = new RegExp(`^\\{"format":${FORMAT},"saved":"[0-9T:.Z+-]*"$`);

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
 *   { status: 'found', values, saved, skipped }
 *                                      a draft to restore (saved: ISO date, or ''); skipped: the
 *                                      paths of values no control of this form can show (left
 *                                      out, the rest restored)
 *   { status: 'none' }                  nothing saved
 *   { status: 'unreadable' }            something is there, but not a draft this page can read
 *                                      (nor one value of it)
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
    const { values, misfits } = toFormValues(data.values, { snapshot: true }); // the whole getState()
    if (misfits.length && Object.keys(values).length === 0) return { status: 'unreadable' };
    return { status: 'found', values, saved: typeof data.saved === 'string' ? data.saved : '', skipped: misfits };
  } catch {
    return { status: 'unreadable' };
  }
}

/**
 * Saves the form's values under `key`:
 *   'saved'        written (or already there, unchanged: nothing is written, so other tabs
 *                  are not told of a change that is none)
 *   'too-large'    storage refused it for its size; the draft saved before stays as it was
 *   'unavailable'  storage cannot be used here
 */
export function writeDraft(key, values) {
  const s = storage();
  if (!s) return 'unavailable';
  const tail = `,"values":${JSON.stringify(values)}}`;
  try {
    // Unchanged when the stored text is the one this would write, but for the time: compared
    // as text, since reading a megabyte's draft back to compare took longer than writing it.
    const old = s.getItem(key);
    if (old !== null && old.endsWith(tail) && SAVED_HEAD.test(old.slice(0, old.length - tail.length))) return 'saved';
  } catch {
    // An unreadable old draft is simply replaced.
  }
  try {
    s.setItem(key, `{"format":${FORMAT},"saved":${JSON.stringify(new Date().toISOString())}${tail}`);
    return 'saved';
  } catch (e) {
    // setItem leaves the old value in place when it throws.
    return isQuota(e) ? 'too-large' : 'unavailable';
  }
}

/** True for the error storage throws when a value does not fit (its name differs by browser). */
function isQuota(e) {
  return Boolean(e) && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014);
}

/** The size of the draft of `values` as stored, in bytes (UTF-16, as browsers count quota). */
export function draftBytes(values) {
  return 2 * JSON.stringify(values).length;
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
