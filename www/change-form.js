// The "Change an existing setup" part of the form: the fields of a change document
// (`{"kind": "change", company, cloud, region, project_id, changes: [...]}`), one row per change
// with the fields of its action. The verdicts stay the core's: this module only builds the
// document and renders controls in the markup the form's diagnostics use (see fields.js).
//
//   const part = createChangeForm({ api, idFor, values, onEdit });
//   form.append(part.element);   // while the change mode is on
//   part.getRequest();           // the change document
//
// Edits are handled here (the element listens to its own input and change events) and reported
// with onEdit(immediate): true for a choice, false for typing (the form debounces).

import { h, getIn, setIn, isControlValue } from './dom.js';
import { fieldKit, rowFocus, readEdit } from './fields.js';
import { fieldLabels } from './labels.js';
import { cloudWords, principalCopy } from './words.js';


/** The actions of a change, in the order the select offers them. */
export const ACTIONS = [
  'add_environment', 'remove_connection', 'change_account', 'add_endpoint_service', 'remove_endpoint_service',
  'open_ports', 'close_ports',
];
/** The environments the checkboxes offer; any other (an additional staging ID) is typed. */
const BASE_ENVS = ['production', 'staging'];
/** The actions that take `environments` (none ticked: every environment connected today). */
const SCOPED = ['add_endpoint_service', 'remove_endpoint_service', 'open_ports', 'close_ports'];

const emptyPort = () => ({ service: '', port: '', protocol: 'tcp' });

/** One change row: the fields of every action, so switching the action keeps what was typed. */
export function emptyChange(action = '') {
  return {
    action,
    environment: '',
    from_account_id: '',
    to_account_id: '',
    name: '',
    ports: [emptyPort()],
    principal_allowed: false,
    environments: [],
  };
}

/** The change form's starting values; `values` (part of a change document) overrides them. */
export function initialChangeState(values = {}) {
  const v = values || {};
  const text = (x) => (x === undefined || x === null ? '' : x);
  const state = {
    company: text(v.company),
    cloud: v.cloud === 'azure' ? 'azure' : 'aws',
    region: text(v.region),
    project_id: text(v.project_id),
    changes: [emptyChange()],
  };
  if (Array.isArray(v.changes) && v.changes.length) {
    state.changes = v.changes.map((c) => {
      const row = emptyChange();
      for (const [key, value] of Object.entries(c && typeof c === 'object' ? c : {})) {
        if (!(key in row) || value === undefined || value === null) continue;
        if (key === 'ports') {
          row.ports = Array.isArray(value)
            ? value.map((p) => ({ ...emptyPort(), ...(p && typeof p === 'object' ? p : {}) }))
            : row.ports;
        } else {
          row[key] = structuredClone(value);
        }
      }
      return row;
    });
  }
  return state;
}

/** The change document: each change carries only the fields of its action. */
export function toChangeRequest(state) {
  const ports = (list) => list.map((p) => ({ service: p.service, port: p.port, protocol: p.protocol }));
  const scoped = (c, doc) => {
    const envs = Array.isArray(c.environments) ? c.environments : [];
    return SCOPED.includes(c.action) && envs.length ? { ...doc, environments: [...envs] } : doc;
  };
  const change = (c) => {
    switch (c.action) {
      case 'add_environment':
      case 'remove_connection':
        return { action: c.action, environment: c.environment };
      case 'change_account':
        return { action: c.action, from_account_id: c.from_account_id, to_account_id: c.to_account_id };
      case 'add_endpoint_service':
        // Adobe's principal is AWS only: on Azure, Adobe names its subscription after the ticket.
        return scoped(c, state.cloud === 'azure'
          ? { action: c.action, name: c.name, ports: ports(c.ports) }
          : { action: c.action, name: c.name, ports: ports(c.ports), principal_allowed: Boolean(c.principal_allowed) });
      case 'remove_endpoint_service':
        return scoped(c, { action: c.action, name: c.name });
      case 'open_ports':
      case 'close_ports':
        // Without a name, the ports are on Adobe's side.
        return scoped(c, String(c.name || '').trim()
          ? { action: c.action, name: c.name, ports: ports(c.ports) }
          : { action: c.action, ports: ports(c.ports) });
      default:
        return { action: c.action };
    }
  };
  return {
    version: 1,
    kind: 'change',
    company: state.company,
    cloud: state.cloud,
    region: state.region,
    project_id: state.project_id,
    changes: state.changes.map(change),
  };
}

/** Cloud-dependent wording of the change form (www/words.js: what the enablement form says too);
 * `account` is the core's label of the account on `cloud`. */
function words(cloud, account) {
  const azure = cloud === 'azure';
  const shared = cloudWords(cloud);
  return {
    ...shared,
    actions: {
      '': 'Choose a change',
      add_environment: 'Connect another environment (e.g. Staging after Production)',
      remove_connection: 'Remove the connection from an environment',
      change_account: `Change the ${account} allowed to connect`,
      add_endpoint_service: azure ? 'Add a Private Link service for Adobe to connect to' : 'Add an endpoint service for Adobe to connect to',
      remove_endpoint_service: azure ? 'Remove a Private Link service Adobe connects to' : 'Remove an endpoint service Adobe connects to',
      open_ports: 'Open ports (on Adobe’s side or on one of your services)',
      close_ports: 'Close ports (on Adobe’s side or on one of your services)',
    },
    portsServiceHint: azure
      ? 'Leave it empty for ports in the Adobe Commerce environments; give the resource ID of one of your Private Link services for ports Adobe connects to on it.'
      : 'Leave it empty for ports in the Adobe Commerce environments; give the name of one of your endpoint services for ports Adobe connects to on it.',
    fromHint: azure
      ? 'The subscription that connects to Adobe now, as 8-4-4-4-12 hexadecimal digits.'
      : 'The 12 digits of the AWS account that connects to Adobe now.',
    toHint: azure
      ? 'The subscription that must connect from now on; `az account show --query id` prints the current one.'
      : 'The 12 digits of the account that must connect from now on; `aws sts get-caller-identity` prints the current one.',
    removeServiceHint: azure
      ? 'The alias or resource ID of the Private Link service Adobe connects to today.'
      : 'The name of the endpoint service Adobe connects to today, com.amazonaws.vpce.<region>.vpce-svc-….',
    principalHint: 'Add it under Allow principals in the VPC console, or with the AWS CLI.',
    regionHint: azure
      ? 'The Azure region of your Adobe Commerce environment, e.g. eastus or westeurope. Type a code or a name and pick from the list.'
      : 'The AWS region of your Adobe Commerce environment, e.g. us-east-1 or eu-west-1. Type a code or a name and pick from the list.',
  };
}

/** The fields a host page may lock (set for the user) in a change request. */
const LOCKABLE = ['company', 'cloud', 'region', 'project_id'];

/**
 * Renders the change part of the form.
 * options.api: the loaded core (regions()); options.idFor(path): the form's id for a path;
 * options.values: a change document to start from; options.onEdit(immediate): after each edit;
 * options.locked, options.lockedValues, options.lockNote: paths a host page sets (company,
 * cloud, region, project_id), their values, and the note shown under them; options.copy(text,
 * container): the form's clipboard writer (Copy Adobe's principal).
 * Returns { element, getRequest, getState, setValue, setValues }.
 * @param {{ api: any, idFor: (path: string) => string, values?: any, onEdit?: (immediate: boolean) => void,
 *   locked?: Set<string>, lockedValues?: any, lockNote?: string,
 *   copy?: (text: string, container: Element) => Promise<boolean> }} options
 */
export function createChangeForm({
  api, idFor, values, onEdit = (_immediate) => {}, locked = new Set(), lockedValues = {}, lockNote = '',
  copy = async () => false,
}) {
  const locks = new Set(LOCKABLE.filter((p) => locked.has(p)));
  const withLocks = (doc) => {
    const out = { ...(doc || {}) };
    for (const p of locks) out[p] = lockedValues ? lockedValues[p] : undefined;
    return out;
  };
  let state = initialChangeState(withLocks(values));
  const extra = /^changes\[(\d+)\]\.additional_staging$/; // a change's additional staging IDs
  const get = (path) => {
    const m = extra.exec(path);
    return m ? (state.changes[Number(m[1])]?.environments || []).filter((v) => !BASE_ENVS.includes(v)).join(', ')
      : getIn(state, path);
  };
  const kit = fieldKit({ idFor, get, locked: locks, lockNote });
  /** The core's label of a document path on the current cloud (src/labels.rs). */
  const labelOf = (path) => fieldLabels(api, state.cloud)(path);
  const wordsNow = () => words(state.cloud, labelOf('account_id'));
  const slots = {
    region: h('div', { class: 'plp-slot' }),
    changes: h('div', { class: 'plp-slot' }),
  };
  const regionList = h('datalist', { id: `${idFor('change')}-regions` });

  const cloudGroup = () => kit.choiceGroup('radio', 'cloud', labelOf('cloud'),
    'The cloud your Adobe Commerce project runs on.',
    [['aws', 'AWS (PrivateLink)'], ['azure', 'Azure (Private Link)']], (v) => state.cloud === v);

  const projectSection = h('section', { class: 'plp-section', 'aria-labelledby': `${idFor('change')}-h-project` },
    h('h2', { class: 'plp-h2', id: `${idFor('change')}-h-project`, text: 'Your project' }),
    h('p', { class: 'plp-section-intro', text: 'The project whose PrivateLink setup is already in place.' }),
    h('div', { class: 'plp-slot', 'data-slot': 'project' }));
  const changesSection = h('section', { class: 'plp-section', 'aria-labelledby': `${idFor('change')}-h-changes` },
    h('h2', { class: 'plp-h2', id: `${idFor('change')}-h-changes`, text: 'What changes' }),
    h('p', { class: 'plp-section-intro', text: 'One row per change. Support makes every change of the ticket; the ticket lists them one a line.' }),
    slots.changes);
  const element = h('div', { class: 'plp-mode-part plp-change-form', 'data-mode': 'change' },
    projectSection, changesSection, regionList);
  const focus = rowFocus(element);

  function renderProject() {
    projectSection.querySelector('[data-slot="project"]').replaceChildren(
      kit.textField('company', labelOf('company'),
        'As in your Adobe support contract; the ticket subject reads “PrivateLink change for” this name.',
        { width: 'plp-w-36', autocomplete: 'organization' }),
      kit.textField('project_id', labelOf('project_id'),
        '13 lowercase letters and digits, as in the address of the project in the Cloud Console.', { width: 'plp-w-16' }),
      cloudGroup(),
      slots.region);
  }

  function renderRegion() {
    const w = wordsNow();
    slots.region.replaceChildren(kit.textField('region', labelOf('region'), w.regionHint, { width: 'plp-w-24', list: regionList.id }));
    fillRegions();
  }

  function fillRegions() {
    const regions = safe(() => api.regions(state.cloud), []);
    regionList.replaceChildren(...regions.map((r) => h('option', {
      value: r.code, label: r.restricted ? `${r.name} (restricted access)` : r.name,
    })));
  }

  /** The environments a change applies to (none ticked and none named: all), additional staging
   * environments by ID as in the enablement form. */
  function scopeGroup(i) {
    const p = `changes[${i}].environments`;
    const group = kit.choiceGroup('checkbox', p, labelOf(p),
      'Tick the environments this change is for; with none ticked or named it is for every environment connected today.',
      [['production', 'Production'], ['staging', 'Staging']], (v) => (state.changes[i].environments || []).includes(v));
    return [group, kit.textField(`changes[${i}].additional_staging`, labelOf(`${p}(additional)`),
      'The ID of each additional staging environment this change is for, as the Cloud Console shows it, e.g. staging2; separate several with commas.',
      { width: 'plp-w-24' })];
  }

  function portList(base, changeNo) {
    const list = get(base);
    const rows = h('div', { class: 'plp-rows' });
    list.forEach((_, i) => {
      const p = `${base}[${i}]`;
      rows.append(h('fieldset', { class: 'plp-row plp-port-row', 'data-field': p },
        h('legend', { class: 'plp-row-title', text: labelOf(p) }),
        kit.msgsFor(p),
        h('div', { class: 'plp-row-grid' },
          kit.textField(`${p}.service`, labelOf(`${p}.service`), '', { width: 'plp-w-full', inRow: true }),
          kit.textField(`${p}.port`, labelOf(`${p}.port`), '', { width: 'plp-w-8', inputmode: 'numeric', inRow: true }),
          kit.selectField(`${p}.protocol`, labelOf(`${p}.protocol`), [['tcp', 'TCP'], ['udp', 'UDP']], '', true),
          h('div', { class: 'plp-row-action' },
            kit.removeButton(`port ${i + 1}`, ` of change ${changeNo}`, () => removeRow(base, i))))));
    });
    return h('fieldset', { class: 'plp-field plp-list', 'data-field': base, 'data-list': base },
      h('legend', { class: 'plp-label', text: labelOf(base) }),
      kit.hintFor(base, 'The listener ports Adobe connects to on this service.'),
      kit.msgsFor(base),
      rows,
      kit.addButton(list.length ? 'Add another port' : 'Add a port', () => addRow(base, emptyPort())));
  }

  /** The fields of the chosen action of change `i`. */
  function actionFields(i) {
    const w = wordsNow();
    const p = `changes[${i}]`;
    switch (state.changes[i].action) {
      case 'add_environment':
        return [kit.textField(`${p}.environment`, labelOf(`${p}.environment(add_environment)`),
          'production, staging, or an additional staging environment’s ID as the Cloud Console shows it, e.g. staging2. It gets the setup the connected environments have.',
          { width: 'plp-w-24' })];
      case 'remove_connection':
        return [kit.choiceGroup('radio', `${p}.environment`, labelOf(`${p}.environment(remove_connection)`), '',
          [['production', 'Production'], ['staging', 'Staging']], (v) => state.changes[i].environment === v)];
      case 'change_account':
        return [
          kit.textField(`${p}.from_account_id`, labelOf(`${p}.from_account_id`), w.fromHint, { width: w.accountWidth }),
          kit.textField(`${p}.to_account_id`, labelOf(`${p}.to_account_id`), w.toHint, { width: w.accountWidth }),
        ];
      case 'add_endpoint_service':
        return [
          kit.textField(`${p}.name`, labelOf(`${p}.name`), w.serviceHint, { width: 'plp-w-full' }),
          portList(`${p}.ports`, i + 1),
          // AWS: the principal grant; on Azure a note of what follows the ticket instead.
          state.cloud === 'azure'
            ? h('p', { class: 'plp-hint', 'data-note': 'azure-access', text: w.accessNote })
            : kit.checkbox(`${p}.principal_allowed`, labelOf(`${p}.principal_allowed`), w.principalHint),
          principalCopy(state.cloud, copy, () => element),
          ...scopeGroup(i),
        ];
      case 'remove_endpoint_service':
        return [kit.textField(`${p}.name`, labelOf(`${p}.name`), w.removeServiceHint, { width: 'plp-w-full' }), ...scopeGroup(i)];
      case 'open_ports':
      case 'close_ports':
        return [
          kit.textField(`${p}.name`, labelOf(`${p}.name(ports)`), w.portsServiceHint, { width: 'plp-w-full' }),
          portList(`${p}.ports`, i + 1),
          ...scopeGroup(i),
        ];
      default:
        return [];
    }
  }

  function changeRow(i) {
    const w = wordsNow();
    const p = `changes[${i}]`;
    const fields = h('div', { class: 'plp-change-fields', 'data-fields-of': p }, actionFields(i));
    return h('fieldset', { class: 'plp-row plp-change', 'data-field': p },
      h('legend', { class: 'plp-row-title', text: labelOf(p) }),
      kit.msgsFor(p),
      kit.selectField(`${p}.action`, labelOf(`${p}.action`), ['', ...ACTIONS].map((a) => [a, w.actions[a]])),
      fields,
      h('div', { class: 'plp-row-action' }, kit.removeButton('this change', ` (change ${i + 1})`, () => removeRow('changes', i))));
  }

  function renderChanges() {
    const rows = h('div', { class: 'plp-rows' }, state.changes.map((_, i) => changeRow(i)));
    slots.changes.replaceChildren(h('div', { class: 'plp-field plp-list', 'data-field': 'changes', 'data-list': 'changes' },
      kit.msgsFor('changes'),
      rows,
      kit.addButton(state.changes.length ? 'Add another change' : 'Add a change', () => addRow('changes', emptyChange()))));
  }

  function renderActionFields(i) {
    const box = element.querySelector(`[data-fields-of="changes[${i}]"]`);
    if (box) box.replaceChildren(...actionFields(i));
  }

  function renderAll() {
    renderProject();
    renderRegion();
    renderChanges();
  }

  function addRow(base, item) {
    const list = get(base);
    list.push(item);
    renderChanges();
    focus.added(base, list.length - 1);
    onEdit(true);
  }

  /** Replaces port row `index` of `base` with one copy per port of `ports` (a split port list). */
  function splitRow(base, index, ports) {
    const list = get(base);
    if (!Array.isArray(list) || !list[index]) return;
    list.splice(index, 1, ...ports.map((port) => ({ ...list[index], port })));
    renderChanges();
    onEdit(true);
  }

  function removeRow(base, index) {
    const list = get(base);
    list.splice(index, 1);
    renderChanges();
    focus.removed(base, index, list.length);
    onEdit(true);
  }

  /** Re-renders what depends on `path` after its value changed. */
  function after(path) {
    if (path === 'cloud') {
      renderRegion();
      renderChanges();
    } else {
      const m = /^changes\[(\d+)\]\.action$/.exec(path);
      if (m) renderActionFields(Number(m[1]));
    }
  }

  function handle(e) {
    const edit = readEdit(e);
    if (!edit || !element.contains(/** @type {Node} */ (e.target)) || locks.has(edit.path)) return;
    const named = extra.exec(edit.path);
    if (named) {
      // The additional staging IDs, typed: the ticked Production and Staging stay.
      const row = state.changes[Number(named[1])];
      row.environments = BASE_ENVS.filter((v) => (row.environments || []).includes(v))
        .concat(String(edit.value).split(/[\s,]+/).filter(Boolean));
      onEdit(false);
      return;
    }
    const scope = /^changes\[(\d+)\]\.environments$/.exec(edit.path);
    if (scope) {
      // A checkbox of the environments group: toggle its environment in the list.
      const row = state.changes[Number(scope[1])];
      const value = /** @type {HTMLInputElement} */ (e.target).value;
      const set = new Set(row.environments || []);
      if (edit.value) set.add(value); else set.delete(value);
      row.environments = BASE_ENVS.filter((v) => set.has(v)).concat([...set].filter((v) => !BASE_ENVS.includes(v)));
      onEdit(true);
      return;
    }
    if (!setIn(state, edit.path, edit.value)) return;
    after(edit.path);
    onEdit(edit.immediate);
  }
  element.addEventListener('input', handle);
  element.addEventListener('change', handle);

  function setValue(path, value) {
    if (!isControlValue(state, path, value) || !setIn(state, path, value)) return false;
    if (path === 'cloud' || /^changes\[\d+\]\.action$/.test(path)) {
      after(path);
    }
    for (const c of /** @type {NodeListOf<HTMLInputElement>} */ (element.querySelectorAll('input, select'))) {
      if (c.name !== path) continue;
      if (c.type === 'radio') c.checked = c.value === value;
      else if (c.type === 'checkbox') c.checked = Boolean(value);
      else c.value = String(value ?? '');
    }
    return true;
  }

  renderAll();

  return {
    element,
    getRequest: () => toChangeRequest(state),
    getState: () => structuredClone(state),
    setValue,
    splitRow,
    /** The module has loaded: the region field's list gets the core's regions. */
    coreReady: fillRegions,
    /** Replaces every value (a change document; locked values stay) and re-renders. */
    setValues(doc) {
      state = initialChangeState(withLocks(doc));
      renderAll();
    },
  };
}

function safe(fn, fallback) {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
