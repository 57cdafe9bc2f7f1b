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

import { h, getIn, setIn } from './dom.js';
import { fieldKit, rowFocus, readEdit } from './fields.js';
import { cloudWords, principalCopy } from './words.js';


/** The actions of a change, in the order the select offers them. */
export const ACTIONS = [
  'add_environment', 'remove_connection', 'change_account', 'add_endpoint_service', 'remove_endpoint_service',
  'open_ports', 'close_ports',
];

/** The actions that may name the environments they apply to (none named: every environment). */
const SCOPED = new Set(['add_endpoint_service', 'remove_endpoint_service', 'open_ports', 'close_ports']);
const ENVIRONMENTS = ['production', 'staging'];

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
  // The environments a change names, only when it names some (none: every environment).
  const scope = (c) => {
    const envs = ENVIRONMENTS.filter((e) => (c.environments || []).includes(e));
    return envs.length ? { environments: envs } : {};
  };
  const change = (c) => ({ ...fields(c), ...(SCOPED.has(c.action) ? scope(c) : {}) });
  const fields = (c) => {
    switch (c.action) {
      case 'add_environment':
      case 'remove_connection':
        return { action: c.action, environment: c.environment };
      case 'open_ports':
      case 'close_ports':
        // Without a name, the ports are on Adobe's side.
        return { action: c.action, ...(c.name.trim() ? { name: c.name } : {}), ports: ports(c.ports) };
      case 'change_account':
        return { action: c.action, from_account_id: c.from_account_id, to_account_id: c.to_account_id };
      case 'add_endpoint_service':
        return {
          action: c.action, name: c.name, ports: ports(c.ports),
          ...(state.cloud === 'azure' ? {} : { principal_allowed: Boolean(c.principal_allowed) }),
        };
      case 'remove_endpoint_service':
        return { action: c.action, name: c.name };
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

/** Cloud-dependent wording of the change form (www/words.js: what the enablement form says too). */
function words(cloud) {
  const azure = cloud === 'azure';
  const shared = cloudWords(cloud);
  const { account } = shared;
  return {
    ...shared,
    actions: {
      '': 'Choose a change',
      add_environment: 'Connect another environment',
      open_ports: 'Open ports',
      close_ports: 'Close ports',
      remove_connection: 'Remove the connection from an environment',
      change_account: `Change the ${account} allowed to connect`,
      add_endpoint_service: azure ? 'Add a Private Link service for Adobe to connect to' : 'Add an endpoint service for Adobe to connect to',
      remove_endpoint_service: azure ? 'Remove a Private Link service Adobe connects to' : 'Remove an endpoint service Adobe connects to',
    },
    fromLabel: `${account} allowed today`,
    fromHint: azure
      ? 'The subscription that connects to Adobe now, as 8-4-4-4-12 hexadecimal digits.'
      : 'The 12 digits of the AWS account that connects to Adobe now.',
    toLabel: `New ${account}`,
    toHint: azure
      ? 'The subscription that must connect from now on; `az account show --query id` prints the current one.'
      : 'The 12 digits of the account that must connect from now on; `aws sts get-caller-identity` prints the current one.',
    removeServiceHint: azure
      ? 'The alias or resource ID of the Private Link service Adobe connects to today.'
      : 'The name of the endpoint service Adobe connects to today, com.amazonaws.vpce.<region>.vpce-svc-….',
    principalHint: azure
      ? 'Make the Private Link service visible to Adobe and approve its connection, or the connection cannot be added.'
      : 'Add it under Allow principals in the VPC console, or with `aws ec2 modify-vpc-endpoint-service-permissions --add-allowed-principals`.',
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
  const get = (path) => getIn(state, path);
  const kit = fieldKit({ idFor, get, locked: locks, lockNote });
  const slots = {
    region: h('div', { class: 'plp-slot' }),
    changes: h('div', { class: 'plp-slot' }),
  };
  const regionList = h('datalist', { id: `${idFor('change')}-regions` });

  const cloudGroup = () => kit.choiceGroup('radio', 'cloud', 'Cloud platform',
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
      kit.textField('company', 'Company name',
        'As in your Adobe support contract; the ticket subject reads “PrivateLink change for” this name.',
        { width: 'plp-w-36', autocomplete: 'organization' }),
      kit.textField('project_id', 'Adobe Commerce project ID',
        '13 lowercase letters and digits. `magento-cloud project:info` prints it.', { width: 'plp-w-16' }),
      cloudGroup(),
      slots.region);
  }

  function renderRegion() {
    const w = words(state.cloud);
    slots.region.replaceChildren(kit.textField('region', 'Region', w.regionHint, { width: 'plp-w-24', list: regionList.id }));
    const regions = safe(() => api.regions(state.cloud), []);
    regionList.replaceChildren(...regions.map((r) => h('option', {
      value: r.code, label: r.restricted ? `${r.name} (restricted access)` : r.name,
    })));
  }

  function portList(base, changeNo) {
    const list = get(base);
    const rows = h('div', { class: 'plp-rows' });
    list.forEach((_, i) => {
      const p = `${base}[${i}]`;
      rows.append(h('fieldset', { class: 'plp-row plp-port-row', 'data-field': p },
        h('legend', { class: 'plp-row-title', text: `Port ${i + 1}` }),
        kit.msgsFor(p),
        h('div', { class: 'plp-row-grid' },
          kit.textField(`${p}.service`, 'Service', '', { width: 'plp-w-full', inRow: true }),
          kit.textField(`${p}.port`, 'Port', '', { width: 'plp-w-8', inputmode: 'numeric', inRow: true }),
          kit.selectField(`${p}.protocol`, 'Protocol', [['tcp', 'TCP'], ['udp', 'UDP']], '', true),
          h('div', { class: 'plp-row-action' },
            kit.removeButton(`port ${i + 1}`, ` of change ${changeNo}`, () => removeRow(base, i))))));
    });
    return h('fieldset', { class: 'plp-field plp-list', 'data-field': base, 'data-list': base },
      h('legend', { class: 'plp-label', text: 'Ports of this service' }),
      kit.hintFor(base, 'The listener ports Adobe connects to on this service.'),
      kit.msgsFor(base),
      rows,
      kit.addButton(list.length ? 'Add another port' : 'Add a port', () => addRow(base, emptyPort())));
  }

  /** The fields of the chosen action of change `i`. */
  function actionFields(i) {
    const w = words(state.cloud);
    const p = `changes[${i}]`;
    switch (state.changes[i].action) {
      case 'add_environment':
        return [kit.choiceGroup('radio', `${p}.environment`, 'Environment to connect',
          'The environment that gets the same PrivateLink connection as the one in place.',
          [['production', 'Production'], ['staging', 'Staging']], (v) => state.changes[i].environment === v)];
      case 'remove_connection':
        return [kit.choiceGroup('radio', `${p}.environment`, 'Environment to disconnect', '',
          [['production', 'Production'], ['staging', 'Staging']], (v) => state.changes[i].environment === v)];
      case 'open_ports':
      case 'close_ports':
        return [
          kit.textField(`${p}.name`, `${w.serviceLabel} (optional)`,
            `Leave it empty for ports on Adobe’s side (your connections into Adobe Commerce); give it for ports of one of your ${w.serviceNoun}s.`,
            { width: 'plp-w-full' }),
          portList(`${p}.ports`, i + 1),
          scopeGroup(i),
        ];
      case 'change_account':
        return [
          kit.textField(`${p}.from_account_id`, w.fromLabel, w.fromHint, { width: w.accountWidth }),
          kit.textField(`${p}.to_account_id`, w.toLabel, w.toHint, { width: w.accountWidth }),
        ];
      case 'add_endpoint_service':
        return [
          kit.textField(`${p}.name`, w.serviceLabel, w.serviceHint, { width: 'plp-w-full' }),
          portList(`${p}.ports`, i + 1),
          state.cloud === 'azure' ? null : kit.checkbox(`${p}.principal_allowed`, w.principalLabel, w.principalHint),
          principalCopy(state.cloud, copy, () => element),
          scopeGroup(i),
        ];
      case 'remove_endpoint_service':
        return [kit.textField(`${p}.name`, w.serviceLabel, w.removeServiceHint, { width: 'plp-w-full' }), scopeGroup(i)];
      default:
        return [];
    }
  }

  /** The environments a change applies to: optional, none ticked is every environment. */
  function scopeGroup(i) {
    return kit.choiceGroup('checkbox', `changes[${i}].environments`, 'Environments (optional)',
      'Tick the environments this change is for; leave both unticked for every environment with the connection.',
      [['production', 'Production'], ['staging', 'Staging']], (v) => state.changes[i].environments.includes(v));
  }

  function changeRow(i) {
    const w = words(state.cloud);
    const p = `changes[${i}]`;
    const fields = h('div', { class: 'plp-change-fields', 'data-fields-of': p }, actionFields(i));
    return h('fieldset', { class: 'plp-row plp-change', 'data-field': p },
      h('legend', { class: 'plp-row-title', text: `Change ${i + 1}` }),
      kit.msgsFor(p),
      kit.selectField(`${p}.action`, 'What changes', ['', ...ACTIONS].map((a) => [a, w.actions[a]])),
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
    const scoped = /^changes\[(\d+)\]\.environments$/.exec(edit.path);
    if (scoped) {
      // A group of checkboxes: each one adds or removes its environment.
      const box = /** @type {HTMLInputElement} */ (e.target);
      const row = state.changes[Number(scoped[1])];
      const set = new Set(row.environments);
      if (box.checked) set.add(box.value); else set.delete(box.value);
      row.environments = ENVIRONMENTS.filter((v) => set.has(v));
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
    if (getIn(state, path) === undefined || !setIn(state, path, value)) return false;
    if (path === 'cloud' || /^changes\[\d+\]\.action$/.test(path)) {
      after(path);
    }
    for (const c of /** @type {NodeListOf<HTMLInputElement>} */ (element.querySelectorAll('input, select'))) {
      if (c.name !== path) continue;
      if (c.type === 'radio') c.checked = c.value === value;
      else if (c.type === 'checkbox') c.checked = Array.isArray(value) ? value.includes(c.value) : Boolean(value);
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
