// Evidence on the page (issue 14): the read-only cloud commands to run, a paste area for their
// output, and the second WebAssembly module that reads it.
//
// The main module (www/pkg/privatelink_prep_bg.wasm) has no evidence checks and no change checks.
// The first time evidence is used (a paste area opened, an output pasted, a draft or an imported
// file that holds evidence), or a change request is checked (the main module answers PL599), this
// module loads www/pkg/privatelink_prep_evidence_bg.wasm once per page, which has both; from then
// on every call of every form goes to it (withEvidence). What an output means is the core's
// answer (evidenceRead, evidenceCommands, validate, renderTicket): this file only shows it, and
// stores the pasted output in the request (`evidence`, `endpoint_services[i].evidence`). Nothing
// pasted is ever inserted as HTML.
//
//   import { withEvidence, createEvidence, holdsEvidence, loadEvidence } from './evidence.js';

import { h, getIn } from './dom.js';
import { codeText, messageText } from './fields.js';

/** The evidence module once loaded (shared by every form on the page), else null. */
let evidenceModule = null;
let loading = null;

/**
 * Loads the evidence module once per page and resolves to it. A failed load is not cached, so a
 * later call tries again. While it loads and once it has, every withEvidence() api uses it.
 * @returns {Promise<any>}
 */
export function loadEvidence() {
  if (evidenceModule) return Promise.resolve(evidenceModule);
  if (!loading) {
    loading = (async () => {
      const t0 = performance.now();
      // Relative to this file: www/pkg/. The page's bundle (www/pkg/page.js) keeps this import as
      // a request of its own (scripts/bundle.mjs); the single file inlines it (build-offline.mjs).
      const core = /** @type {any} */ (await import('./pkg/privatelink_prep_evidence.js'));
      await core.default();
      if (typeof core.evidenceRead !== 'function' || typeof core.evidenceCommands !== 'function') {
        throw new Error('the evidence module has no evidence exports (evidenceRead, evidenceCommands)');
      }
      evidenceModule = core;
      // For scripts/bench and the end-to-end test: how long the second module took to load.
      measure('plp-evidence-load', t0);
      return core;
    })();
    loading.catch(() => { loading = null; });
  }
  return loading;
}

/** True once the evidence module is loaded: every call goes to it. */
export function evidenceLoaded() {
  return evidenceModule !== null;
}

/** The main module's answer to a change request (rule PL599): it has no change checks. */
const CHANGE_UNAVAILABLE = 'PL599';

/**
 * Whether `report` is the main module's "no change checks here" (PL599), while the evidence
 * module, which has every check, is not loaded: the caller loads it and checks again.
 */
export function needsChangeChecks(report) {
  return !evidenceLoaded() && Boolean(report) && Array.isArray(report.diagnostics)
    && report.diagnostics.some((d) => d && d.code === CHANGE_UNAVAILABLE);
}

const SWITCHED = Symbol('privatelink-prep evidence switch');

/**
 * The api a form uses: every export of `main` (the loaded main module), each call going to the
 * evidence module as soon as it is loaded, else to `main`; plus evidenceRead/evidenceCommands,
 * which need the evidence module. Idempotent.
 * @param {any} main
 */
export function withEvidence(main) {
  if (!main || main[SWITCHED]) return main;
  const current = () => (typeof main.evidenceRead === 'function' ? main : evidenceModule || main);
  const api = { [SWITCHED]: true };
  for (const name of new Set([...Object.keys(main), 'evidenceRead', 'evidenceCommands'])) {
    if (name === 'default' || name === 'initSync') continue;
    if (typeof main[name] === 'function' || name.startsWith('evidence')) {
      api[name] = (...args) => {
        const core = current();
        if (typeof core[name] !== 'function') throw new Error(`${name} needs the evidence module, which is not loaded`);
        return core[name](...args);
      };
    } else {
      api[name] = main[name];
    }
  }
  return api;
}

/** Whether form values (a request document, or a draft's getState()) hold any evidence. */
export function holdsEvidence(values) {
  if (!values || typeof values !== 'object') return false;
  const has = (o) => Boolean(o) && Array.isArray(o.evidence) && o.evidence.length > 0;
  return has(values) || (Array.isArray(values.endpoint_services) && values.endpoint_services.some(has));
}

function measure(name, t0) {
  try {
    performance.measure(name, { start: t0, end: performance.now() });
  } catch {
    // No User Timing (very old browsers): nothing to record.
  }
}

const LOADING = 'Loading the evidence checks…';

/**
 * The evidence parts of one form.
 * options.api: the form's api (withEvidence(...)); idFor(path): ids; copy(text, container): the
 * clipboard; state(): the form's live values; request(): the document it sends now;
 * report(): the form's last report; fill(path, value): sets a form value, true when it did;
 * touch(path): shows that field's messages (isTouched(path): they show); revalidate(): checks
 * again now (report() is then current); labelOf(path): a field's label; form(): the <form>.
 * Returns { panel(at), update(request), ensure() }: panel('') is the account's,
 * panel('endpoint_services[i]') a service's; update runs before each check's messages are placed.
 */
export function createEvidence({ api, idFor, copy, state, request, report, fill, touch, isTouched, revalidate, labelOf, form }) {
  /** Per section (`at`): what the user has there, kept across re-renders of the form. */
  const sections = new Map();
  /** Paths filled from an output, and the value written (its "from your output" mark). */
  const filled = new Map();
  /** Whether a "from your output" mark may be on the form (marks() leaves none for a path not in `filled`). */
  let marked = false;
  /** 'idle' | 'loading' | 'failed' */
  let phase = 'idle';
  let failure = '';

  const sectionOf = (at) => {
    if (!sections.has(at)) sections.set(at, { open: false, text: '', note: null, els: null });
    return sections.get(at);
  };
  const prefix = (at) => (at ? `${at}.` : '');
  /** The evidence list of a section in the form's values (created on first use). */
  const listOf = (at, create = false) => {
    const owner = at ? getIn(state(), at) : state();
    if (!owner || typeof owner !== 'object') return null;
    if (!Array.isArray(owner.evidence)) {
      if (!create) return [];
      owner.evidence = [];
    }
    return owner.evidence;
  };

  /** Loads the evidence module (once); false, with the reason shown in every panel, when it cannot. */
  async function ensure() {
    if (evidenceLoaded()) return true;
    phase = 'loading';
    refreshAll();
    try {
      await loadEvidence();
      phase = 'idle';
      revalidate(); // the same request, now with the evidence checks (and the commands)
      return true;
    } catch (err) {
      phase = 'failed';
      failure = err && err.message ? err.message : String(err);
      refreshAll();
      return false;
    }
  }

  /** The panel of a section: a closed disclosure until the user opens it. */
  function panel(at) {
    const sec = sectionOf(at);
    const base = `${prefix(at)}evidence`;
    const status = h('div', { class: 'plp-evidence-status', role: 'status' });
    const commands = h('div', { class: 'plp-evidence-commands' });
    const areaId = `${idFor(base)}-paste`;
    const area = h('textarea', {
      id: areaId, class: 'plp-input plp-evidence-paste', rows: '6', spellcheck: 'false',
      autocomplete: 'off', autocapitalize: 'off', 'aria-describedby': `${areaId}-hint`,
      on: {
        input: (e) => {
          sec.text = area.value;
          // A paste (or a drop) is read at once; typed text waits for the button.
          if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') read(at);
        },
      },
    });
    area.value = sec.text;
    const readButton = h('button', {
      type: 'button', class: 'plp-button plp-secondary plp-evidence-read', text: 'Read this output',
      on: { click: () => read(at) },
    });
    const note = h('div', { class: 'plp-evidence-note', 'aria-live': 'polite' });
    const attached = h('ul', { class: 'plp-evidence-list' });
    const details = h('details', { class: 'plp-evidence', 'data-field': base, 'data-evidence': at, open: sec.open },
      h('summary', { class: 'plp-evidence-summary', text: 'Check against your cloud’s own output (optional)' }),
      h('div', { class: 'plp-msgs', id: `${idFor(base)}-msg`, hidden: true }),
      h('p', { class: 'plp-hint', text: 'Run the read-only command below, paste what it prints, and the checker fills what is empty here and compares the rest. The output stays in this browser: only the facts read from it go into the ticket.' }),
      status,
      commands,
      h('label', { class: 'plp-label', for: areaId, text: 'Paste the command’s output (JSON)' }),
      h('p', { class: 'plp-hint', id: `${areaId}-hint`, text: 'Pasting reads it at once; after typing or editing, press “Read this output”.' }),
      area,
      h('div', { class: 'plp-evidence-actions' }, readButton),
      note,
      attached);
    if (sec.open) details.open = true;
    details.addEventListener('toggle', () => {
      sec.open = details.open;
      if (details.open) ensure();
    });
    sec.els = { details, status, commands, area, note, attached, readButton, commandsKey: null, listKey: null, phaseShown: null };
    refresh(at);
    return details;
  }

  function refreshAll() {
    for (const at of sections.keys()) refresh(at);
  }

  /** A panel's status line: loading, failed (why, with Try again), or nothing. */
  function showStatus(els) {
    els.status.replaceChildren();
    els.status.classList.toggle('plp-status-error', phase === 'failed');
    if (phase === 'loading') {
      els.status.textContent = LOADING;
      els.details.setAttribute('aria-busy', 'true');
      return;
    }
    els.details.removeAttribute('aria-busy');
    if (phase !== 'failed') return;
    els.status.append(
      'The evidence checks could not load: the connection may have dropped, or the page was updated while it loaded. Your pasted output is kept here. ',
      h('button', { type: 'button', class: 'plp-button plp-link plp-evidence-retry', text: 'Try again', on: { click: () => ensure() } }),
      h('details', { class: 'plp-evidence-details' },
        h('summary', { text: 'Details for a bug report' }), h('span', { text: failure })));
  }

  /** Brings a section's panel up to date: status, commands, note, attached outputs. */
  function refresh(at, doc = null) {
    const sec = sections.get(at);
    const els = sec && sec.els;
    if (!els) return;
    // Status: loading / failed / nothing; rebuilt only when it changes (it is a live region, and
    // its Try again may have focus).
    if (els.phaseShown !== phase) {
      els.phaseShown = phase;
      showStatus(els);
    }
    // The commands, from the core, once it is loaded.
    if (evidenceLoaded()) {
      let list = [];
      try {
        list = api.evidenceCommands(doc || request()).filter((c) => (c.attachTo || '') === at);
      } catch {
        list = [];
      }
      const key = JSON.stringify(list);
      if (key !== els.commandsKey) {
        els.commandsKey = key;
        els.commands.replaceChildren(...list.map((c, k) => commandItem(c, k, at)));
      }
    }
    // The outputs attached to this section.
    const entries = listOf(at) || [];
    const listKey = JSON.stringify(entries.map((e) => (e && typeof e.source === 'string' ? e.source : '')));
    if (listKey !== els.listKey) {
      els.listKey = listKey;
      els.attached.replaceChildren(...entries.map((e, k) => attachedItem(e, k, at)));
      els.attached.hidden = !entries.length;
    }
    renderNote(at);
  }

  function commandItem(c, k, at) {
    const label = `evidence command ${k + 1}${at ? ` of ${at}` : ''}`;
    return h('div', { class: 'plp-command plp-evidence-command', 'data-kind': c.kind },
      c.purpose ? h('p', { class: 'plp-command-purpose' }, ...codeText(c.purpose)) : null,
      h('div', { class: 'plp-command-line' },
        h('pre', { class: 'plp-command-code' }, h('code', { text: c.command })),
        h('button', {
          type: 'button', class: 'plp-button plp-secondary plp-copy-command',
          on: {
            click: async () => {
              const ok = await copy(c.command, form());
              say(at, ok ? `Copied ${label}.` : `Could not copy ${label}: select it and copy it by hand.`, !ok);
            },
          },
        }, 'Copy', h('span', { class: 'plp-vh', text: ` ${label}` }))));
  }

  function attachedItem(entry, k, at) {
    const path = `${prefix(at)}evidence[${k}]`;
    const source = entry && typeof entry.source === 'string' && entry.source ? entry.source : '';
    return h('li', { class: 'plp-evidence-item', 'data-field': path },
      h('div', { class: 'plp-msgs', id: `${idFor(path)}-msg`, hidden: true }),
      h('span', { class: 'plp-evidence-source' },
        'Attached: ', source ? h('code', { text: source }) : `output ${k + 1}`), ' ',
      h('button', {
        type: 'button', class: 'plp-button plp-link plp-evidence-remove',
        on: { click: () => remove(at, k) },
      }, 'Remove', h('span', { class: 'plp-vh', text: ` output ${k + 1}` })));
  }

  /** A short status line in the section's note (copy results, errors), replacing the last one. */
  function say(at, text, bad = false) {
    const sec = sectionOf(at);
    sec.note = { kind: 'text', text, bad };
    renderNote(at);
  }

  function renderNote(at) {
    const sec = sections.get(at);
    if (!sec || !sec.els) return;
    const n = sec.note;
    const box = sec.els.note;
    if (!n) {
      box.replaceChildren();
      return;
    }
    if (box.dataset.shown === String(n.id ?? n.text)) return;
    box.dataset.shown = String(n.id ?? n.text);
    if (n.kind === 'text') {
      box.replaceChildren(h('p', { class: n.bad ? 'plp-evidence-msg plp-status-error' : 'plp-evidence-msg', text: n.text }));
      return;
    }
    // n.kind === 'read': what the core read, and what it filled (with an undo).
    const parts = [];
    if (n.recognised) {
      parts.push(h('p', { class: 'plp-evidence-recognised' },
        'Read the output of ', h('code', { text: n.recognised.command }), '.'));
    }
    if (n.facts.length) {
      parts.push(h('dl', { class: 'plp-evidence-facts' },
        n.facts.map((f) => [h('dt', { text: f.label }), h('dd', { text: f.value })])));
    }
    for (const d of n.diagnostics) {
      parts.push(h('p', { class: `plp-msg plp-msg-${d.severity}`, 'data-code': d.code },
        h('span', { class: 'plp-msg-message' }, ...messageText(d.message)),
        d.help ? h('span', { class: 'plp-msg-help' }, ' ', ...codeText(d.help)) : null));
    }
    if (n.fills.length) {
      parts.push(h('div', { class: 'plp-evidence-filled' },
        h('p', { class: 'plp-evidence-filled-title', text: 'Filled from your output:' }),
        h('ul', {}, n.fills.map((f) => h('li', { 'data-filled': f.field },
          h('strong', { text: f.label }), ': ', h('span', { text: display(f.value) })))),
        n.undone ? null : h('button', {
          type: 'button', class: 'plp-button plp-secondary plp-evidence-undo', text: 'Undo',
          on: { click: () => undo(at) },
        })));
    }
    if (n.undone) parts.push(h('p', { class: 'plp-evidence-msg', text: 'Undone: the fields are as they were and the output is no longer attached.' }));
    box.replaceChildren(...parts);
  }

  let notes = 0;

  /** Reads the pasted output of section `at` with the core, attaches it, fills what is empty. */
  async function read(at) {
    const sec = sectionOf(at);
    const text = sec.els ? sec.els.area.value : sec.text;
    sec.text = text;
    if (!text.trim()) {
      say(at, 'Paste the command’s output first.', true);
      return;
    }
    const t0 = performance.now();
    if (!(await ensure())) return; // the failure shows; the paste is kept
    const t1 = performance.now();
    let result;
    try {
      result = api.evidenceRead(request(), at, text);
    } catch (err) {
      say(at, `The checker could not read this output: ${err && err.message ? err.message : err}`, true);
      return;
    }
    const diagnostics = Array.isArray(result.diagnostics) ? result.diagnostics : [];
    const facts = Array.isArray(result.facts) ? result.facts : [];
    if (!result.recognised) {
      // Not an output the core knows: nothing is attached, the text stays for a second look.
      sec.note = { kind: 'read', id: ++notes, recognised: null, facts, fills: [], diagnostics: diagnostics.length ? diagnostics
        : [{ severity: 'warning', code: '', message: 'This is not an output the checker recognises: nothing was attached.' }] };
      renderNote(at);
      return;
    }
    let output;
    try {
      output = JSON.parse(text);
    } catch {
      output = text;
    }
    const list = listOf(at, true);
    if (!list) return;
    const same = JSON.stringify(output);
    if (list.some((e) => e && JSON.stringify(e.output) === same)) {
      say(at, 'This output is already attached.');
      return;
    }
    const before = new Set(diagKeys());
    const entry = { source: result.recognised.command, output };
    list.push(entry);
    touch(`${prefix(at)}evidence[${list.length - 1}]`);
    for (const d of diagnostics) if (d && d.field) touch(d.field);
    const fills = [];
    for (const f of Array.isArray(result.fills) ? result.fills : []) {
      if (!f || typeof f.field !== 'string') continue;
      const previous = structuredClone(getIn(state(), f.field));
      // Each fill checks the form again, the output attached.
      if (fill(f.field, f.value)) {
        fills.push({ field: f.field, value: f.value, previous, label: labelOf(f.field) });
        filled.set(f.field, structuredClone(getIn(state(), f.field))); // as the form holds it
      }
    }
    if (!fills.length) revalidate();
    else marks(); // the last fill's check ran before its mark was known
    // What this output changed in the verdict shows beside its fields, touched or not.
    const fresh = diagKeys(true).filter((k) => !before.has(k.key) && !isTouched(k.field));
    if (fresh.length) {
      for (const k of fresh) touch(k.field);
      revalidate();
    }
    sec.text = '';
    if (sec.els) sec.els.area.value = '';
    sec.note = {
      kind: 'read', id: ++notes, recognised: result.recognised, facts,
      diagnostics: diagnostics.filter((d) => d && (!d.field || d.field.startsWith(`${prefix(at)}evidence`))),
      fills, entry,
    };
    renderNote(at);
    measure('plp-evidence-read', t1);
    measure('plp-evidence-paste', t0);
  }

  /** The keys of the form's last report's diagnostics (severity|code|field). */
  function diagKeys(withField = false) {
    const keys = ((report() || {}).diagnostics || []).map((d) => ({ key: `${d.severity}|${d.code}|${d.field}`, field: d.field || '' }));
    return withField ? keys.filter((k) => k.field) : keys.map((k) => k.key);
  }

  /** Undoes the last read of section `at`: the filled fields get their old values, the output goes. */
  function undo(at) {
    const sec = sectionOf(at);
    const n = sec.note;
    if (!n || n.kind !== 'read' || n.undone) return;
    for (const f of [...n.fills].reverse()) {
      fill(f.field, f.previous);
      filled.delete(f.field);
    }
    const list = listOf(at) || [];
    const i = list.indexOf(n.entry);
    if (i >= 0) list.splice(i, 1);
    n.undone = true;
    n.id = ++notes;
    revalidate();
    renderNote(at);
    sec.els?.area.focus();
  }

  function remove(at, k) {
    const list = listOf(at) || [];
    if (k < 0 || k >= list.length) return;
    const [gone] = list.splice(k, 1);
    const sec = sectionOf(at);
    if (sec.note && sec.note.entry === gone) sec.note = null;
    say(at, 'Removed the output. The values it filled stay as they are.');
    revalidate();
    sec.els?.area.focus();
  }

  /** After each change of the form, before its messages are placed. */
  function update(doc) {
    if (!evidenceLoaded() && phase === 'idle' && holdsEvidence(doc)) ensure();
    for (const [at, sec] of sections) {
      if (!sec.els || !sec.els.details.isConnected) continue;
      refresh(at, doc);
    }
    marks();
  }

  /** "From your output" beside each field that still holds the value an output put there (a
   * field typed over since loses its mark). */
  function marks() {
    // Nothing filled and no mark shown: no need to look through the whole form (10 ms of each
    // keystroke for 50 endpoint services of 50 ports, measured in Chromium).
    if (!filled.size && !marked) return;
    const root = form();
    for (const [path, value] of filled) {
      if (JSON.stringify(getIn(state(), path)) !== JSON.stringify(value)) filled.delete(path);
    }
    for (const mark of root.querySelectorAll('.plp-from-output')) {
      if (!filled.has(mark.dataset.for) || mark.parentElement?.dataset.field !== mark.dataset.for) mark.remove();
    }
    for (const path of filled.keys()) {
      const owner = root.querySelector(`[data-field="${cssEscape(path)}"]`);
      if (owner && !owner.querySelector(':scope > .plp-from-output')) {
        owner.append(h('p', { class: 'plp-from-output', 'data-for': path, text: 'From your output' }));
      }
    }
    marked = filled.size > 0;
  }

  return { panel, update, ensure };
}

function display(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

function cssEscape(s) {
  return globalThis.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\\]\[]/g, '\\$&');
}
