// The form with the tools that keep work: a draft saved in this browser as the user types
// (restored on reload), "Clear" with an undo, "Export JSON" and "Import JSON" with an undo.
// Used by the page (main.js) and by the <privatelink-prep> element (element.js).
//
//   const app = mountForm(root, { api, draftKey: 'privatelink-prep:draft', ... });
//
// Everything else in `options` goes to mount() (www/app.js). The bar is the first child of the
// form's wrapper, so it lives in the same tree (document or shadow root) as the form.

import { mount, LIVE_STATE } from './app.js';
import { h } from './dom.js';
import { readDraft, writeDraft, removeDraft, draftBytes } from './drafts.js';
import { readRequestFile, exportRequest, ImportError, EXPORT_NAME } from './import-export.js';
import { longDate } from './tracker.js';

/** ` from Thursday 3 December 2026 at 14:05` (local time), in the page's one date format. */
function savedAt(saved) {
  const when = saved ? new Date(saved) : null;
  if (!when || Number.isNaN(when.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  const day = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  return ` from ${longDate(day)} at ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

/** `a, b and 3 more`: up to five field paths, each cut at 40 characters. */
function pathList(paths) {
  const shown = paths.slice(0, 5).map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k));
  return `${shown.join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`;
}

/** ` Left out what this form cannot show: mode.`, for a draft's values no control can show. */
function skipped(paths) {
  return paths && paths.length ? ` Left out what this form cannot show: ${pathList(paths)}.` : '';
}

/** Saving waits this long after the last change. */
export const SAVE_DELAY_MS = 300;

const STATUS = {
  intro: 'Saved in this browser only, as you type.',
  saved: 'Saved in this browser only.',
  unavailable: 'Not saved: this browser’s storage is unavailable.',
  unreadable: 'The saved draft could not be read, so the form starts empty. Saved in this browser only, as you type.',
  cleared: 'Cleared. Nothing is saved in this browser now.',
  tooLarge: (kb) => `Not saved: this draft (${kb} KB) is more than this browser’s storage will hold, so the draft saved before is kept.`,
  adopted: 'Updated with the draft saved in another tab. Saved in this browser only.',
  conflict: 'This draft was also changed in another tab. This tab no longer saves over it, so neither version is lost: “Keep this tab’s version” saves what is here; reload to take the other tab’s.',
  unkept: 'Not saved: this form keeps no draft, so what you type is lost when you leave or reload the page.',
};

/**
 * Mounts the form into `root` with the work bar.
 * options.draftKey: the storage key for drafts, or null/'' for none (nothing saved; no status,
 *   unless options.sayUnkept, when the status says so).
 * options.restore: false to skip reading the draft (default true).
 * options.values / options.locked / options.onReport / ...: as for mount(); locked values win
 * over a draft and over an imported file.
 * Returns mount()'s handle; its destroy() also stops saving.
 */
export function mountForm(root, options = {}) {
  const key = options.draftKey || null;
  const locked = [...(options.locked || [])];
  let draft = { status: 'none' };
  if (key && options.restore !== false) draft = readDraft(key);

  const values = { ...(draft.status === 'found' ? draft.values : {}), ...(options.values || {}) };
  let app = null;
  let saveTimer = 0;
  let pending = false;
  let quiet = false; // a change made by Clear: not saved
  let edited = false; // typed into since the draft was last saved or taken from another tab
  let foreign = false; // another tab saved this draft over this tab's edits: saving stops

  app = mount(root, {
    ...options,
    values,
    onReport(report, request, info) {
      // A report that no edit made (the module arriving) saves only what was typed before it.
      if (app && key && !quiet && (!info || info.edit !== false || pending)) schedule();
      if (typeof options.onReport === 'function') options.onReport(report, request, info);
    },
  });

  // ---- the bar -----------------------------------------------------------------------------------

  const status = h('p', { class: 'plp-work-status', role: 'status', hidden: !key && !options.sayUnkept });
  if (!key && options.sayUnkept) setStatus(STATUS.unkept);
  const message = h('p', { class: 'plp-work-message', role: 'status' });
  const undo = h('button', { type: 'button', class: 'plp-button plp-secondary plp-undo', hidden: true });
  // The file input stays hidden (out of the tab order and the accessibility tree); the
  // "Import JSON" button opens it.
  const file = h('input', { type: 'file', accept: '.json,application/json', class: 'plp-work-file', hidden: true });
  const clearButton = h('button', { type: 'button', class: 'plp-button plp-secondary', 'data-action': 'clear', text: 'Clear' });
  const exportButton = h('button', { type: 'button', class: 'plp-button plp-secondary', 'data-action': 'export', text: 'Export JSON' });
  const importButton = h('button', { type: 'button', class: 'plp-button plp-secondary', 'data-action': 'import', text: 'Import JSON' });
  const keepMine = h('button', { type: 'button', class: 'plp-button plp-secondary', 'data-action': 'keep-draft', text: 'Keep this tab’s version', hidden: true });
  // Shown when another tab saved this draft over this tab's edits (see onStorage).
  keepMine.addEventListener('click', () => {
    foreign = false;
    keepMine.hidden = true;
    pending = true;
    save();
  });
  const bar = h('div', { class: 'plp-work', role: 'group', 'aria-label': 'Your work' },
    h('div', { class: 'plp-work-bar' },
      status,
      h('div', { class: 'plp-work-actions' }, keepMine, clearButton, exportButton, importButton, file)),
    h('div', { class: 'plp-work-note' }, message, undo));
  app.element.prepend(bar);

  if (key) {
    if (draft.status === 'found') {
      setStatus(`Restored your draft${savedAt(draft.saved)}.${skipped(draft.skipped)} ${STATUS.saved}`);
    } else if (draft.status === 'unavailable') {
      setStatus(STATUS.unavailable, true);
    } else if (draft.status === 'unreadable') {
      setStatus(STATUS.unreadable);
    } else {
      setStatus(STATUS.intro);
    }
  }

  // ---- saving ------------------------------------------------------------------------------------

  function schedule() {
    pending = true;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_DELAY_MS);
  }

  function save() {
    clearTimeout(saveTimer);
    if (!pending || !key || foreign) return;
    pending = false;
    const values = app[LIVE_STATE]();
    const result = writeDraft(key, values);
    if (result === 'saved') edited = false;
    if (result === 'too-large') setStatus(STATUS.tooLarge(Math.ceil(draftBytes(values) / 1024)), true);
    else setStatus(result === 'saved' ? STATUS.saved : STATUS.unavailable, result !== 'saved');
  }

  // Another tab saved (or cleared) the same draft. Untouched here, this tab takes it; edited
  // here too, this tab stops saving, says so, and offers to keep its own version.
  const onStorage = (e) => {
    if (e.key !== key || foreign) return;
    if (!edited) {
      const other = readDraft(key);
      if (other.status !== 'found') return;
      quiet = true;
      try {
        app.load(other.values);
      } finally {
        quiet = false;
      }
      setStatus(STATUS.adopted);
      return;
    }
    foreign = true;
    clearTimeout(saveTimer);
    keepMine.hidden = false;
    setStatus(STATUS.conflict, true);
  };

  // Leaving or hiding the page saves at once, so a reload never loses what was typed, even
  // before the form has re-validated (which is when a save is scheduled).
  const flush = () => { if (pending) save(); };
  const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
  const onEdit = (e) => { if (e.target !== file) { pending = true; edited = true; } };
  if (key) {
    window.addEventListener('pagehide', flush);
    window.addEventListener('storage', onStorage);
    document.addEventListener('visibilitychange', onVisibility);
    app.element.addEventListener('input', onEdit);
    app.element.addEventListener('change', onEdit);
  }

  function setStatus(text, bad = false) {
    status.classList.toggle('plp-status-error', bad);
    if (status.textContent !== text) status.textContent = text;
  }

  // ---- clear, export, import (each with an undo where it replaces the form) -------------------------

  let undoAction = null;

  function say(text, bad = false, undoLabel = '', onUndo = null) {
    message.classList.toggle('plp-status-error', bad);
    message.textContent = text;
    undoAction = onUndo;
    undo.hidden = !onUndo;
    undo.textContent = undoLabel;
  }

  function replaceForm(next) {
    app.load(next);
  }

  clearButton.addEventListener('click', () => {
    const before = app.getState();
    quiet = true;
    try {
      replaceForm({});
    } finally {
      quiet = false;
    }
    clearTimeout(saveTimer);
    pending = false;
    if (key) {
      const ok = removeDraft(key);
      setStatus(ok ? STATUS.cleared : STATUS.unavailable, !ok);
    }
    say('Cleared the form.', false, 'Undo clear', () => {
      replaceForm(before);
      say('The form is back as it was before Clear.');
      clearButton.focus();
    });
  });

  exportButton.addEventListener('click', () => {
    try {
      exportRequest(app.getRequest(), bar);
      say(`Downloaded ${EXPORT_NAME}: the request as the form sends it. “Import JSON” reads it back.`);
    } catch (err) {
      say(`Could not export: ${err && err.message ? err.message : err}`, true);
    }
  });

  importButton.addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const chosen = file.files && file.files[0];
    file.value = '';
    if (!chosen) return;
    let result;
    try {
      // Before the module has arrived, the import waits for it (it is what reads the file), and says so.
      result = await readRequestFile(chosen, {
        onWait: () => say(`Reading ${chosen.name}: waiting for the checker to load…`),
      });
    } catch (err) {
      say(err instanceof ImportError ? err.message : `Could not import ${chosen.name}: ${err && err.message ? err.message : err}. Nothing changed.`, true);
      return;
    }
    const before = app.getState();
    app.load(result.values, { text: result.text });
    const notes = [`Imported ${chosen.name}.`];
    if (result.ignored.length) notes.push(`Left out what this form does not edit: ${pathList(result.ignored)}.`);
    // The values on screen now: the change form's in change mode, else the enablement values.
    const now = app.getState();
    const shown = now.mode === 'change' ? now.change : now;
    const kept = locked.filter((path) => path in result.values && result.values[path] !== shown[path]);
    if (kept.length) notes.push(`Kept the values this page sets: ${kept.join(', ')}.`);
    say(notes.join(' '), false, 'Undo import', () => {
      replaceForm(before);
      say(`Undid the import of ${chosen.name}: the form is as it was.`);
      importButton.focus();
    });
  });

  undo.addEventListener('click', () => {
    const action = undoAction;
    if (action) action();
  });

  const destroy = app.destroy;
  return {
    ...app,
    /** Saves a pending draft now (the page does this itself when it is hidden or left). */
    saveNow: flush,
    destroy() {
      flush();
      clearTimeout(saveTimer);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onVisibility);
      destroy();
    },
  };
}
