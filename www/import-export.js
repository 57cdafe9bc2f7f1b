// Request documents in and out of the form: "Export JSON" writes the document the form sends,
// "Import JSON" reads one back. Reading checks the file before anything changes: too large, not
// JSON, not an object, no field of a request, or a value the form cannot hold all give one clear
// message (as text) and leave the form untouched. Both kinds of request are read: an enablement
// document, and a change document (`"kind": "change"`, which opens the form in change mode); the
// optional network fields (`customer_network`, `adobe_endpoint_service`) are kept with either.
// The same check reads saved drafts (a getState() snapshot: mode, change and network beside the
// enablement values).

import { ACTIONS } from './change-form.js';

/** The largest file "Import JSON" reads: 1 MiB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** The name of an exported request document. */
export const EXPORT_NAME = 'privatelink-request.json';
/** At most this many rows in any list (ports, endpoint services, subscriptions). */
export const MAX_ROWS = 100;

/** The top-level fields of a request document the form has controls for. */
const FORM_FIELDS = [
  'company', 'cloud', 'region', 'account_id', 'project_id', 'plan', 'environments', 'connection_type',
  'ports', 'endpoint_services', 'prerequisites', 'azure', 'evidence',
];
/** Fields of a request document the form reads without a control of their own. */
const META_FIELDS = ['version', 'kind'];
/** The optional network fields, kept with either kind of request. */
const NETWORK_FIELDS = ['customer_network', 'adobe_endpoint_service'];
/** The top-level fields of a change document. */
const CHANGE_FIELDS = ['company', 'cloud', 'region', 'project_id', 'changes'];
/** What a draft (a getState() snapshot) holds besides the enablement values. */
const STATE_FIELDS = ['mode', 'change', 'network'];
/** Every field that makes a document one of a request (the "no known field" check). */
const KNOWN_FIELDS = [...FORM_FIELDS, ...NETWORK_FIELDS, 'changes'];

/** A file or draft the form cannot take; `message` is for people. */
export class ImportError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * Reads a File (or Blob with a name) chosen in "Import JSON".
 * Resolves to { values, ignored, text }: the form values, the top-level fields that were left out,
 * and the file's text.
 * Rejects with an ImportError whose message says what is wrong.
 * @param {Blob & { name?: string }} file
 */
export async function readRequestFile(file) {
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
  return parseRequest(text, name);
}

/** Parses the text of a request document; see readRequestFile. */
export function parseRequest(text, name = 'the file') {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new ImportError(`Could not import ${name}: it is larger than 1 MiB, the most a request file can be. Nothing changed.`);
  }
  let doc;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ImportError(`Could not import ${name}: it is not valid JSON. Choose a request document (.json) such as “Export JSON” writes. Nothing changed.`);
  }
  try {
    // The text too: the module finds in it what JSON.parse drops silently (a key given twice).
    return { ...toFormValues(doc), text };
  } catch (err) {
    if (err instanceof ImportError) {
      throw new ImportError(`Could not import ${name}: ${err.message} Nothing changed.`);
    }
    throw err;
  }
}

/**
 * Turns a request document into values for the form's load(): { values, ignored }.
 * An enablement document gives the enablement values; a change document (`"kind": "change"`)
 * gives `kind: 'change'` and its fields (the form opens in change mode); either keeps the network
 * fields. `ignored` lists the top-level fields left out. With options.snapshot, `doc` is a saved
 * getState() (a draft): its `mode`, `change` and `network` are read too.
 * Throws an ImportError (message without the file name) when the document is not an object, has
 * no field of a request, or holds a value the form has no control for.
 * @param {any} doc
 * @param {{ snapshot?: boolean }} [options]
 */
export function toFormValues(doc, { snapshot = false } = {}) {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ImportError(`it holds ${kindOf(doc)}, not a request document (a JSON object with fields such as company, cloud and region).`);
  }
  const keys = Object.keys(doc);
  if (!keys.some((k) => KNOWN_FIELDS.includes(k) || (snapshot && STATE_FIELDS.includes(k)))) {
    const known = FORM_FIELDS.slice(0, 5).join(', ');
    throw new ImportError(`none of its fields is a field of a request document (${known}, ...).`);
  }
  if (doc.version !== undefined && doc.version !== null && doc.version !== 1) {
    throw new ImportError(`its "version" is ${JSON.stringify(doc.version).slice(0, 40)}, and this page reads version 1.`);
  }
  if (doc.kind !== undefined && doc.kind !== null && doc.kind !== 'enablement' && doc.kind !== 'change') {
    const kind = typeof doc.kind === 'string' ? `a ${doc.kind.slice(0, 40)} request` : `"kind" ${kindOf(doc.kind)}`;
    throw new ImportError(`it is ${kind}, and this page reads enablement and change requests.`);
  }
  const leftOut = (fields) => keys.filter((k) => !fields.includes(k) && !META_FIELDS.includes(k)
    && doc[k] !== undefined && doc[k] !== null);

  if (doc.kind === 'change' && !snapshot) {
    const values = { kind: 'change', ...changeValues(doc), ...networkValues(doc) };
    return { values, ignored: leftOut([...CHANGE_FIELDS, ...NETWORK_FIELDS]) };
  }

  const values = enablementValues(doc);
  if (!snapshot) {
    Object.assign(values, networkValues(doc));
    return { values, ignored: leftOut([...FORM_FIELDS, ...NETWORK_FIELDS]) };
  }
  // A draft: the enablement values, and the other parts as getState() gives them.
  const has = (k) => doc[k] !== undefined && doc[k] !== null;
  if (has('mode')) values.mode = choice(doc.mode, 'mode', ['enablement', 'change']);
  if (has('change')) values.change = changeValues(object(doc.change, 'change', 'the change request'));
  if (has('network')) values.network = networkValues(object(doc.network, 'network', 'the network fields'));
  return { values, ignored: [] };
}

/** The enablement fields of `doc`, checked. */
function enablementValues(doc) {
  const values = {};
  const has = (k) => doc[k] !== undefined && doc[k] !== null;
  for (const k of ['company', 'region', 'account_id', 'project_id']) {
    if (has(k)) values[k] = text(doc[k], k);
  }
  if (has('cloud')) values.cloud = choice(doc.cloud, 'cloud', ['aws', 'azure']);
  if (has('plan')) values.plan = doc.plan === '' ? '' : choice(doc.plan, 'plan', ['pro', 'starter']);
  if (has('connection_type')) {
    values.connection_type = choice(doc.connection_type, 'connection_type', ['unidirectional', 'bidirectional']);
  }
  if (has('environments')) {
    values.environments = list(doc.environments, 'environments', 'environment names')
      // production and staging are ticked; any other ID goes to the additional staging field.
      .map((e, i) => {
        const id = text(e, `environments[${i}]`);
        return ['production', 'staging'].includes(id.trim().toLowerCase()) ? id.trim().toLowerCase() : id;
      });
  }
  if (has('ports')) values.ports = ports(doc.ports, 'ports');
  if (has('endpoint_services')) {
    values.endpoint_services = list(doc.endpoint_services, 'endpoint_services', 'endpoint services').map((s, i) => {
      const at = `endpoint_services[${i}]`;
      object(s, at, 'an endpoint service');
      return {
        name: s.name === undefined || s.name === null ? '' : text(s.name, `${at}.name`),
        ports: s.ports === undefined || s.ports === null ? [] : ports(s.ports, `${at}.ports`),
        principal_allowed: flag(s.principal_allowed, `${at}.principal_allowed`),
        evidence: s.evidence === undefined || s.evidence === null ? [] : evidence(s.evidence, `${at}.evidence`),
      };
    });
  }
  if (has('evidence')) values.evidence = evidence(doc.evidence, 'evidence');
  if (has('prerequisites')) {
    const p = object(doc.prerequisites, 'prerequisites', 'the prerequisites');
    values.prerequisites = {};
    // interface_endpoint is not asked: the customer's endpoint to Adobe comes after the ticket.
    for (const k of ['nlb', 'endpoint_service']) {
      values.prerequisites[k] = flag(p[k], `prerequisites.${k}`);
    }
    // Not asked for (the endpoint to Adobe's service comes after the ticket): read, not kept.
    flag(p.interface_endpoint, 'prerequisites.interface_endpoint');
  }
  if (has('azure')) {
    const a = object(doc.azure, 'azure', 'the Azure details');
    values.azure = {
      cluster_id: a.cluster_id === undefined || a.cluster_id === null ? '' : text(a.cluster_id, 'azure.cluster_id'),
      subscription_ids: a.subscription_ids === undefined || a.subscription_ids === null
        ? []
        : list(a.subscription_ids, 'azure.subscription_ids', 'subscription IDs')
          .map((id, i) => text(id, `azure.subscription_ids[${i}]`)),
    };
  }
  return values;
}

/** The fields of a change document (company, cloud, region, project_id, changes), checked. */
function changeValues(doc) {
  const values = {};
  const has = (o, k) => o[k] !== undefined && o[k] !== null;
  for (const k of ['company', 'region', 'project_id']) {
    if (has(doc, k)) values[k] = text(doc[k], k);
  }
  if (has(doc, 'cloud')) values.cloud = choice(doc.cloud, 'cloud', ['aws', 'azure']);
  if (has(doc, 'changes')) {
    values.changes = list(doc.changes, 'changes', 'changes').map((c, i) => {
      const at = `changes[${i}]`;
      object(c, at, 'a change');
      const row = {};
      // An empty action or environment is a row not filled in yet (as a draft keeps it).
      row.action = !has(c, 'action') || c.action === '' ? '' : choice(c.action, `${at}.action`, ACTIONS);
      if (has(c, 'environment')) {
        // add_environment takes any ID (a text field); remove_connection offers production or staging.
        row.environment = c.environment === '' ? ''
          : row.action === 'add_environment' ? text(c.environment, `${at}.environment`)
            : choice(c.environment, `${at}.environment`, ['production', 'staging']);
      }
      if (has(c, 'environments')) {
        row.environments = list(c.environments, `${at}.environments`, 'environment names')
          .map((e, j) => choice(e, `${at}.environments[${j}]`, ['production', 'staging']));
      }
      for (const k of ['from_account_id', 'to_account_id', 'name']) {
        if (has(c, k)) row[k] = text(c[k], `${at}.${k}`);
      }
      if (has(c, 'ports')) row.ports = ports(c.ports, `${at}.ports`);
      if (has(c, 'principal_allowed')) row.principal_allowed = flag(c.principal_allowed, `${at}.principal_allowed`);
      return row;
    });
  }
  return values;
}

/** The optional network fields of `doc` (both clouds' IDs), checked. */
function networkValues(doc) {
  const values = {};
  if (doc.customer_network !== undefined && doc.customer_network !== null) {
    const n = object(doc.customer_network, 'customer_network', 'the IDs of your network');
    const net = {};
    for (const k of ['vpc_id', 'resource_group', 'vnet_name', 'subnet_name']) {
      if (n[k] !== undefined && n[k] !== null) net[k] = text(n[k], `customer_network.${k}`);
    }
    for (const k of ['subnet_ids', 'security_group_ids']) {
      if (n[k] !== undefined && n[k] !== null) {
        net[k] = list(n[k], `customer_network.${k}`, 'IDs').map((id, i) => text(id, `customer_network.${k}[${i}]`));
      }
    }
    values.customer_network = net;
  }
  if (doc.adobe_endpoint_service !== undefined && doc.adobe_endpoint_service !== null) {
    values.adobe_endpoint_service = text(doc.adobe_endpoint_service, 'adobe_endpoint_service');
  }
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

// ---- shape checks (messages name the field as the document does) --------------------------------

function text(v, at) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new ImportError(`"${at}" should be text, and it is ${kindOf(v)}.`);
}

function choice(v, at, allowed) {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : null;
  if (s !== null && allowed.includes(s)) return s;
  const shown = typeof v === 'string' ? `"${v.slice(0, 40)}"` : kindOf(v);
  const offered = allowed.length > 2 ? `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}` : allowed.join(' or ');
  throw new ImportError(`"${at}" is ${shown}, and this form offers ${offered}.`);
}

function flag(v, at) {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  throw new ImportError(`"${at}" should be true or false, and it is ${kindOf(v)}.`);
}

function list(v, at, what) {
  if (!Array.isArray(v)) throw new ImportError(`"${at}" should be a list of ${what}, and it is ${kindOf(v)}.`);
  if (v.length > MAX_ROWS) throw new ImportError(`"${at}" has ${v.length} entries, and this form takes at most ${MAX_ROWS}.`);
  return v;
}

function object(v, at, what) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new ImportError(`"${at}" should be ${what} (an object), and it is ${kindOf(v)}.`);
  }
  return v;
}

/**
 * Pasted cloud outputs (`evidence`, `endpoint_services[i].evidence`): a list of
 * { source?: text, output: any JSON }. What an output means is the core's to say (an output it
 * does not recognise is a warning on that entry), so any JSON output is kept as it is.
 */
function evidence(v, at) {
  return list(v, at, 'pasted outputs').map((e, i) => {
    const row = `${at}[${i}]`;
    object(e, row, 'a pasted output');
    if (e.output === undefined) throw new ImportError(`"${row}" has no "output".`);
    const entry = {};
    if (e.source !== undefined && e.source !== null) entry.source = text(e.source, `${row}.source`);
    entry.output = structuredClone(e.output);
    return entry;
  });
}

function ports(v, at) {
  return list(v, at, 'ports').map((p, i) => {
    const row = `${at}[${i}]`;
    object(p, row, 'a port');
    return {
      service: p.service === undefined || p.service === null ? '' : text(p.service, `${row}.service`),
      port: p.port === undefined || p.port === null ? '' : text(p.port, `${row}.port`),
      protocol: p.protocol === undefined || p.protocol === null || p.protocol === ''
        ? 'tcp'
        : choice(p.protocol, `${row}.protocol`, ['tcp', 'udp']),
    };
  });
}

function kindOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list (JSON array)';
  switch (typeof v) {
    case 'string': return 'text';
    case 'number': return 'a number';
    case 'boolean': return v ? 'true' : 'false';
    case 'object': return 'an object';
    default: return typeof v;
  }
}

function bytes(n) {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} bytes`;
}
