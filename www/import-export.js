// Request documents in and out of the form: "Export JSON" writes the document the form sends,
// "Import JSON" reads one back. Reading checks the file before anything changes: too large, not
// JSON, not an object, no field of a request, or a value the form cannot hold all give one clear
// message (as text) and leave the form untouched. The same check reads saved drafts.

/** The largest file "Import JSON" reads: 1 MiB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** The name of an exported request document. */
export const EXPORT_NAME = 'privatelink-request.json';
/** At most this many rows in any list (ports, endpoint services, subscriptions). */
export const MAX_ROWS = 100;

/** The top-level fields of a request document the form has controls for. */
const FORM_FIELDS = [
  'company', 'cloud', 'region', 'account_id', 'project_id', 'plan', 'environments', 'connection_type',
  'ports', 'endpoint_services', 'prerequisites', 'azure',
];
/** Fields of a request document the form reads without a control of their own. */
const META_FIELDS = ['version', 'kind'];
/** Optional fields of a request document that this form does not edit (kept out, and said so). */
const OTHER_DOCUMENT_FIELDS = ['customer_network', 'adobe_endpoint_service', 'changes'];

/** A file or draft the form cannot take; `message` is for people. */
export class ImportError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * Reads a File (or Blob with a name) chosen in "Import JSON".
 * Resolves to { values, ignored }: the form values, and the top-level fields that were left out.
 * Rejects with an ImportError whose message says what is wrong.
 * @param {Blob & { name?: string }} file
 */
export async function readRequestFile(file) {
  const name = file.name || 'the file';
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError(`Could not import ${name}: it is ${bytes(file.size)}, and a request file is at most 1 MiB (${bytes(MAX_IMPORT_BYTES)}). Nothing changed.`);
  }
  let text;
  try {
    text = await file.text();
  } catch {
    throw new ImportError(`Could not import ${name}: the browser could not read it. Nothing changed.`);
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
    return toFormValues(doc);
  } catch (err) {
    if (err instanceof ImportError) {
      throw new ImportError(`Could not import ${name}: ${err.message} Nothing changed.`);
    }
    throw err;
  }
}

/**
 * Turns a request document (or a saved form state) into values for the form:
 * { values, ignored }. Throws an ImportError (message without the file name) when the document is
 * not an object, has no field of a request, or holds a value the form has no control for.
 */
export function toFormValues(doc) {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ImportError(`it holds ${kindOf(doc)}, not a request document (a JSON object with fields such as company, cloud and region).`);
  }
  const keys = Object.keys(doc);
  if (!keys.some((k) => FORM_FIELDS.includes(k))) {
    const known = FORM_FIELDS.slice(0, 5).join(', ');
    throw new ImportError(`none of its fields is a field of a request document (${known}, ...).`);
  }
  if (doc.version !== undefined && doc.version !== null && doc.version !== 1) {
    throw new ImportError(`its "version" is ${JSON.stringify(doc.version).slice(0, 40)}, and this page reads version 1.`);
  }
  if (doc.kind !== undefined && doc.kind !== null && doc.kind !== 'enablement') {
    const kind = typeof doc.kind === 'string' ? `a ${doc.kind.slice(0, 40)} request` : `"kind" ${kindOf(doc.kind)}`;
    throw new ImportError(`it is ${kind}, and this form writes enablement requests.`);
  }

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
      .map((e, i) => choice(e, `environments[${i}]`, ['production', 'staging']));
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
      };
    });
  }
  if (has('prerequisites')) {
    const p = object(doc.prerequisites, 'prerequisites', 'the prerequisites');
    values.prerequisites = {};
    for (const k of ['nlb', 'endpoint_service', 'interface_endpoint']) {
      values.prerequisites[k] = flag(p[k], `prerequisites.${k}`);
    }
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
  const ignored = keys.filter((k) => !FORM_FIELDS.includes(k) && !META_FIELDS.includes(k)
    && !(OTHER_DOCUMENT_FIELDS.includes(k) && doc[k] === null));
  return { values, ignored };
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
  throw new ImportError(`"${at}" is ${shown}, and this form offers ${allowed.join(' or ')}.`);
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
