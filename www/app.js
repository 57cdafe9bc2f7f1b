// The privatelink-prep form: builds the request document from what the user types, shows the
// core's verdicts (never re-coded here) and the ticket preview.
//
//   import { mount } from './www/app.js';
//   const app = mount(root, { api });   // root: an element or a ShadowRoot; api: the loaded core
//
// Every DOM query stays inside the mounted wrapper, ids carry a per-mount prefix, and user text is
// only ever set as text, so the same code works in a document and inside a shadow root.

import { h, parentPath, getIn, setIn, slug, isControlValue } from './dom.js';
import { fieldKit, codeText, messageText } from './fields.js';
import { createChangeForm } from './change-form.js';
import { createNetworkFields } from './network-fields.js';
import { createGuidePanel } from './guide-panel.js';
import { createTracker } from './tracker.js';
import { fieldLabels } from './labels.js';
import { cloudWords, principalCopy } from './words.js';
import CORE_LABELS from './core-labels.js';
import { withEvidence, createEvidence, loadEvidence, needsChangeChecks } from './evidence.js';

const ENVIRONMENTS = ['production', 'staging'];
const FORMATS = [
  { key: 'text', label: 'Plain text', ext: 'txt', mime: 'text/plain' },
  { key: 'markdown', label: 'Markdown', ext: 'md', mime: 'text/markdown' },
];
const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' };
const LOCK_NOTE = 'Set by this page: it cannot be changed here.';
/** A guide of more commands than this (about 60 ports of endpoint services) takes longer than a
 * frame to write: off the screen, it waits until it comes near (see holdNextSteps). */
const LARGE_GUIDE = 200;
/** A long guide held off the screen is written this long after the last keystroke all the same. */
const HELD_STEPS_MS = 1000;
/** The key of a mounted form's getState() without the copy (www/workbar.js saves drafts with it). */
export const LIVE_STATE = Symbol('live state');
// No typing debounce: validation takes well under a millisecond (bash scripts/bench.sh), so a
// keystroke is checked in the frame it is painted in; keys typed within one frame share a check.
/** Where Adobe Commerce customers file support tickets. */
const HELP_CENTER = 'https://experienceleague.adobe.com/home?support-tab=home#support';
const BROKEN_WAIT = 'Hidden while the request has an error: the ticket preview above says which field to fix.';
/**
 * Endpoint services holding more ports than this in all show folded when they are loaded (an
 * import, a draft, a host's values): each service's port rows are made when it is opened, or
 * when a message is about one of them. Each control of a form costs every keystroke time
 * (Chromium's autofill reads the whole form after each change: about 60 ms for the 76,000
 * controls of 500 services of 50 ports), and a list that long is read one service at a time.
 */
const FOLD_PORTS = 100;
/** How many of a folded service's ports its summary names. */
const FOLDED_NAMED = 3;

let mounts = 0;

const emptyPort = () => ({ service: '', port: '', protocol: 'tcp' });
const emptyService = () => ({ name: '', ports: [emptyPort()], principal_allowed: false, evidence: [] });

/** The form's starting values; `values` (part of a request document) overrides them. */
export function initialState(values = {}) {
  const state = {
    company: '',
    cloud: 'aws',
    region: '',
    account_id: '',
    project_id: '',
    plan: '',
    environments: [],
    connection_type: 'unidirectional',
    ports: [emptyPort()],
    endpoint_services: [emptyService()],
    prerequisites: { nlb: false, endpoint_service: false },
    azure: { cluster_id: '', subscription_ids: [] },
    evidence: [], // pasted cloud outputs about the request as a whole (www/evidence.js)
  };
  for (const [key, value] of Object.entries(values || {})) {
    if (!(key in state) || value === undefined || value === null) continue;
    if (key === 'prerequisites' || key === 'azure') Object.assign(state[key], structuredClone(value));
    else state[key] = structuredClone(value);
  }
  return state;
}

/** The environments other than production and staging: additional staging environments, whose
 * IDs the "Additional staging environment" field holds (comma-separated). */
const additionalStaging = (state) => state.environments.filter((e) => !ENVIRONMENTS.includes(e));
/** The environments with the additional field's text in place of the earlier extras. */
const withAdditional = (state, text) => [
  ...ENVIRONMENTS.filter((e) => state.environments.includes(e)),
  ...String(text).split(/[\s,]+/).filter(Boolean),
];

/**
 * The request document for the current state: only the fields of the sections on screen.
 * Ports are sent as typed; the core reads numeric strings. `previous`: an earlier request, whose
 * endpoint services are taken for those whose values are still the same (the module keeps the
 * text of a frozen one, so that a keystroke in a request of 500 services writes one of them).
 */
export function toRequest(state, previous = null) {
  const portsOf = (list) =>
    list.map((p) => ({ service: p.service, port: p.port, protocol: p.protocol }));
  const azure = state.cloud === 'azure';
  const kept = Array.isArray(previous?.endpoint_services) ? previous.endpoint_services : [];
  // Evidence (pasted cloud outputs) only where there is some: documents without it stay as they were.
  const withEv = (doc, list) => (Array.isArray(list) && list.length ? { ...doc, evidence: structuredClone(list) } : doc);
  const doc = {
    version: 1,
    kind: 'enablement',
    company: state.company,
    cloud: state.cloud,
    region: state.region,
    account_id: state.account_id,
    project_id: state.project_id,
  };
  if (state.plan) doc.plan = state.plan;
  doc.environments = [...ENVIRONMENTS.filter((e) => state.environments.includes(e)), ...additionalStaging(state)];
  if (state.connection_type) doc.connection_type = state.connection_type;
  doc.ports = portsOf(state.ports);
  if (state.connection_type === 'bidirectional') {
    // Adobe's principal is AWS only: on Azure, Adobe names its subscription after the ticket.
    doc.endpoint_services = state.endpoint_services.map((s, i) => (sameService(kept[i], s, azure) ? kept[i] : withEv(azure
      ? { name: s.name, ports: portsOf(s.ports) }
      : { name: s.name, ports: portsOf(s.ports), principal_allowed: Boolean(s.principal_allowed) }, s.evidence)));
    // The endpoint to Adobe's service is made after the ticket, so it is not asked for here.
    doc.prerequisites = {
      nlb: Boolean(state.prerequisites.nlb),
      endpoint_service: Boolean(state.prerequisites.endpoint_service),
    };
  }
  if (state.cloud === 'azure') {
    doc.azure = {
      cluster_id: state.azure.cluster_id,
      subscription_ids: [...state.azure.subscription_ids],
    };
  }
  return withEv(doc, state.evidence);
}

/** Whether `old`, an endpoint service of a request, is what toRequest writes for `s` on the
 * cloud (`azure` or not). One with evidence is written again (it is copied each time). */
function sameService(old, s, azure) {
  if (!old || typeof old !== 'object' || !Object.isFrozen(old) || 'evidence' in old || (Array.isArray(s.evidence) && s.evidence.length)) return false;
  if (old.name !== s.name || ('principal_allowed' in old) === azure) return false;
  if (!azure && old.principal_allowed !== Boolean(s.principal_allowed)) return false;
  const [a, b] = [old.ports, s.ports];
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) {
    if (a[j].service !== b[j].service || a[j].port !== b[j].port || a[j].protocol !== b[j].protocol) return false;
  }
  return true;
}

/** `v` and every list and object in it frozen (those frozen already are taken as frozen through). */
export function deepFreeze(v) {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
  return v;
}

/** Cloud-dependent wording (www/words.js: what the change form says too). */
function words(cloud) {
  const azure = cloud === 'azure';
  const shared = cloudWords(cloud);
  return {
    ...shared,
    accountHint: azure
      ? 'The subscription that will connect to Adobe, as 8-4-4-4-12 hexadecimal digits. The Azure portal lists it under Subscriptions; `az account show --query id` prints the current one.'
      : 'The 12 digits of the AWS account that will connect to Adobe. Open the account menu at the top right of the AWS console, or run `aws sts get-caller-identity`. Dashes are fine; leading zeros count.',
    regionHint: azure
      ? 'The Azure region of your Adobe Commerce environment, e.g. eastus or westeurope; your subscription must use the same one. Type a code or a name and pick from the list.'
      : 'The AWS region of your Adobe Commerce environment, e.g. us-east-1 or eu-west-1; your VPC must be in the same one. Type a code or a name and pick from the list.',
    principalHint: 'Add it under Allow principals in the VPC console, or with the AWS CLI.',
    servicesIntro: azure
      ? 'For a bidirectional connection, list each Private Link service Adobe must reach in your virtual network, with its ports.'
      : 'For a bidirectional connection, list each endpoint service Adobe must reach in your VPC, with its ports.',
    // [key, what it is, in the cloud's own terms] (the labels are the core's). Your endpoint to
    // Adobe's service is not here: it can only be made once Adobe sends its name (prereqHint).
    prereqs: azure ? [
      ['nlb', 'In your virtual network, with a frontend IP configuration and a load-balancing rule for each port of the services above. A Private Link service works only behind a Standard Load Balancer.'],
      ['endpoint_service', 'Attached to the load balancer’s frontend IP configuration: its alias or resource ID is what you entered above. Adobe’s subscription goes on its visibility list after the ticket, once Adobe names it.'],
    ] : [
      ['nlb', 'In your VPC, with a listener on each port of the endpoint services above and your application as its target.'],
      ['endpoint_service', 'In the VPC console under Endpoint services: its service name (com.amazonaws.vpce.…) is what you entered above.'],
    ],
    prereqHint: azure
      ? 'Adobe’s connection reaches your services through these, so they must exist before you send the ticket: tick each one that is in place in your virtual network now. Your private endpoint to Adobe’s Private Link service comes later, once Adobe sends its name.'
      : 'Adobe’s connection reaches your services through these, so they must exist before you send the ticket: tick each one that is in place in your VPC now. Your interface endpoint to Adobe’s endpoint service comes later, once Adobe sends its name.',
  };
}

/**
 * Renders the form into `root` (an element or a ShadowRoot).
 * options.api: the core module after init() ({ validate, renderTicket, rules, regions, version }),
 *   or a promise of it: the form is typeable at once (labels from www/core-labels.js, generated
 *   from the core) and the checks join when it resolves. setCore(core) swaps the module later.
 *   options.onReport gets a third argument, { edit }: false for the report of a module arriving.
 * options.values: a partial request document to start from.
 * options.idPrefix: prefix for ids (default: plp1, plp2, ... per mount).
 * options.onReport(report, request), options.onTicket(ticket, request): callbacks; `request` is
 *   frozen (the module keeps the text of its unchanged endpoint services); getRequest() copies it.
 * options.locked: document paths (e.g. ['cloud', 'region']) whose values (from options.values) are
 *   sent but shown read-only with a note, as when a portal already knows them.
 * options.view: what another mount's getView() returned ({ messages, format, touched, wasReady }),
 *   so that a form rendered again shows the same messages and the same ticket tab.
 * Returns { element, getRequest, getReport, getTickets, getState, getView, load, setValue, check,
 * setCore, isChecking, destroy };
 * getState() is every value of the form (hidden sections too), load(values) replaces them all
 * (locked values stay).
 */
export function mount(root, options = {}) {
  const given = options.api;
  const later = Boolean(given) && typeof given.then === 'function';
  if (!later && (!given || typeof given.validate !== 'function')) {
    throw new TypeError('mount(root, { api }) needs the privatelink-prep module, loaded or loading');
  }
  /** The loaded module, or null while it loads (the form is typeable meanwhile). Every call goes
   * to the evidence module once that is loaded (www/evidence.js). */
  let core = later ? null : withEvidence(given);
  // What every part of the form calls: the module once it is there (setCore swaps it), and until
  // then its labels (www/core-labels.js, generated from the core) with no regions or rules.
  const api = coreFront(() => core);
  const px = options.idPrefix || `plp${++mounts}`;
  const idFor = (path) => `${px}-${slug(path)}`;
  // "New enablement" or "Change an existing setup" (the document's `kind`); each keeps its values.
  const parts = partValues(options.values);
  let mode = parts.mode;
  const state = initialState(parts.enablement);
  const locked = new Set(options.locked || []);

  const view = options.view || {};
  let checked = view.messages === true; // after the first "Check", every message shows
  // Before a Check, a field's own messages show once the user has left it with a value (or made a
  // choice in it), and follow the typing from then on: never a message on a field not touched.
  const touched = new Set(Array.isArray(view.touched) ? view.touched.filter((p) => typeof p === 'string') : []);
  let wasReady = view.wasReady === true; // the ticket was shown: when it goes, the preview says why
  let broken = false; // it was shown and an error hides it now
  /** The pending check of typed text: cancels it (set by `revalidate`). */
  let cancelPending = () => {};
  let report = { valid: false, diagnostics: [] };
  let destroyed = false;
  let checkWhenReady = false; // Check was pressed while the change checks loaded
  let changeChecks = 'idle'; // the module with the change checks: 'idle', 'loading' or 'failed'
  let request = null;
  let tickets = null; // { text: {subject, body, file}, markdown: {...} } when ready
  let activeFormat = FORMATS.some((f) => f.key === view.format) ? view.format : FORMATS[0].key;
  let fullSummary = checked; // the next summary render rebuilds it (a Check), else it only prunes

  // ---- builders (www/fields.js: the markup the diagnostics below expect) ---------------------

  const { hintFor, msgsFor, textField, selectField, choiceGroup, checkbox, removeButton, addButton } =
    fieldKit({
      idFor,
      get: (path) => (path === 'additional_staging' ? additionalStaging(state).join(', ') : getIn(state, path)),
      locked,
      lockNote: LOCK_NOTE,
    });
  /** The core's label of a document path on the current cloud (src/labels.rs). */
  const labelOf = (path) => fieldLabels(api, state.cloud)(path);

  // A list of {service, port, protocol} rows at `base` (`ports` or `endpoint_services[i].ports`);
  // `fold`: the button that folds it (a service's, see FOLD_PORTS).
  function portList(base, legend, hint, fold = null) {
    const list = getIn(state, base);
    const rows = h('div', { class: 'plp-rows' });
    list.forEach((_, i) => {
      const p = `${base}[${i}]`;
      rows.append(h('fieldset', { class: 'plp-row plp-port-row', 'data-field': p },
        h('legend', { class: 'plp-row-title', text: labelOf(p) }),
        msgsFor(p),
        h('div', { class: 'plp-row-grid' },
          textField(`${p}.service`, labelOf(`${p}.service`), '', { width: 'plp-w-full', inRow: true }),
          textField(`${p}.port`, labelOf(`${p}.port`), '', { width: 'plp-w-8', inputmode: 'numeric', inRow: true }),
          selectField(`${p}.protocol`, labelOf(`${p}.protocol`), [['tcp', 'TCP'], ['udp', 'UDP']], '', true),
          h('div', { class: 'plp-row-action' },
            removeButton(`port ${i + 1}`, base === 'ports' ? '' : ` of ${serviceTitle(base)}`,
              () => removeRow(base, i))))));
    });
    return h('fieldset', { class: 'plp-field plp-list', 'data-field': base, 'data-list': base },
      h('legend', { class: 'plp-label', text: legend }),
      hintFor(base, hint),
      fold,
      msgsFor(base),
      rows,
      addButton(list.length ? 'Add another port' : 'Add a port', () => addRow(base, emptyPort())));
  }

  function serviceTitle(base) {
    const m = /endpoint_services\[(\d+)\]/.exec(base);
    return m ? `${words(state.cloud).serviceNoun} ${Number(m[1]) + 1}` : '';
  }

  const portsInServices = () => state.endpoint_services.reduce((n, s) => n + s.ports.length, 0);
  /** The services folded as a list is loaded: all of them, past FOLD_PORTS ports in all. */
  const foldedAtLoad = () => new WeakSet(portsInServices() > FOLD_PORTS ? state.endpoint_services : []);
  /** The services whose port rows are not made (see FOLD_PORTS): the state's service objects. */
  let folded = foldedAtLoad();

  function endpointServices() {
    const rows = h('div', { class: 'plp-rows' });
    const foldable = portsInServices() > FOLD_PORTS;
    state.endpoint_services.forEach((_, i) => rows.append(serviceRow(i, foldable)));
    return h('div', { class: 'plp-field plp-list', 'data-field': 'endpoint_services', 'data-list': 'endpoint_services' },
      msgsFor('endpoint_services'),
      rows,
      addButton(state.endpoint_services.length ? 'Add another endpoint service' : 'Add an endpoint service',
        () => addRow('endpoint_services', emptyService())));
  }

  /** Endpoint service `i`; `foldable`: an open one offers to fold its ports. */
  function serviceRow(i, foldable) {
    const w = words(state.cloud);
    const p = `endpoint_services[${i}]`;
    const service = state.endpoint_services[i];
    const isFolded = folded.has(service);
    return h('fieldset', { class: `plp-row plp-service${isFolded ? ' plp-service-folded' : ''}`, 'data-field': p },
      h('legend', { class: 'plp-row-title', text: labelOf(p) }),
      msgsFor(p),
      textField(`${p}.name`, labelOf(`${p}.name`), w.serviceHint, { width: 'plp-w-full' }),
      isFolded ? foldedPorts(i) : portList(`${p}.ports`, labelOf(`${p}.ports`), 'The listener ports Adobe connects to on this service.',
        foldable ? foldButton(i, true) : null),
      // AWS: the principal grant; Azure has none before the ticket (w.accessNote says what follows).
      state.cloud === 'azure'
        ? h('p', { class: 'plp-hint', 'data-note': 'azure-access', text: w.accessNote })
        : checkbox(`${p}.principal_allowed`, labelOf(`${p}.principal_allowed`), w.principalHint),
      principalCopy(state.cloud, writeClipboard, () => wrapper),
      evidence.panel(p),
      h('div', { class: 'plp-row-action' },
        removeButton(`this ${w.serviceNoun}`, ` (${w.serviceNoun} ${i + 1})`, () => removeRow('endpoint_services', i))));
  }

  /** A folded service's ports: how many, the first few, its list's own messages, and Show. */
  function foldedPorts(i) {
    const base = `endpoint_services[${i}].ports`;
    const list = state.endpoint_services[i].ports;
    const named = list.slice(0, FOLDED_NAMED).map((r) => {
      const name = [...String(r.service).trim()]; // by code point: no half of a pair is shown
      const number = String(r.port).trim();
      const port = number ? `${number}/${r.protocol === 'udp' ? 'UDP' : 'TCP'}` : 'no port';
      if (!name.length) return port;
      return `${name.length > 40 ? `${name.slice(0, 39).join('')}…` : name.join('')} (${port})`;
    });
    const more = list.length - named.length;
    const count = `${list.length} ${list.length === 1 ? 'port' : 'ports'}`;
    const text = named.length ? `${count}: ${named.join(', ')}${more ? ` and ${more} more` : ''}.` : `${count}.`;
    return h('div', { class: 'plp-field plp-list plp-folded', 'data-field': base },
      h('p', { class: 'plp-label', text: labelOf(base) }),
      msgsFor(base),
      h('p', { class: 'plp-hint plp-folded-summary', text }),
      foldButton(i, false));
  }

  /** Show (or, `open`, hide) the port rows of service `i`; focus stays on the button. */
  function foldButton(i, open) {
    const noun = words(state.cloud).serviceNoun;
    return h('button', {
      type: 'button', class: `plp-button plp-secondary plp-fold${open ? ' plp-fold-open' : ''}`, 'aria-expanded': open ? 'true' : 'false', 'data-service': String(i),
      on: { click: () => setFolded(i, open) },
    }, open ? 'Hide the ports' : 'Show the ports', h('span', { class: 'plp-vh', text: ` of ${noun} ${i + 1}` }));
  }

  /** Folds or opens service `i` and makes it again, with focus on its new fold button. */
  function setFolded(i, fold) {
    const service = state.endpoint_services[i];
    if (!service || folded.has(service) === fold) return;
    if (fold) folded.add(service); else folded.delete(service);
    remakeService(i)?.querySelector('.plp-fold')?.focus();
    revalidate(true); // the messages move to the rows, or to the folded list
  }

  /** The endpoint service that `path` is in (or undefined). */
  function serviceOf(path) {
    const m = /^endpoint_services\[(\d+)\]/.exec(path);
    return m ? state.endpoint_services[Number(m[1])] : undefined;
  }

  /** Makes service `i` again (its fold changed, or its folded summary); returns it. */
  function remakeService(i) {
    const old = slots.services.querySelector(`.plp-service[data-field="endpoint_services[${i}]"]`);
    if (!old) return null;
    const next = serviceRow(i, portsInServices() > FOLD_PORTS);
    old.replaceWith(next);
    return next;
  }

  let hideButtons = null; // live: a keystroke that changes no service finds it as it was, at no cost
  /** Opens each folded service that a message shown is about one of the port rows of (so that
   * every message is beside its field), and offers no Hide on a service while it has one. */
  function openFoldedFor(diagnostics) {
    const withMessages = new Set();
    for (const d of diagnostics) {
      const m = /^endpoint_services\[(\d+)\]\.ports\[/.exec(d.field || '');
      if (m) withMessages.add(Number(m[1]));
    }
    for (const i of withMessages) {
      const service = state.endpoint_services[i];
      if (!service || !folded.has(service)) continue;
      folded.delete(service);
      remakeService(i);
    }
    hideButtons ??= slots.services.getElementsByClassName('plp-fold-open');
    for (const b of hideButtons) {
      const hidden = withMessages.has(Number(b.dataset.service));
      if (b.hidden !== hidden) b.hidden = hidden;
    }
  }

  function subscriptionList() {
    const base = 'azure.subscription_ids';
    const rows = h('div', { class: 'plp-rows' });
    state.azure.subscription_ids.forEach((_, i) => {
      const p = `${base}[${i}]`;
      rows.append(h('div', { class: 'plp-row plp-sub-row', 'data-row': p },
        textField(p, labelOf(p), '', { width: 'plp-w-36' }),
        h('div', { class: 'plp-row-action' }, removeButton(`subscription ID ${i + 1}`, '', () => removeRow(base, i)))));
    });
    return h('fieldset', { class: 'plp-field plp-list', 'data-field': base, 'data-list': base },
      h('legend', { class: 'plp-label', text: labelOf('azure.subscription_ids') }),
      hintFor(base, 'Add every other Azure subscription that will create private endpoint connections to Adobe.'),
      msgsFor(base),
      rows,
      addButton(state.azure.subscription_ids.length ? 'Add another subscription ID' : 'Add a subscription ID',
        () => addRow(base, '')));
  }

  // ---- static structure -----------------------------------------------------------------------

  const summaryTitle = h('h2', { class: 'plp-summary-title', id: `${px}-summary-title`, text: 'There is a problem' });
  const summaryBody = h('div', { class: 'plp-summary-body' });
  const summary = h('div', {
    class: 'plp-summary', id: `${px}-summary`, role: 'alert', tabindex: '-1',
    'aria-labelledby': summaryTitle.id, hidden: true,
  }, summaryTitle, summaryBody);

  const regionList = h('datalist', { id: `${px}-regions` });
  const slots = {}; // name -> element whose children are rebuilt
  const slot = (name) => (slots[name] = h('div', { class: 'plp-slot' }));

  const azureSection = h('section', { class: 'plp-section', 'aria-labelledby': `${px}-h-azure`, hidden: state.cloud !== 'azure' },
    h('h2', { class: 'plp-h2', id: `${px}-h-azure`, text: 'Azure details' }),
    textField('azure.cluster_id', labelOf('azure.cluster_id'),
      'Open a shell on Staging or Production with the SSH command the Cloud Console shows for it (`magento-cloud ssh` reaches Integration only), run `cat /etc/platform_cluster` and enter exactly what it prints.',
      { width: 'plp-w-24' }),
    slot('subscriptions'));

  const servicesTitle = h('h2', { class: 'plp-h2', id: `${px}-h-services` });
  const servicesIntro = h('p', { class: 'plp-section-intro' });
  const bidiSections = [
    h('section', { class: 'plp-section', 'aria-labelledby': `${px}-h-services` },
      servicesTitle,
      servicesIntro,
      slot('services')),
    h('section', { class: 'plp-section', 'aria-labelledby': `${px}-h-prereq` },
      h('h2', { class: 'plp-h2', id: `${px}-h-prereq`, text: 'Ready in your network' }),
      slot('prereqs')),
  ];

  const checkButton = h('button', { type: 'submit', class: 'plp-button plp-primary', text: 'Check' });

  const modeGroup = choiceGroup('radio', 'kind', labelOf('kind'), '', [
    ['enablement', 'New enablement', 'Ask Adobe to set up PrivateLink for your project.'],
    ['change', 'Change an existing setup', 'Connect or remove an environment, change the account, add or remove an endpoint service, or open or close ports.'],
  ], (v) => mode === v);
  modeGroup.classList.add('plp-modes');
  // ---- built in turns ----------------------------------------------------------------------------
  // The first screen of the form is built at once, typeable with its draft; what is below it or
  // hidden (the ports, the network fields, the preview, the next steps, the tracker, the rules,
  // the change form, the hidden sections) follows in tasks of its own, a part each, so that no
  // task holds the main thread long (Lighthouse's Total Blocking Time on a slow phone). All of it
  // is below the screen, so nothing moves. A check with the module, and Check, first finish the
  // building (`settle`): with the module given at mount, everything is built at once.
  const turns = [];
  let turnTimer = 0;
  function inTurn(job) {
    turns.push(job);
    if (!turnTimer) turnTimer = setTimeout(nextTurn, 0);
  }
  function nextTurn() {
    turnTimer = 0;
    const job = turns.shift();
    if (turns.length) turnTimer = setTimeout(nextTurn, 0);
    if (job) job();
  }
  function settle() {
    clearTimeout(turnTimer);
    turnTimer = 0;
    while (turns.length) turns.shift()();
  }

  // The change form: built in a turn of its own, or at once when the form is in change mode.
  const changePart = onFirstUse(() => createChangeForm({
    api, idFor, values: parts.change, onEdit: (now) => revalidate(now), copy: writeClipboard,
    locked, lockedValues: options.values, lockNote: LOCK_NOTE,
  }));
  const changeForm = changePart.part;
  const network = createNetworkFields({ api, idFor, values: parts.network, onEdit: (now) => revalidate(now), deferred: true });
  const guidePanel = createGuidePanel({ api, idPrefix: px, copy: writeClipboard, refresh: () => flushNextSteps() });
  // Pasted cloud outputs: their panels (account, each endpoint service) and what they fill.
  const evidence = createEvidence({
    api, idFor, copy: writeClipboard, state: () => state, request: () => currentRequest(), report: () => report,
    fill: fillValue, touch: (path) => touched.add(path), isTouched: (path) => touched.has(path), revalidate: () => revalidate(true), labelOf,
    form: () => form,
  });
  const tracker = createTracker({ api, idPrefix: px });

  const enablementPart = h('div', { class: 'plp-mode-part', 'data-mode': 'enablement' },
    h('section', { class: 'plp-section', 'aria-labelledby': `${px}-h-project` },
      h('h2', { class: 'plp-h2', id: `${px}-h-project`, text: 'Your project' }),
      textField('company', labelOf('company'),
        'The name your Adobe support contract knows you by; the ticket subject reads “PrivateLink support for” this name.',
        { width: 'plp-w-36', autocomplete: 'organization' }),
      textField('project_id', labelOf('project_id'),
        '13 lowercase letters and digits, as in the address of the project in the Cloud Console.',
        { width: 'plp-w-16' }),
      choiceGroup('radio', 'plan', labelOf('plan'), 'PrivateLink is offered for Adobe Commerce Pro projects only.',
        [['pro', 'Pro'], ['starter', 'Starter']], (v) => state.plan === v),
      choiceGroup('checkbox', 'environments', labelOf('environments'),
        'Select each environment that needs the connection. Integration environments cannot use PrivateLink.',
        [['production', 'Production'], ['staging', 'Staging']], (v) => state.environments.includes(v)),
      textField('additional_staging', labelOf('environments(additional)'),
        'If your project has an additional staging environment for Private Link, its environment ID as the Cloud Console shows it, e.g. staging2; separate several with commas.',
        { width: 'plp-w-24' })),
    h('section', { class: 'plp-section', 'aria-labelledby': `${px}-h-cloud` },
      h('h2', { class: 'plp-h2', id: `${px}-h-cloud`, text: 'Cloud and account' }),
      slot('region'), // the cloud's choice comes before it, in a turn (see the mount's end)
      slot('account')),
    azureSection,
    h('section', { class: 'plp-section', 'aria-labelledby': `${px}-h-connection` },
      h('h2', { class: 'plp-h2', id: `${px}-h-connection`, text: 'Connection' }),
      slot('ports')), // the connection's choice comes before it, in a turn (see the mount's end)
    ...bidiSections);

  // autocomplete off: the form keeps its own draft, so the browser need not save the state of
  // every control (its lists, selects and checkboxes) for a reload; Chromium does that a second
  // after each change, and for 500 endpoint services of 50 ports (76,000 controls) it took 330 ms
  // of the page's thread. Fields with a purpose of their own (the company) keep their token.
  const form = h('form', { class: 'plp-form', novalidate: true, autocomplete: 'off', 'aria-label': 'PrivateLink request' },
    modeGroup,
    mode === 'change' ? changeForm.element : enablementPart,
    network.element,
    h('div', { class: 'plp-submit' }, checkButton,
      h('p', { class: 'plp-hint', text: 'Each field is checked when you leave it. Check goes over every field and lists what to fix.' })),
    regionList);

  // ---- ticket preview ----

  const previewHeading = h('h2', { class: 'plp-h2', id: `${px}-h-preview`, tabindex: '-1', text: 'Ticket preview' });
  const previewStatus = h('p', { class: 'plp-preview-status', 'aria-live': 'polite' });
  // Where a ticket that was ready is hidden now: each error that hides it, linked to its field.
  const brokenBox = h('div', { class: 'plp-broken', hidden: true });
  const showProblems = h('button', {
    type: 'button', class: 'plp-button plp-link', text: 'Show the problems',
    on: {
      click: () => {
        check();
        if (!summary.hidden) summary.focus();
      },
    },
  });
  const tabs = FORMATS.map((f) => h('button', {
    type: 'button', role: 'tab', class: 'plp-tab', id: `${px}-tab-${f.key}`,
    'aria-controls': `${px}-panel-${f.key}`, 'aria-selected': f.key === activeFormat ? 'true' : 'false',
    tabindex: f.key === activeFormat ? '0' : '-1', text: f.label,
    on: { click: () => selectTab(f.key, false), keydown: onTabKey },
  }));
  const panels = FORMATS.map((f) => {
    const subject = h('p', { class: 'plp-ticket-subject', 'data-part': 'subject' });
    // The body scrolls when it is long, so it takes focus (a keyboard scrolls it) and has a name;
    // being the panel's focusable content, it is the panel's one tab stop.
    const body = h('pre', {
      class: 'plp-ticket-body', 'data-part': 'body', tabindex: '0', role: 'region',
      'aria-label': `Ticket body (${f.label.toLowerCase()})`,
    });
    return h('div', {
      role: 'tabpanel', class: 'plp-panel', id: `${px}-panel-${f.key}`, 'aria-labelledby': `${px}-tab-${f.key}`,
      hidden: f.key !== activeFormat, 'data-format': f.key,
    },
    h('p', { class: 'plp-ticket-label', text: 'Subject' }), subject,
    h('p', { class: 'plp-ticket-label', text: 'Body' }), body);
  });
  const copyStatus = h('p', { class: 'plp-copy-status', role: 'status' });
  const actions = h('div', { class: 'plp-actions' },
    h('button', { type: 'button', class: 'plp-button', 'data-action': 'copy-subject', text: 'Copy subject', on: { click: () => copy('subject') } }),
    h('button', { type: 'button', class: 'plp-button', 'data-action': 'copy-body', text: 'Copy body', on: { click: () => copy('body') } }),
    h('span', { class: 'plp-actions-sep', 'aria-hidden': 'true' }),
    ...['txt', 'md', 'json'].map((ext) => h('button', {
      type: 'button', class: 'plp-button plp-secondary', 'data-action': `download-${ext}`,
      on: { click: () => download(ext) },
    }, `Download ticket as .${ext}`)));
  const ticketBox = h('div', { class: 'plp-ticket', hidden: true },
    h('div', { class: 'plp-tabs', role: 'tablist', 'aria-label': 'Ticket format' }, tabs),
    panels, actions, copyStatus);
  const preview = h('section', { class: 'plp-preview', 'aria-labelledby': previewHeading.id, 'data-state': 'not-ready' },
    previewHeading,
    h('div', { class: 'plp-preview-head' }, previewStatus, showProblems),
    brokenBox,
    ticketBox,
    h('p', { class: 'plp-hint' }, 'Send the subject and body as a new Adobe Commerce Support ticket, from the Support tab of ',
      h('a', { href: HELP_CENTER, target: '_blank', rel: 'noopener noreferrer', text: 'Adobe’s Help Center (Experience League)' }),
      '. Enablement takes up to five business days.'));

  const about = h('details', { class: 'plp-about' });
  /** "What this page checks": the core's rules, once the module is there. */
  function renderAbout() {
    const rulesList = safeCall(() => api.rules(), []);
    about.replaceChildren(
      h('summary', { text: core ? `What this page checks (${rulesList.length} rules)` : 'What this page checks' }),
      h('ul', { class: 'plp-rules' }, rulesList.map((r) => h('li', {},
        h('span', { class: 'plp-code', text: r.code }), ' ',
        h('strong', { text: r.title }), ` (${SEVERITY_LABEL[r.severity] || r.severity}). `,
        ...codeText(r.help)))),
      h('p', { class: 'plp-hint', text: core
        ? `privatelink-prep core ${safeCall(() => api.version(), '?')}. Every check runs in this browser.`
        : 'The checks are loading. Every check runs in this browser.' }));
  }
  renderAbout();

  // data-checks: "loading" until the module is there and its rules are listed, then "ready"
  // (the form is typeable either way). The preview, the next steps, the tracker and the rules
  // join it in turns (see the mount's end).
  const wrapper = h('div', { class: 'plp', 'data-valid': 'false', 'data-checks': core ? 'ready' : 'loading' }, summary, form);

  // ---- dynamic parts ---------------------------------------------------------------------------

  function renderRegion() {
    const w = words(state.cloud);
    slots.region.replaceChildren(textField('region', labelOf('region'), w.regionHint, { width: 'plp-w-24', list: regionList.id }));
    fillRegions();
  }
  /** The region field's list of choices: the core's regions of the cloud (none before the module). */
  function fillRegions() {
    const regions = safeCall(() => api.regions(state.cloud), []);
    regionList.replaceChildren(...regions.map((r) => h('option', {
      value: r.code, label: r.restricted ? `${r.name} (restricted access)` : r.name,
    })));
  }
  function renderAccount() {
    const w = words(state.cloud);
    slots.account.replaceChildren(textField('account_id', labelOf('account_id'), w.accountHint, { width: w.accountWidth }),
      evidence.panel(''));
  }
  function renderPorts() {
    slots.ports.replaceChildren(portList('ports', labelOf('ports'),
      'One row per service, e.g. Webserver HTTP on 80, SFTP on 2222, MySQL on 3306. SSH (port 22) never goes over PrivateLink.'));
  }
  function renderServices() { slots.services.replaceChildren(endpointServices()); }
  function renderPrereqs() {
    const w = words(state.cloud);
    slots.prereqs.replaceChildren(h('fieldset', { class: 'plp-field plp-group', 'data-field': 'prerequisites' },
      h('legend', { class: 'plp-label', text: labelOf('prerequisites') }),
      hintFor('prerequisites', w.prereqHint),
      msgsFor('prerequisites'),
      w.prereqs.map(([key, hint]) => checkbox(`prerequisites.${key}`, labelOf(`prerequisites.${key}`), hint))));
  }
  function renderSubscriptions() { slots.subscriptions.replaceChildren(subscriptionList()); }

  const renderers = {
    ports: renderPorts,
    endpoint_services: renderServices,
    'azure.subscription_ids': renderSubscriptions,
  };
  function rendererFor(base) {
    if (renderers[base]) return renderers[base];
    if (/^endpoint_services\[\d+\]\.ports$/.test(base)) return renderServices;
    return null;
  }

  function applyVisibility() {
    azureSection.hidden = state.cloud !== 'azure';
    const w = words(state.cloud);
    servicesTitle.textContent = labelOf('endpoint_services');
    servicesIntro.textContent = w.servicesIntro;
    for (const s of bidiSections) s.hidden = state.connection_type !== 'bidirectional';
    // A hidden section's fields are made in a turn after the mount; shown before it, at once.
    if (!azureSection.hidden) renderUnmade(slots.subscriptions, renderSubscriptions);
    if (state.connection_type === 'bidirectional') {
      renderUnmade(slots.services, renderServices);
      renderUnmade(slots.prereqs, renderPrereqs);
    }
  }
  /** Calls `render` unless `slot` has been rendered. */
  function renderUnmade(slot, render) {
    if (!slot.firstChild) render();
  }

  function renderAll() {
    renderRegion();
    renderAccount();
    renderPorts();
    renderServices();
    renderPrereqs();
    renderSubscriptions();
    applyVisibility();
  }

  // ---- list editing (focus never falls back to the page body) ----

  function addRow(base, item) {
    fileFindings = []; // the file's rows are not the form's rows any more
    const list = getIn(state, base);
    list.push(item);
    rendererFor(base)();
    const row = rowElement(base, list.length - 1);
    focusFirst(row);
    revalidate(true);
  }

  function removeRow(base, index) {
    fileFindings = [];
    const list = getIn(state, base);
    list.splice(index, 1);
    rendererFor(base)();
    const target = rowElement(base, Math.min(index, list.length - 1));
    if (target) focusFirst(target);
    else focusFirst(form.querySelector(`[data-list="${cssEscape(base)}"] > .plp-add`), true);
    revalidate(true);
  }

  function rowElement(base, index) {
    if (index < 0) return null;
    const path = `${base}[${index}]`;
    return form.querySelector(`[data-field="${cssEscape(path)}"], [data-row="${cssEscape(path)}"]`);
  }

  function focusFirst(el, self = false) {
    if (!el) return;
    const target = self ? el : el.querySelector('input, select, textarea, button');
    if (target) target.focus();
  }

  // ---- events ----------------------------------------------------------------------------------

  // Touching comes first, so the re-validation of the same event shows the field's messages.
  form.addEventListener('focusout', (e) => touch(e.target, 'focusout'));
  form.addEventListener('change', (e) => touch(e.target, 'change'), true);
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);

  /**
   * Marks a control's field as touched: a text field when the user leaves it with a value, a
   * choice (radio, checkbox, select) when it changes. Its messages show from then on.
   */
  function touch(el, type) {
    if (!el || !el.name || el.name === 'kind' || touched.has(el.name)) return;
    const isText = el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && el.type === 'text');
    if (isText ? type !== 'focusout' || el.value.trim() === '' : type !== 'change') return;
    touched.add(el.name);
    if (checked) return;
    // Leaving a field by pressing another control (Add a port, a radio): its messages wait until
    // the press ends, so they do not move that control away from under the pointer mid-click.
    if (pressing) revealLater = true;
    else revalidate(true);
  }

  let pressing = false;
  let revealLater = false;
  wrapper.addEventListener('pointerdown', () => { pressing = true; });
  function pressEnded() {
    if (!pressing) return;
    pressing = false;
    if (!revealLater) return;
    revealLater = false;
    setTimeout(() => revalidate(true), 0); // after the click this press makes
  }
  document.addEventListener('pointerup', pressEnded, true);
  document.addEventListener('pointercancel', pressEnded, true);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    check();
  });

  function onEdit(e) {
    const el = e.target;
    if (!el || !el.name) return;
    const path = el.name;
    if (path === 'kind') {
      if (el.checked) setMode(el.value);
      return;
    }
    edited(path);
    if (!enablementPart.contains(el)) return; // the change form and the network fields handle their own
    if (locked.has(path)) return;
    const isText = el.tagName === 'INPUT' && el.type === 'text';
    if (isText && e.type === 'change') return; // already handled on input
    if (el.type === 'radio') {
      if (!el.checked) return;
      setIn(state, path, el.value);
      if (path === 'cloud') {
        renderRegion();
        renderAccount();
        renderServices();
        renderPrereqs();
      }
      applyVisibility();
    } else if (el.type === 'checkbox') {
      if (path === 'environments') {
        const set = new Set(state.environments);
        if (el.checked) set.add(el.value); else set.delete(el.value);
        state.environments = [...ENVIRONMENTS.filter((v) => set.has(v)), ...additionalStaging(state)];
      } else {
        setIn(state, path, el.checked);
      }
    } else if (path === 'additional_staging') {
      state.environments = withAdditional(state, el.value);
    } else {
      setIn(state, path, el.value);
    }
    revalidate(!isText);
  }

  function revalidate(now) {
    cancelPending();
    if (now) {
      run();
    } else if (document.hidden) {
      // No frames while hidden (a host's setValue in a background tab): check soon anyway.
      const t = setTimeout(run, 0);
      cancelPending = () => clearTimeout(t);
    } else {
      const f = requestAnimationFrame(() => run(true));
      cancelPending = () => cancelAnimationFrame(f);
    }
  }

  /** Shows every message, moves focus to the summary (errors) or to the ticket (ready). */
  function check() {
    settle(); // the preview it lands on is there
    checked = true;
    cancelPending();
    fullSummary = true;
    run();
    // While the change checks load, the preview says so; Check is done again once they are here.
    const waiting = changeChecks === 'loading' && needsChangeChecks(report);
    checkWhenReady = waiting;
    // The summary (or the ticket) from its heading down, whatever the screen's height: focusing
    // alone scrolls a tall summary only as far as needed, with its heading above the screen.
    const landing = report.valid || !core || waiting ? previewHeading : summary;
    landing.focus({ preventScroll: true });
    landing.scrollIntoView({ block: 'start', behavior: 'auto' });
    return report;
  }

  /** Shows the fields of `next` ('enablement' or 'change'); the other mode's values stay. */
  function setMode(next) {
    const value = next === 'change' ? 'change' : 'enablement';
    for (const r of form.querySelectorAll('input[name="kind"]')) r.checked = r.value === value;
    if (value === mode) return;
    mode = value;
    if (mode === 'change') offerProject();
    const [show, hide] = mode === 'change' ? [changeForm.element, enablementPart] : [enablementPart, changeForm.element];
    hide.replaceWith(show);
    revalidate(true);
  }

  /**
   * A change form not yet typed in starts from the project typed in the enablement: the company,
   * project ID, cloud and region (each only where the enablement has one, never over a lock).
   */
  function offerProject() {
    const now = changeForm.getState();
    const pristine = !now.company && !now.project_id && !now.region
      && now.changes.length === 1 && !now.changes[0].action;
    if (!pristine) return;
    for (const path of ['cloud', 'company', 'project_id', 'region']) {
      const value = state[path];
      if (typeof value === 'string' && value.trim() && !locked.has(path) && value !== now[path]) {
        changeForm.setValue(path, value);
      }
    }
  }

  /** The document of the mode on screen, with the network fields of its cloud: frozen, and
   * the enablement's endpoint services that did not change the same objects as before (the
   * last enablement's services are frozen with the request that holds them). */
  let lastEnablement = null;
  function currentRequest() {
    const doc = mode === 'change' ? changeForm.getRequest() : (lastEnablement = toRequest(state, lastEnablement));
    network.setCloud(doc.cloud);
    return deepFreeze({ ...doc, ...network.toDocument(doc.cloud) });
  }

  let guideTimer = 0;
  let importText = ''; // an imported file's text, until the module has read it
  /** The module's findings on the imported file's text (PL008), each shown until its field is edited. */
  let fileFindings = [];
  /** Drops the file's findings on `path`, on a field inside it, or on the field that holds it. */
  function edited(path) {
    if (!fileFindings.length) return;
    const within = (a, b) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
    fileFindings = fileFindings.filter((d) => !within(d.field, path) && !within(path, d.field));
  }

  /**
   * Checks the request and shows the verdict. `typing`: the next steps and the tracker (far below
   * the field, and the slowest to write for a long request) follow in a task of their own, after
   * the frame that shows the verdict; keys typed meanwhile leave one update for the last.
   */
  function run(typing = false) {
    if (core) settle(); // a verdict places its messages in the whole form
    request = currentRequest();
    if (!core) {
      waitForCore();
      return;
    }
    evidence.update(request);
    let shown = null; // the shown format's ticket, when the core wrote it with the report
    try {
      // One reading and one check for both (a core without checkTicket: two calls).
      if (typeof api.checkTicket === 'function') ({ report, ticket: shown } = api.checkTicket(request, activeFormat));
      else report = api.validate(request);
    } catch (err) {
      report = { valid: false, diagnostics: [failure(err)] };
    }
    // A change request, and the main module has no change checks (PL599): the module that has
    // them loads, and until it has, the form says the checks are loading, as before the first.
    // Should it fail to load, the core's PL599 shows, and each check tries again.
    if (needsChangeChecks(report)) {
      const failed = changeChecks === 'failed';
      loadChangeChecks();
      if (!failed) {
        waitForCore(true);
        return;
      }
    }
    if (importText) {
      fileFindings = safeCall(() => api.textFindings(importText).diagnostics, []) || [];
      importText = '';
    }
    // As the CLI lists them: the file's findings first.
    if (fileFindings.length) report = { ...report, diagnostics: [...fileFindings, ...report.diagnostics] };
    updatePreview(shown);
    showDiagnostics();
    // While an error hides a ticket that was ready, the next steps and the tracker say so.
    const waiting = broken ? BROKEN_WAIT : undefined;
    const [req, rep] = [request, report];
    holdNextSteps(() => tracker.update(req, guidePanel.update(req, rep, waiting), waiting), typing, rep.valid);
    setAttr(wrapper, 'data-valid', String(Boolean(report.valid)));
    // The third argument says whether an edit led to this report (not the module arriving).
    if (typeof options.onReport === 'function') options.onReport(report, request, { edit: !arriving });
  }

  // ---- the next steps and the tracker ----
  // Both follow the guide, which the core writes whole: for 50 endpoint services of 50 ports,
  // 7,700 commands, 50 ms in the core and 15 ms here on each keystroke, against a frame of 16.
  // So a long guide (LARGE_GUIDE) that is not within a screen of the viewport is not written
  // while the user types above it: the update waits until the guide or the tracker comes near
  // (or a download of the guide needs it), or until the typing pauses (HELD_STEPS_MS), so that
  // what a screen reader finds there without scrolling is stale for a moment at most. A short
  // one, or one near the screen, follows each check as before. An error shows at once: it needs
  // no guide.
  let stepsUpdate = null; // the update held back, or null
  const near = new Set(); // the elements of the two that are within a screen of the viewport
  const nearObserver = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) near.add(e.target);
        else near.delete(e.target);
      }
      if (near.size && stepsUpdate) flushNextSteps();
    }, { rootMargin: '100% 0px' })
    : null;
  nearObserver?.observe(guidePanel.element);
  nearObserver?.observe(tracker.element);

  /** Runs `update` (of the next steps) after this frame (`typing`), now, or once they are near. */
  function holdNextSteps(update, typing, valid) {
    clearTimeout(guideTimer);
    stepsUpdate = update;
    if (valid && guidePanel.commands() > LARGE_GUIDE && nearObserver && !near.size) {
      guideTimer = setTimeout(flushNextSteps, HELD_STEPS_MS);
      return;
    }
    if (typing) guideTimer = setTimeout(flushNextSteps, 0);
    else flushNextSteps();
  }

  /** Makes the update of the next steps held back, if any. */
  function flushNextSteps() {
    clearTimeout(guideTimer);
    const update = stepsUpdate;
    stepsUpdate = null;
    if (update) update();
  }

  /** Until the module is there: the form works, and the preview, the next steps and the
   * tracker say the checks join as soon as it is ready (a Check then shows them at once).
   * `change`: the module is there, and the one with the change checks is loading. */
  function waitForCore(change = false) {
    stepsUpdate = null;
    setText(previewStatus, change
      ? 'The checks for change requests are loading: they start in a moment, and what you type is kept.'
      : coreError
        ? 'The checks could not load, so nothing is checked yet: what you type is kept.'
        : 'The checks are loading: they start in a moment, and what you type is kept.');
    showProblems.hidden = true;
    ticketBox.hidden = true;
    setAttr(preview, 'data-state', 'not-ready');
    const waiting = 'The next steps show here once the checks have loaded and the request is ready.';
    guidePanel.update(request, null, waiting);
    tracker.update(null, null, 'The tracker shows here once the checks have loaded and the request is ready.');
  }

  /** Loads the module with the change checks (once per page), then checks again. */
  function loadChangeChecks() {
    if (changeChecks === 'loading') return;
    const retry = changeChecks === 'failed';
    changeChecks = 'loading';
    // No edit led to the report that follows (as for the module arriving): a draft is not saved for it.
    const again = () => {
      if (destroyed) return;
      const checking = checkWhenReady;
      checkWhenReady = false;
      arriving = true;
      try {
        if (checking) check(); // a Check pressed while they loaded: its summary, its focus
        else revalidate(true);
      } finally {
        arriving = false;
      }
    };
    loadEvidence().then(() => {
      changeChecks = 'idle';
      again();
    }, () => {
      changeChecks = 'failed';
      if (!retry) again(); // shows the core's PL599
    });
  }

  let coreError = null;
  let arriving = false; // the report being made is the first of a module that just arrived
  /** The module is there (or another one, as for the evidence checks): the parts that need it
   * fill in, and the form is checked. */
  function setCore(next) {
    if (!next || typeof next.validate !== 'function') throw new TypeError('setCore(core) needs the loaded privatelink-prep module');
    core = withEvidence(next);
    coreError = null;
    fillRegions();
    if (changePart.built()) changeForm.coreReady(); // else it fills its own when it is built
    // The verdict now, its next steps in a task after it, then the rules and "ready" in tasks of
    // their own (a long task blocks the page: Lighthouse's Total Blocking Time).
    arriving = true;
    try {
      run(true);
    } finally {
      arriving = false;
    }
    inTurn(renderAbout);
    inTurn(() => setAttr(wrapper, 'data-checks', 'ready'));
  }
  if (later) {
    given.then(setCore, (err) => {
      coreError = err;
      if (!core) run();
    });
  }

  // ---- diagnostics -----------------------------------------------------------------------------

  /** The element that owns messages for a document path: the path itself or its nearest parent. */
  function resolve(field) {
    for (let path = field; path; path = parentPath(path)) {
      const owner = form.querySelector(`[data-field="${cssEscape(path)}"]`);
      if (owner && !owner.closest('[hidden]')) {
        let controls = [...owner.querySelectorAll('input, select, textarea')].filter((c) => c.name === path);
        if (!controls.length) {
          const first = owner.querySelector('input, select, textarea');
          controls = first ? [first] : [];
        }
        const focusTarget = controls.find((c) => c.checked) || controls[0] || owner.querySelector('button');
        return { owner, path, controls, focusTarget };
      }
    }
    return null;
  }

  /** Whether the user has touched `field` or a field inside it (a row, a list). */
  function isTouched(field) {
    if (!field) return false;
    for (const p of touched) {
      if (p === field || p.startsWith(`${field}.`) || p.startsWith(`${field}[`)) return true;
    }
    return false;
  }

  /** A diagnostic shows beside its field after a Check, on a touched field, and on a field that
   * broke a ticket that was ready (the preview links to it). */
  function visible(d) {
    return checked || isTouched(d.field) || (broken && d.severity === 'error') || fileFindings.includes(d);
  }

  // What the messages show now, so that a run writes only what changed: the boxes with messages
  // (box -> its message elements), the owners given a plp-has-* class, and the controls whose
  // aria-describedby or aria-invalid differ from their base. A rebuilt row brings new elements,
  // which start from their base state; old ones are simply dropped.
  let shownBoxes = new Map();
  let shownOwners = new Map();
  let shownControls = new Set();
  /** The JSON of what each message element shows (a diagnostic, and whether it offers its
   * suggestions): an element whose JSON is unchanged stays as it is, focus and all. */
  const messageKeys = new WeakMap();
  const HAS = ['plp-has-error', 'plp-has-warning', 'plp-has-info'];

  function showDiagnostics() {
    const diagnostics = (report.diagnostics || []).filter(visible);
    openFoldedFor(diagnostics);
    const resolved = new Map(); // field -> target, for this run
    const target = (field) => {
      if (!resolved.has(field)) resolved.set(field, resolve(field));
      return resolved.get(field);
    };
    const boxes = new Map(); // box -> [{ d, target }]
    const owners = new Map(); // element -> Set of plp-has-* classes
    const describedBy = new Map(); // control -> Set of message box ids
    const invalid = new Set();

    const placed = diagnostics.map((d) => {
      const t = target(d.field || '');
      if (!t) return { d, target: null };
      const box = msgBox(t.owner);
      if (!boxes.has(box)) boxes.set(box, []);
      boxes.get(box).push({ d, target: t });
      const owner = box.parentElement;
      if (!owners.has(owner)) owners.set(owner, new Set());
      owners.get(owner).add(`plp-has-${d.severity === 'error' || d.severity === 'warning' ? d.severity : 'info'}`);
      for (const c of t.controls) {
        if (!describedBy.has(c)) describedBy.set(c, new Set());
        describedBy.get(c).add(box.id);
        if (d.severity === 'error') invalid.add(c);
      }
      return { d, target: t };
    });

    for (const box of shownBoxes.keys()) {
      if (!boxes.has(box)) {
        box.replaceChildren();
        box.hidden = true;
      }
    }
    for (const [box, items] of boxes) patchBox(box, items);
    shownBoxes = boxes;

    for (const owner of shownOwners.keys()) if (!owners.has(owner)) owner.classList.remove(...HAS);
    for (const [owner, classes] of owners) {
      for (const c of HAS) if (owner.classList.contains(c) !== classes.has(c)) owner.classList.toggle(c);
    }
    shownOwners = owners;

    const controls = new Set(describedBy.keys());
    for (const c of [...shownControls, ...controls]) {
      const ids = [c.dataset.baseDescribedby, ...(describedBy.get(c) || [])].filter(Boolean).join(' ');
      setAttr(c, 'aria-describedby', ids || null);
      setAttr(c, 'aria-invalid', invalid.has(c) ? 'true' : null);
    }
    shownControls = controls;
    // A collapsed section (the network fields) opens when it holds a message.
    for (const box of boxes.keys()) {
      const details = box.closest('details:not([open])');
      if (details) details.open = true;
    }
    if (checked) renderSummary(inPageOrder(placed));
  }

  /** Shows `items` in `box`: message elements that show the same stay (focus on a suggestion
   * button too); only new or changed ones are built, and only misplaced ones move. */
  function patchBox(box, items) {
    const old = new Map();
    for (const el of box.children) old.set(messageKeys.get(el), el);
    const next = items.map(({ d, target }) => {
      const key = JSON.stringify([d, offersChoices(d, target)]);
      let el = old.get(key);
      if (el) old.delete(key);
      else {
        el = message(d, target);
        messageKeys.set(el, key);
      }
      return el;
    });
    for (const el of old.values()) el.remove();
    let at = box.firstElementChild;
    for (const el of next) {
      if (el === at) at = at.nextElementSibling;
      else box.insertBefore(el, at);
    }
    box.hidden = false;
  }

  /**
   * The diagnostics in the order of their fields on the page (what the user reads top to bottom);
   * those of one field keep the core's order, and those that belong to no field come first.
   */
  function inPageOrder(placed) {
    const at = (p) => (p.target ? p.target.focusTarget || p.target.owner : null);
    return placed.map((p, i) => ({ p, i, el: at(p) })).sort((a, b) => {
      if (a.el === b.el) return a.i - b.i;
      if (!a.el) return -1;
      if (!b.el) return 1;
      const pos = a.el.compareDocumentPosition(b.el);
      if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
      if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
      return a.i - b.i;
    }).map((x) => x.p);
  }

  /** Where a field's messages go: its own box, or (a field of a port row) the row's. */
  function msgBox(owner) {
    return owner.querySelector(':scope > .plp-msgs') || owner.closest('.plp-row').querySelector(':scope > .plp-msgs');
  }

  function message(d, target) {
    const el = h('div', { class: `plp-msg plp-msg-${d.severity}`, 'data-code': d.code, 'data-severity': d.severity, 'data-for': d.field },
      h('p', { class: 'plp-msg-text' },
        h('strong', { class: 'plp-badge' }, SEVERITY_LABEL[d.severity] || d.severity, h('span', { class: 'plp-vh', text: ':' })), ' ',
        h('span', { class: 'plp-msg-message' }, ...messageText(d.message))),
      d.help ? h('p', { class: 'plp-msg-help' }, ...codeText(d.help), d.code ? h('span', { class: 'plp-code', text: ` ${d.code}` }) : null) : null);
    const offers = offersChoices(d, target);
    const choices = offers ? suggestionsOf(d) : [];
    if (choices.length) {
      el.append(...choices.map((choice) => h('button', {
        type: 'button', class: 'plp-button plp-secondary plp-suggest',
        on: { click: () => applySuggestion(d.field, String(choice)) },
      }, `Use ${choice}`)));
    }
    // The core's rows for a value that holds several (a port list): one button splits the row.
    const split = offers ? splitOf(d) : [];
    if (split.length) {
      const names = split.length > 1 ? `${split.slice(0, -1).join(', ')} and ${split[split.length - 1]}` : split[0];
      el.append(h('button', {
        type: 'button', class: 'plp-button plp-secondary plp-suggest',
        on: { click: () => splitRow(d.field, split.map(String)) },
      }, `Split into ports ${names}`));
    }
    return el;
  }

  function suggestionsOf(d) {
    return Array.isArray(d.suggestions) && d.suggestions.length ? d.suggestions
      : d.suggestion !== undefined && d.suggestion !== null ? [d.suggestion] : [];
  }

  /** The rows the core splits a port field into (`split`); none when its list is locked. */
  const splitOf = (d) => (Array.isArray(d.split) && /\]\.port$/.test(d.field)
    && !locked.has(d.field.replace(/\[\d+\]\.port$/, '')) ? d.split : []);

  /** Whether a message offers its suggestions as buttons: on the field's own control, unlocked. */
  function offersChoices(d, target) {
    return (suggestionsOf(d).length > 0 || splitOf(d).length > 0) && Boolean(target)
      && target.controls.some((c) => c.name === d.field) && !locked.has(d.field);
  }

  /** Replaces the port row of `field` (`ports[0].port`) with one copy per port of `ports`. */
  function splitRow(field, ports) {
    const m = /^(.*)\[(\d+)\]\.port$/.exec(field);
    if (!m) return;
    const [base, index] = [m[1], Number(m[2])];
    edited(field);
    if (mode === 'change') changeForm.splitRow(base, index, ports);
    else {
      const list = getIn(state, base);
      const render = rendererFor(base);
      if (!Array.isArray(list) || !list[index] || !render) return;
      fileFindings = [];
      list.splice(index, 1, ...ports.map((port) => ({ ...list[index], port })));
      render();
      revalidate(true);
    }
    form.querySelector(`[name="${cssEscape(field)}"]`)?.focus();
  }

  function applySuggestion(field, value) {
    setValue(field, value);
    const control = form.querySelector(`[name="${cssEscape(field)}"]`);
    if (control) control.focus();
  }

  /**
   * The error summary. A Check rebuilds it; as the user types afterwards it only drops what has
   * been fixed, so a screen reader does not hear the alert again on every keystroke (the inline
   * messages and the preview status stay current).
   */
  function renderSummary(placed) {
    const key = (d) => `${d.severity}|${d.code}|${d.field}`;
    if (fullSummary) {
      fullSummary = false;
      buildSummary(placed);
    } else {
      const live = new Set(placed.map((p) => key(p.d)));
      for (const li of summaryBody.querySelectorAll('li')) {
        if (!live.has(li.dataset.key)) li.remove();
      }
      for (const ul of summaryBody.querySelectorAll('ul')) {
        if (!ul.children.length) ul.remove();
      }
    }
    const errors = summaryBody.querySelectorAll('.plp-summary-list:not(.plp-summary-others) li').length;
    const others = summaryBody.querySelectorAll('.plp-summary-others li').length;
    if (!errors || !others) summaryBody.querySelector('.plp-summary-sub')?.remove();
    summary.hidden = !errors && !others;
    summary.classList.toggle('plp-summary-warn', !errors);
    setText(summaryTitle, errors ? 'There is a problem' : 'Check before you send');

    function buildSummary(list) {
      const errorItems = list.filter((p) => p.d.severity === 'error');
      // Notes (info) say what is sent, e.g. a region code for its name: nothing to act on, so
      // they stay beside their field and out of the summary.
      const otherItems = list.filter((p) => p.d.severity === 'warning');
      const item = (p, withBadge) => {
        const label = withBadge ? `${SEVERITY_LABEL[p.d.severity] || p.d.severity}: ` : '';
        const li = h('li', { class: `plp-summary-${p.d.severity}`, 'data-key': key(p.d) });
        if (p.target && p.target.focusTarget) {
          const field = p.d.field;
          li.append(h('a', {
            href: `#${p.target.focusTarget.id}`, class: 'plp-summary-link',
            on: {
              click: (e) => {
                e.preventDefault();
                const target = resolve(field) || p.target;
                if (target.focusTarget && target.focusTarget.isConnected) focusField(target);
              },
            },
          }, label, ...messageText(p.d.message)));
        } else {
          li.append(label, ...messageText(p.d.message));
          if (p.d.field) li.append(h('span', { class: 'plp-code', text: ` (${p.d.field})` }));
        }
        return li;
      };
      summaryBody.replaceChildren(...[
        errorItems.length ? h('ul', { class: 'plp-summary-list' }, errorItems.map((p) => item(p, false))) : null,
        otherItems.length && errorItems.length ? h('h3', { class: 'plp-summary-sub', text: 'Also check' }) : null,
        otherItems.length ? h('ul', { class: 'plp-summary-list plp-summary-others' }, otherItems.map((p) => item(p, true))) : null,
      ].filter(Boolean));
    }
  }

  function focusField(target) {
    const details = target.owner.closest('details');
    if (details) details.open = true;
    const label = target.owner.querySelector(':scope > legend, :scope > label') || target.owner;
    target.focusTarget.focus({ preventScroll: true });
    label.scrollIntoView({ block: 'start', behavior: 'auto' });
  }

  // ---- preview -----------------------------------------------------------------------------------

  /** `shown`: the ticket of the shown format, if the core has written it already. */
  function updatePreview(shown = null) {
    const diags = report.diagnostics || [];
    const errors = diags.filter((d) => d.severity === 'error').length;
    const warnings = diags.filter((d) => d.severity === 'warning').length;
    tickets = null;
    if (report.valid) {
      try {
        tickets = ticketsOf(request, shown);
        void tickets[activeFormat]; // the shown one now, so a failure is reported with the rest
      } catch (err) {
        tickets = null;
        report = { valid: false, diagnostics: [...diags, failure(err)] };
      }
    }
    broken = wasReady && !tickets;
    renderBroken(diags);
    if (tickets) {
      wasReady = true;
      fillPanel(activeFormat);
      setText(previewStatus, warnings
        ? `Ready to send, with ${plural(warnings, 'warning')} to read.`
        : 'Ready to send.');
      showProblems.hidden = !warnings;
      setText(showProblems, 'Show the warnings');
      ticketBox.hidden = false;
      setAttr(preview, 'data-state', 'ready');
      if (typeof options.onTicket === 'function') options.onTicket(tickets, request);
    } else {
      const n = errors || 1;
      setText(previewStatus, `Not ready: ${plural(n, 'error')} to fix.`);
      showProblems.hidden = false;
      setText(showProblems, 'Show the problems');
      ticketBox.hidden = true;
      setAttr(preview, 'data-state', 'not-ready');
      setText(copyStatus, '');
    }
  }

  /**
   * The tickets of `req`, one property per format, each written by the core on first read: a
   * keystroke writes the shown format only, and the others when a tab, a copy, a download or a
   * listener (`onTicket`) reads them. `shown`: the shown format's, already written.
   */
  function ticketsOf(req, shown) {
    const t = {};
    for (const f of FORMATS) {
      let v = f.key === activeFormat && shown ? shown : undefined;
      Object.defineProperty(t, f.key, { enumerable: true, get: () => (v ??= api.renderTicket(req, f.key)) });
    }
    return t;
  }

  /** Shows the ticket of `format` in its panel (hidden panels are filled when their tab opens). */
  function fillPanel(format) {
    if (!tickets) return;
    const panel = panels[FORMATS.findIndex((f) => f.key === format)];
    const t = tickets[format];
    setText(panel.querySelector('[data-part="subject"]'), t.subject);
    patchBody(panel.querySelector('[data-part="body"]'), t.body);
  }

  /** The errors that hide a ticket that was ready, each a link to its field (in page order). */
  let brokenShown = ''; // the JSON of the errors the broken box lists
  function renderBroken(diags) {
    if (!broken) {
      brokenBox.hidden = true;
      if (brokenShown) brokenBox.replaceChildren();
      brokenShown = '';
      return;
    }
    const errorList = diags.filter((d) => d.severity === 'error');
    const json = JSON.stringify([mode, state.cloud, errorList]); // the labels depend on the cloud
    if (json === brokenShown && brokenBox.firstChild) return;
    brokenShown = json;
    const errors = errorList.map((d) => ({ d, target: resolve(d.field || '') }));
    const items = inPageOrder(errors).map(({ d, target }) => {
      const label = target ? fieldLabel(target) : '';
      const text = [label ? `${label}: ` : '', ...messageText(d.message)];
      if (!target || !target.focusTarget) return h('li', {}, ...text);
      return h('li', {}, h('a', {
        href: `#${target.focusTarget.id}`, class: 'plp-broken-link',
        on: {
          click: (e) => {
            e.preventDefault();
            const now = resolve(d.field || '') || target;
            if (now.focusTarget && now.focusTarget.isConnected) focusField(now);
          },
        },
      }, ...text));
    });
    brokenBox.replaceChildren(
      h('p', { class: 'plp-broken-intro', text: items.length === 1
        ? 'The ticket was ready. It is hidden until this is fixed:'
        : 'The ticket was ready. It is hidden until these are fixed:' }),
      h('ul', { class: 'plp-broken-list' }, items));
    brokenBox.hidden = false;
  }

  /** The visible label of the field a diagnostic resolved to (its label or legend). */
  function fieldLabel(target) {
    const own = target.controls[0] && target.controls[0].labels && target.controls[0].labels[0];
    const legend = target.owner.querySelector(':scope > legend');
    const el = target.owner.matches('fieldset') ? legend : own || legend;
    return el ? el.textContent.trim() : '';
  }

  function selectTab(key, moveFocus) {
    activeFormat = key;
    fillPanel(key);
    tabs.forEach((tab, i) => {
      const on = FORMATS[i].key === key;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
      if (on && moveFocus) tab.focus();
    });
  }

  function onTabKey(e) {
    const i = FORMATS.findIndex((f) => f.key === activeFormat);
    const last = FORMATS.length - 1;
    const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    selectTab(FORMATS[next].key, true);
  }

  async function copy(part) {
    if (!tickets) return;
    const text = tickets[activeFormat][part];
    const format = FORMATS.find((f) => f.key === activeFormat).label.toLowerCase();
    const what = part === 'subject' ? 'subject' : `body (${format})`;
    const ok = await writeClipboard(text, wrapper);
    copyStatus.classList.toggle('plp-status-error', !ok);
    setText(copyStatus, ok ? `Copied the ${what}.` : `Could not copy the ${what}: select it and copy it by hand.`);
  }

  function download(ext) {
    if (!tickets) return;
    let content;
    let mime;
    if (ext === 'json') {
      try {
        content = api.renderTicket(request, 'json').body;
      if (!content.endsWith('\n')) content += '\n';
      } catch (err) {
        copyStatus.classList.add('plp-status-error');
        setText(copyStatus, `Could not write the JSON ticket: ${errorText(err)}`);
        return;
      }
      mime = 'application/json';
    } else {
      const f = FORMATS.find((x) => x.ext === ext);
      content = ticketFile(tickets[f.key]);
      mime = f.mime;
    }
    const name = `privatelink-ticket.${ext}`;
    const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
    const a = h('a', { href: url, download: name, hidden: true });
    wrapper.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    copyStatus.classList.remove('plp-status-error');
    setText(copyStatus, `Downloaded ${name}.`);
  }

  // ---- public handle -------------------------------------------------------------------------------

  function setValue(path, value) {
    if (typeof path === 'string') edited(path);
    if (path === 'kind') {
      if (value !== 'enablement' && value !== 'change') return false;
      setMode(value);
      return true;
    }
    if (typeof path !== 'string') return false;
    // The network fields, then the change form (in its mode), then the enablement values.
    const part = path === 'adobe_endpoint_service' || path.startsWith('customer_network') ? network
      : mode === 'change' ? changeForm : null;
    if (part && part.setValue(path, value)) {
      revalidate(true);
      return true;
    }
    if (part === network || !isControlValue(state, path, value)) return false;
    if (path === 'environments') {
      const list = Array.isArray(value) ? value.map(String) : [];
      state.environments = [...ENVIRONMENTS.filter((e) => list.includes(e)), ...list.filter((e) => !ENVIRONMENTS.includes(e))];
      const extra = enablementPart.querySelector('[name="additional_staging"]');
      if (extra) extra.value = additionalStaging(state).join(', ');
    } else if (path === 'additional_staging') {
      state.environments = withAdditional(state, value ?? '');
    } else if (!setIn(state, path, value)) {
      return false;
    } else if (/^endpoint_services\[\d+\]\.ports\[/.test(path) && folded.has(serviceOf(path))) {
      remakeService(Number(/\d+/.exec(path)[0])); // its summary names the new value
    }
    if (path === 'cloud') {
      renderRegion();
      renderAccount();
      renderServices();
      renderPrereqs();
    }
    applyVisibility();
    for (const c of enablementPart.querySelectorAll(`[name="${cssEscape(path)}"]`)) {
      if (c.type === 'radio') c.checked = c.value === value;
      else if (c.type === 'checkbox') c.checked = path === 'environments' ? state.environments.includes(c.value) : Boolean(value);
      else c.value = String(value ?? '');
    }
    revalidate(true);
    return true;
  }

  /** setValue, and a whole list (ports) given as rows: what an output fills (www/evidence.js). */
  function fillValue(path, value) {
    if (mode !== 'enablement' || locked.has(path)) return false;
    if (isControlValue(state, path, value)) return setValue(path, value);
    const render = rendererFor(path);
    if (!render || !Array.isArray(value) || !Array.isArray(getIn(state, path))) return false;
    const rows = /ports$/.test(path)
      ? value.map((r) => ({ service: String(r?.service ?? ''), port: String(r?.port ?? ''), protocol: r?.protocol === 'udp' ? 'udp' : 'tcp' }))
      : structuredClone(value);
    setIn(state, path, rows);
    folded.delete(serviceOf(path)); // the rows just filled show
    render();
    revalidate(true);
    return true;
  }

  /**
   * Replaces every value with `values` (a partial request document; locked values stay).
   * options.text: the JSON text they were read from (an imported file): what it says that its
   * values cannot (a key given twice, PL008) shows beside those fields until they are edited.
   */
  function load(values, { text = '' } = {}) {
    importText = typeof text === 'string' ? text : '';
    fileFindings = [];
    touched.clear();
    revealLater = false; // a field left by pressing Clear or Import: nothing to show after the press
    wasReady = false;
    const given = partValues(values);
    const next = initialState(given.enablement);
    for (const path of locked) setIn(next, path, getIn(state, path));
    Object.assign(state, next);
    folded = foldedAtLoad();
    renderAll();
    for (const c of enablementPart.querySelectorAll('input[name], select[name]')) {
      const v = getIn(state, c.name);
      if (c.type === 'radio') c.checked = c.value === v;
      else if (c.type === 'checkbox') c.checked = Array.isArray(v) ? v.includes(c.value) : Boolean(v);
      else c.value = String(v ?? '');
    }
    changeForm.setValues(given.change);
    network.setValues(given.network);
    setMode(given.mode);
    revalidate(true);
  }

  // The first screen (the project) now; the rest in turns, from the top down: the hidden
  // sections (Azure's, a bidirectional connection's) last, or when they show (applyVisibility).
  applyVisibility();
  inTurn(() => {
    slots.region.before(choiceGroup('radio', 'cloud', labelOf('cloud'),
      'The cloud your Adobe Commerce project runs on; your own account must be on the same one.',
      [['aws', 'AWS (PrivateLink)'], ['azure', 'Azure (Private Link)']], (v) => state.cloud === v));
    renderUnmade(slots.region, renderRegion);
    renderUnmade(slots.account, renderAccount);
  });
  inTurn(() => {
    slots.ports.before(choiceGroup('radio', 'connection_type', labelOf('connection_type'), '', [
      ['unidirectional', 'Unidirectional', 'Your network connects to services in Adobe’s network. One connection.'],
      ['bidirectional', 'Bidirectional', 'Adobe also connects to endpoint services in your network. Two connections.'],
    ], (v) => state.connection_type === v));
    renderUnmade(slots.ports, renderPorts);
  });
  inTurn(network.build);
  inTurn(() => wrapper.append(preview));
  inTurn(() => wrapper.append(guidePanel.element, tracker.element, about));
  inTurn(changePart.build);
  inTurn(() => {
    renderUnmade(slots.services, renderServices);
    renderUnmade(slots.prereqs, renderPrereqs);
    renderUnmade(slots.subscriptions, renderSubscriptions);
  });
  root.append(wrapper);
  run();

  const stateRest = () => ({ mode, change: changeForm.getState(), network: network.getState() });
  return {
    element: wrapper,
    getRequest: () => structuredClone(currentRequest()), // the host's own copy, to change if it likes
    getReport: () => report,
    getTickets: () => tickets,
    // The enablement values, with the mode, the change form and the network fields beside them.
    getState: () => ({ ...structuredClone(state), ...stateRest() }),
    // The same values uncopied, for a caller that only writes them out at once (a draft save:
    // copying 500 endpoint services of 50 ports took 16 ms).
    [LIVE_STATE]: () => ({ ...state, ...stateRest() }),
    // What is on screen beyond the values: whether the messages show, and the ticket tab.
    // (and which fields were touched, and whether the ticket was ready).
    getView: () => ({ messages: checked, format: activeFormat, touched: [...touched], wasReady }),
    load,
    setValue,
    check,
    setCore,
    /** True once the module is there and the form is checked. */
    isChecking: () => Boolean(core),
    destroy() {
      destroyed = true;
      turns.length = 0;
      clearTimeout(turnTimer);
      cancelPending();
      clearTimeout(guideTimer);
      nearObserver?.disconnect();
      document.removeEventListener('pointerup', pressEnded, true);
      document.removeEventListener('pointercancel', pressEnded, true);
      wrapper.remove();
    },
  };
}

// ---- helpers ------------------------------------------------------------------------------------

/** Before the module: its labels (the core's, generated into www/core-labels.js), no regions or
 * rules; anything else is not called (the form waits for the module to check). */
const BEFORE_CORE = {
  labels: (cloud) => ({ ...CORE_LABELS[cloud === 'azure' ? 'azure' : 'aws'] }),
  regions: () => [],
  rules: () => [],
  version: () => '',
};

/**
 * The core as the form's parts call it: `current()`'s functions, or BEFORE_CORE's while it is
 * null (another name throws). Never a thenable, so it is not mistaken for a promise.
 */
function coreFront(current) {
  return /** @type {any} */ (new Proxy({}, {
    get(_, name) {
      if (name === 'then') return undefined;
      const core = current();
      if (core) return core[name];
      if (typeof name === 'string' && Object.hasOwn(BEFORE_CORE, name)) return BEFORE_CORE[name];
      return () => { throw new Error('The checks are still loading.'); };
    },
  }));
}

/**
 * A part of the form built on first use: `part` stands for `create()`'s object (reading any of its
 * properties builds it), `build()` builds it now, `built()` says whether it is.
 */
function onFirstUse(create) {
  let made = null;
  const build = () => (made ??= create());
  return {
    part: /** @type {any} */ (new Proxy({}, { get: (_, name) => build()[name] })),
    build,
    built: () => made !== null,
  };
}

/**
 * What each part of the form starts from, given a request document (of either kind) or a
 * getState() snapshot ({ ...enablement values, mode, change, network }).
 */
function partValues(values) {
  const v = values || {};
  const isChange = v.kind === 'change';
  return {
    mode: isChange || v.mode === 'change' ? 'change' : 'enablement',
    enablement: isChange ? {} : v,
    change: v.change || (isChange ? v : {}),
    network: v.network || v,
  };
}

/** The text of a downloaded .txt/.md ticket, as the core writes it (the subject line, escaped in
 * Markdown, a blank line, the body), ending with a line break. */
export function ticketFile(ticket) {
  return `${ticket.file}${ticket.file.endsWith('\n') ? '' : '\n'}`;
}

function safeCall(fn, fallback) {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function failure(err) {
  return {
    code: '', severity: 'error', field: '',
    message: `The checker could not read the request: ${errorText(err)}`,
    help: 'Reload the page; if it happens again, report it with the request you typed.',
  };
}

function errorText(err) {
  return err && err.message ? err.message : String(err);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** The most lines in one piece of a ticket body (see patchBody). */
const BODY_PIECE_LINES = 40;

/**
 * The pieces a ticket body is shown in: its paragraphs (each with the blank lines after it), a
 * long one cut every BODY_PIECE_LINES lines. Joined, they are the body; cut at paragraphs, a line
 * typed in one leaves the pieces of the others as they were.
 */
export function bodyPieces(body) {
  const out = [];
  let start = 0; // where the piece being cut starts
  let lines = 0; // its lines so far
  for (let at = 0; at < body.length;) {
    const nl = body.indexOf('\n', at);
    const end = nl < 0 ? body.length : nl + 1; // the end of the line that starts at `at`
    const blank = nl === at;
    at = end;
    lines++;
    // A blank line followed by a line of text ends a paragraph.
    if ((blank && end < body.length && body.charCodeAt(end) !== 10) || lines >= BODY_PIECE_LINES) {
      out.push(body.slice(start, end));
      start = end;
      lines = 0;
    }
  }
  if (start < body.length) out.push(body.slice(start));
  return out;
}

/**
 * Shows `body` in `pre` in place: one inline-block per piece (bodyPieces), and only the pieces
 * that differ from the ones shown are written. The browser then lays out only those, where one
 * text node of a long ticket (2,700 lines for 50 endpoint services of 50 ports) is laid out whole
 * on every keystroke (15 ms against 2 ms, measured). An inline-block a line wide, at the top of
 * its line, shows its text as the one text node did, and adds nothing to textContent or innerText.
 */
function patchBody(pre, body) {
  const pieces = bodyPieces(body);
  const shown = [...pre.children];
  // The texts written last time, compared with rather than read back from the page (reading
  // each piece's textContent copies the whole body: 650,000 characters for 500 services).
  let was = shownPieces.get(pre);
  if (shown.length !== pre.childNodes.length || !was || was.length !== shown.length) {
    pre.replaceChildren(); // not the pieces written here (never so today): start over
    shown.length = 0;
    was = [];
  }
  let start = 0;
  while (start < shown.length && start < pieces.length && was[start] === pieces[start]) start++;
  let end = 0;
  while (end < shown.length - start && end < pieces.length - start
    && was[shown.length - 1 - end] === pieces[pieces.length - 1 - end]) end++;
  const at = shown[shown.length - end] || null;
  const old = shown.slice(start, shown.length - end);
  const next = pieces.slice(start, pieces.length - end);
  next.forEach((text, i) => {
    if (i < old.length) {
      if (was[start + i] !== text) old[i].textContent = text;
    } else {
      pre.insertBefore(bodyPiece(text), at);
    }
  });
  for (const el of old.slice(next.length)) el.remove();
  shownPieces.set(pre, pieces);
}

/** The pieces each ticket body shows, as patchBody wrote them. */
const shownPieces = new WeakMap();

/** One piece of a ticket body (style.css lays it out as a line-wide inline-block). */
function bodyPiece(text) {
  return h('span', { text });
}

/** Sets (or, for null, removes) an attribute only when it differs: no needless style work. */
function setAttr(el, name, value) {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

function cssEscape(s) {
  return globalThis.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\\]\[]/g, '\\$&');
}

/** Clipboard API first; a hidden textarea and execCommand('copy') when it is missing or refused. */
export async function writeClipboard(text, container) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path
  }
  const active = container.getRootNode().activeElement || document.activeElement;
  const area = h('textarea', { class: 'plp-offscreen', readonly: true, 'aria-hidden': 'true', tabindex: '-1' });
  area.value = text;
  container.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  if (active && typeof active.focus === 'function') active.focus();
  return ok;
}
