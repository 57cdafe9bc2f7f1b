// Request documents in and out of the form: "Export JSON" writes the document the form sends,
// "Import JSON" reads one back. What a request document may hold is the core's to say: an
// imported file is checked by the module's `validate`, and a document-format error there (not
// an object, a version other than 1, an unknown kind, a value of the wrong type, ...) refuses
// the file with the core's own message, the CLI's, and leaves the form untouched. This file
// knows only the form: which control shows which field, and what each control can show. A value
// no control can show (a cloud other than the form's two, say) refuses the file too, with what
// the core says about that field; one the core only warns about and ignores (pasted evidence
// without an output) is left out, as the core leaves it out. What is left out (those, and the
// fields the core reports unknown) is named.
// Both kinds of request are read (an enablement document, and a change document, which opens the
// form in change mode), with the optional network fields. Imports wait for the module when it
// has not arrived yet (the form is usable before it). Saved drafts (a getState() snapshot: mode,
// change and network beside the enablement values) are read before the module, with the same
// mapping: a value no control can show is skipped, and the rest of the draft restored.

import { ACTIONS } from './change-form.js';
import { load } from './core.js';
import { holdsEvidence, loadEvidence, needsChangeChecks, withEvidence } from './evidence.js';

/** The largest file "Import JSON" reads: 1 MiB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** The name of an exported request document. */
export const EXPORT_NAME = 'privatelink-request.json';
/** At most this many rows in any list (ports, endpoint services, subscriptions): the form's bound. */
export const MAX_ROWS = 100;

/** A file or draft the form cannot take; `message` is for people. */
export class ImportError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ImportError';
  }
}

/** A value no control of the form can show, at `at` (a document path); `message` says why, after
 * the path ("is not text"). `limit`: the value may be a good one, and only the form cannot show
 * it (more rows than it has), so what the core says of its content is not the reason. */
class Misfit extends Error {
  /** @param {string} at @param {string} why @param {boolean} [limit] */
  constructor(at, why, limit = false) {
    super(why);
    this.at = at;
    this.limit = limit;
  }
}

/**
 * Reads a File (or Blob with a name) chosen in "Import JSON".
 * Resolves to { values, ignored, text }: the form values, the fields that were left out (the
 * core's unknown fields), and the file's text.
 * Rejects with an ImportError whose message says what is wrong.
 * options.core: () => a promise of the core module (default: core.js's load(), the module the
 *   page and every element share); options.onWait: called once when the module is still loading.
 * @param {Blob & { name?: string }} file
 * @param {{ core?: () => Promise<any>, onWait?: () => void }} [options]
 */
export async function readRequestFile(file, options = {}) {
  const name = file.name || 'the file';
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError(`Could not import ${name}: it is ${bytes(file.size)}, and a request file is at most 1 MiB (${bytes(MAX_IMPORT_BYTES)}). Nothing changed.`);
  }
  let data;
  try {
    data = await file.arrayBuffer();
  } catch {
    throw new ImportError(`Could not import ${name}: the browser could not read it. Nothing changed.`);
  }
  let text;
  try {
    // Refused, as the CLI refuses it: `file.text()` would replace each bad byte with U+FFFD and
    // the request would read as something the file does not say.
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new ImportError(`Could not import ${name}: it is not UTF-8 text. Save it as UTF-8 and import it again. Nothing changed.`);
  }
  return parseRequest(text, name, options);
}

/**
 * Parses and checks the text of a request document; see readRequestFile.
 * @param {string} text
 * @param {string} [name]
 * @param {{ core?: () => Promise<any>, onWait?: () => void }} [options]
 */
export async function parseRequest(text, name = 'the file', { core = load, onWait = undefined } = {}) {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new ImportError(`Could not import ${name}: it is larger than 1 MiB, the most a request file can be. Nothing changed.`);
  }
  let doc;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ImportError(`Could not import ${name}: it is not valid JSON. Choose a request document (.json) such as “Export JSON” writes. Nothing changed.`);
  }
  const module = await checker(core, onWait, name, holdsEvidence(doc));
  const api = withEvidence(module);
  try {
    // The text too (by the caller, into the form): the module finds in it what JSON.parse drops
    // silently (a key given twice).
    let report = api.validate(doc);
    // A change request: the main module has no change checks (PL599); the module that has them
    // reads the file, as it checks the form from then on.
    if (needsChangeChecks(report)) {
      await loadEvidence().catch(() => {});
      report = api.validate(doc);
    }
    return { ...toFormValues(doc, { report, rules: formatErrors(module, api) }), text };
  } catch (err) {
    if (err instanceof ImportError) {
      throw new ImportError(`Could not import ${name}: ${err.message} Nothing changed.`);
    }
    throw err;
  }
}

/**
 * The core module, waited for (onWait says so, once) when it has not arrived yet; with
 * `evidence`, the evidence module too, which reads pasted outputs (and then checks the form from
 * its first verdict on). Without it the main module still reads the file.
 */
async function checker(core, onWait, name, evidence) {
  // A module already there answers in a microtask, before this timer: no message then.
  const waiting = typeof onWait === 'function' ? setTimeout(onWait, 0) : 0;
  try {
    let module;
    try {
      module = await core();
    } catch {
      throw new ImportError(`Could not import ${name}: the checker, which reads request files, did not load. Try again once it has loaded. Nothing changed.`);
    }
    if (evidence) await loadEvidence().catch(() => {});
    return module;
  } finally {
    clearTimeout(waiting);
  }
}

/** The format-error codes, per loaded main module (read from its catalogue once). */
const FORMAT_ERRORS = new WeakMap();

/** The catalogue's source of the request format's own rules (its version follows). */
const FORMAT_SOURCE = 'privatelink-prep request format';
/** Text too long (PL007): still text, which the form shows with the core's message on the field,
 * so that whatever the form can hold (and export) reads back. */
const TOO_LONG = 'PL007';

/**
 * The codes of the core's document-format errors: the catalogue's rules of the request format
 * (their source says so) of severity error, but for a text that is too long (TOO_LONG). Those
 * refuse a file. `module` is the main module (the cache key); `api` answers rules().
 */
function formatErrors(module, api) {
  let codes = FORMAT_ERRORS.get(module);
  if (!codes) {
    codes = new Set(api.rules()
      .filter((r) => r.severity === 'error' && r.source.startsWith(FORMAT_SOURCE) && r.code !== TOO_LONG)
      .map((r) => r.code));
    FORMAT_ERRORS.set(module, codes);
  }
  return codes;
}

/** The unknown-field warning: named by its code (a public contract), not found by its wording. */
const UNKNOWN_FIELD = 'PL004';

/**
 * Turns a request document into values for the form's load(): { values, ignored, misfits }.
 * An enablement document gives the enablement values; a change document (`"kind": "change"`)
 * gives `kind: 'change'` and its fields (the form opens in change mode); either keeps the network
 * fields. With options.snapshot, `doc` is a saved getState() (a draft): its `mode`, `change` and
 * `network` are read too.
 * With options.report (the core's validate(doc)) and options.rules (its format-error codes), the
 * document is an import: an ImportError (message without the file name, in the core's words) for
 * a format error, for a value no control can show that the core finds an error (or does not
 * mention: then in the form's words), or when it gives the form nothing. A value no control can
 * show that the core only warns about is left out, as the core leaves it out. Without a report
 * (a draft, an element's attribute), values no control can show are skipped and listed in
 * `misfits` (their paths); only a `doc` that is no object at all throws.
 * `ignored` lists the fields the core does not know (reported as unknown), as the core names them,
 * and the values left out.
 * @param {any} doc
 * @param {{ snapshot?: boolean, report?: { diagnostics: any[] }, rules?: Set<string> }} [options]
 */
export function toFormValues(doc, { snapshot = false, report = null, rules = new Set() } = {}) {
  const found = report ? report.diagnostics : [];
  const refused = found.filter((d) => d.severity === 'error' && rules.has(d.code));
  if (refused.length) throw new ImportError(sentences(refused));
  if (!isObject(doc)) throw new ImportError('it is not a JSON object.');

  /** @type {Misfit[]} */
  const misfits = [];
  let values;
  if (!snapshot && isChange(doc.kind)) {
    values = { kind: 'change', ...changeValues(doc, misfits), ...networkValues(doc, misfits) };
  } else {
    values = enablementValues(doc, misfits);
    if (!snapshot) Object.assign(values, networkValues(doc, misfits));
  }
  if (snapshot) {
    // A draft: the enablement values, and the other parts as getState() gives them.
    const mode = fitting(misfits, 'mode', doc.mode, (v) => choice(v, 'mode', ['enablement', 'change']));
    if (mode !== undefined) values.mode = mode;
    // Their paths named from the draft's top (change.changes[0].action), as the values are.
    const part = (k, read) => {
      const inner = [];
      const v = fitting(misfits, k, doc[k], (x) => read(object(x, k), inner));
      for (const m of inner) misfits.push(new Misfit(`${k}.${m.at}`, m.message, m.limit));
      if (v !== undefined) values[k] = v;
    };
    part('change', changeValues);
    part('network', networkValues);
  }
  const unknown = found.filter((d) => d.code === UNKNOWN_FIELD);
  const left = [];
  if (report) {
    for (const m of misfits) {
      // What the core says of the value: an error in it refuses the file in the core's words; a
      // warning on the field itself, and none in it, means the core ignores it too, so it is left
      // out, as there. The form's own words for what only the form cannot show.
      const errors = m.limit ? [] : found.filter((d) => d.severity === 'error' && within(d.field, m.at));
      if (errors.length) throw new ImportError(sentences(errors));
      if (!m.limit && found.some((d) => d.field === m.at)) left.push(m.at);
      else throw new ImportError(`“${m.at}” ${m.message}.`);
    }
    if (Object.keys(values).every((k) => k === 'kind')) {
      throw new ImportError(unknown.length
        ? `none of its fields is a field of a request document. ${sentences(unknown)}`
        : 'it holds no field of a request document for the form to show.');
    }
  }
  return { values, ignored: [...unknown.map((d) => d.field), ...left], misfits: misfits.map((m) => m.at) };
}

/** Whether `kind` names a change request (as the core reads it: any case, spaces around). */
function isChange(kind) {
  return typeof kind === 'string' && kind.trim().toLowerCase() === 'change';
}

/** Whether the diagnostic field `field` is `at` or inside it. */
function within(field, at) {
  return field === at || field.startsWith(`${at}.`) || field.startsWith(`${at}[`);
}

/** Up to three of the core's messages, as one text; "and N more" beyond. */
function sentences(diagnostics) {
  const shown = diagnostics.slice(0, 3).map((d) => d.message).join(' ');
  const more = diagnostics.length - 3;
  return more > 0 ? `${shown} (and ${more} more)` : shown;
}

/** `fn(v)`, or undefined when `v` is absent (undefined or null) or no control can show it (its
 * path then goes to `misfits`). */
function fitting(misfits, at, v, fn) {
  if (v === undefined || v === null) return undefined;
  try {
    return fn(v);
  } catch (e) {
    if (!(e instanceof Misfit)) throw e;
    misfits.push(e.at ? e : new Misfit(at, e.message, e.limit));
    return undefined;
  }
}

/** `list(v)` mapped entry by entry; an entry no control can show is left out (and listed). */
function rows(misfits, v, at, fn) {
  return list(v, at).map((e, i) => fitting(misfits, `${at}[${i}]`, e, (x) => fn(x, `${at}[${i}]`)))
    .filter((e) => e !== undefined);
}

/** The enablement fields of `doc`, as the form's controls show them. */
function enablementValues(doc, misfits) {
  const values = {};
  const put = filler(values, misfits, doc);
  for (const k of ['company', 'region', 'account_id', 'project_id']) put(k, text);
  put('cloud', (v, at) => choice(v, at, ['aws', 'azure']));
  put('plan', (v, at) => (v === '' ? '' : choice(v, at, ['pro', 'starter'])));
  put('connection_type', (v, at) => choice(v, at, ['unidirectional', 'bidirectional']));
  // production and staging are ticked; any other ID goes to the additional staging field.
  put('environments', (v, at) => rows(misfits, v, at, (e, row) => {
    const id = text(e, row);
    return ['production', 'staging'].includes(id.trim().toLowerCase()) ? id.trim().toLowerCase() : id;
  }));
  put('ports', (v, at) => ports(v, at, misfits));
  put('endpoint_services', (v, at) => rows(misfits, v, at, (s, row) => {
    const get = member(misfits, object(s, row), row);
    return {
      name: get('name', text, ''),
      ports: get('ports', (p, a) => ports(p, a, misfits), []),
      principal_allowed: get('principal_allowed', flag, false),
      evidence: get('evidence', (e, a) => evidence(e, a, misfits), []),
    };
  }));
  put('evidence', (v, at) => evidence(v, at, misfits));
  // interface_endpoint is not asked: the customer's endpoint to Adobe comes after the ticket.
  put('prerequisites', (v, at) => {
    const get = member(misfits, object(v, at), at);
    return { nlb: get('nlb', flag, false), endpoint_service: get('endpoint_service', flag, false) };
  });
  put('azure', (v, at) => {
    const get = member(misfits, object(v, at), at);
    return {
      cluster_id: get('cluster_id', text, ''),
      subscription_ids: get('subscription_ids', (ids, b) => rows(misfits, ids, b, text), []),
    };
  });
  return values;
}

/**
 * Reads the members of the object `o` at `at` ('' for the document itself): get(k, fn, empty) is
 * fn(o[k], path), or `empty` when the member is absent or no control can show it (then listed in
 * `misfits`): one member the form cannot show leaves the others of its row.
 */
function member(misfits, o, at) {
  return (k, fn, empty) => {
    const path = at ? `${at}.${k}` : k;
    const v = fitting(misfits, path, o[k], (x) => fn(x, path));
    return v === undefined ? empty : v;
  };
}

/** Like member(), but put(k, fn) sets `values[k]` to what it reads, and leaves out what it does not. */
function filler(values, misfits, o, at = '') {
  const get = member(misfits, o, at);
  return (k, fn) => {
    const v = get(k, fn, undefined);
    if (v !== undefined) values[k] = v;
  };
}

/** The fields of a change document (company, cloud, region, project_id, changes). */
function changeValues(doc, misfits) {
  const values = {};
  const put = filler(values, misfits, doc);
  for (const k of ['company', 'region', 'project_id']) put(k, text);
  put('cloud', (v, at) => choice(v, at, ['aws', 'azure']));
  put('changes', (v, at) => rows(misfits, v, at, (c, row) => {
    const out = {};
    const take = filler(out, misfits, object(c, row), row);
    // An empty action or environment is a row not filled in yet (as a draft keeps it).
    take('action', (a, at2) => (a === '' ? '' : choice(a, at2, ACTIONS)));
    if (out.action === undefined) out.action = '';
    // add_environment takes any ID (a text field); remove_connection offers production or staging.
    take('environment', (e, at2) => (e === '' ? ''
      : out.action === 'add_environment' ? text(e, at2) : choice(e, at2, ['production', 'staging'])));
    take('environments', (l, at2) => rows(misfits, l, at2, (e, r) => choice(e, r, ['production', 'staging'])));
    for (const k of ['from_account_id', 'to_account_id', 'name']) take(k, text);
    take('ports', (p, at2) => ports(p, at2, misfits));
    take('principal_allowed', flag);
    return out;
  }));
  return values;
}

/** The optional network fields of `doc` (both clouds' IDs: the form keeps both). */
function networkValues(doc, misfits) {
  const values = {};
  const put = filler(values, misfits, doc);
  put('customer_network', (v, at) => {
    const out = {};
    const take = filler(out, misfits, object(v, at), at);
    for (const k of ['vpc_id', 'resource_group', 'vnet_name', 'subnet_name']) take(k, text);
    for (const k of ['subnet_ids', 'security_group_ids']) take(k, (ids, b) => rows(misfits, ids, b, text));
    return out;
  });
  put('adobe_endpoint_service', text);
  return values;
}

/** Downloads `request` as privatelink-request.json (through an <a download> inside `container`). */
export function exportRequest(request, container) {
  const json = `${JSON.stringify(request, null, 2)}\n`;
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = EXPORT_NAME;
  a.hidden = true;
  container.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return json;
}

// ---- what each control can show (a Misfit names the field where it cannot) ------------------------

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A text box: text, or a number as written (a port). */
function text(v, at) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new Misfit(at, 'is not text');
}

/** Radio buttons or a select: one of `offered` (any case, spaces around, as the core reads it). */
function choice(v, at, offered) {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : null;
  if (s !== null && offered.includes(s)) return s;
  throw new Misfit(at, 'is none of the choices this form offers');
}

/** A checkbox. */
function flag(v, at) {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  throw new Misfit(at, 'is neither true nor false');
}

/** Rows of a list, at most MAX_ROWS of them. */
function list(v, at) {
  if (!Array.isArray(v)) throw new Misfit(at, 'is not a list');
  if (v.length > MAX_ROWS) throw new Misfit(at, `has ${v.length} rows, more than the ${MAX_ROWS} this form shows`, true);
  return v;
}

function object(v, at) {
  if (!isObject(v)) throw new Misfit(at, 'is not an object');
  return v;
}

/**
 * Pasted cloud outputs (`evidence`, `endpoint_services[i].evidence`): a list of
 * { source?: text, output: any JSON }. What an output means is the core's to say (an output it
 * does not recognise is a warning on that entry), so any JSON output is kept as it is.
 */
function evidence(v, at, misfits) {
  return rows(misfits, v, at, (e, row) => {
    object(e, row);
    if (e.output === undefined) throw new Misfit(row, 'has no output');
    const entry = {};
    const source = member(misfits, e, row)('source', text, undefined);
    if (source !== undefined) entry.source = source;
    entry.output = structuredClone(e.output);
    return entry;
  });
}

function ports(v, at, misfits) {
  return rows(misfits, v, at, (p, row) => {
    const get = member(misfits, object(p, row), row);
    return {
      service: get('service', text, ''),
      port: get('port', text, ''),
      // The form's default protocol for a row that gives none.
      protocol: get('protocol', (x, a) => (x === '' ? 'tcp' : choice(x, a, ['tcp', 'udp'])), 'tcp'),
    };
  });
}

function bytes(n) {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} bytes`;
}
