// "Your network (optional, fills in the commands)": the optional fields of a request that the
// guide writes into the customer's commands. AWS: customer_network.vpc_id, subnet_ids[],
// security_group_ids[]; Azure: customer_network.resource_group, vnet_name, subnet_name; both:
// adobe_endpoint_service (Adobe's service name, once Adobe sends it). A collapsed section of the
// form, in the markup of its other fields, so the core's messages show in it like anywhere else.
//
//   const net = createNetworkFields({ api, idFor, values, onEdit });
//   form.append(net.element);
//   const doc = { ...request, ...net.toDocument(request.cloud) };

import { h, getIn, setIn, isControlValue } from './dom.js';
import { fieldKit, rowFocus, readEdit } from './fields.js';
import { fieldLabels } from './labels.js';

const AWS_FIELDS = ['vpc_id', 'subnet_ids', 'security_group_ids'];
const AZURE_FIELDS = ['resource_group', 'vnet_name', 'subnet_name'];
const LISTS = ['subnet_ids', 'security_group_ids'];

/** The section's starting values from a request document (its customer_network and adobe_endpoint_service). */
export function initialNetworkState(values = {}) {
  const v = values || {};
  const net = v.customer_network && typeof v.customer_network === 'object' ? v.customer_network : {};
  const text = (x) => (typeof x === 'string' ? x : x === undefined || x === null ? '' : String(x));
  const list = (x) => (Array.isArray(x) && x.length ? x.map(text) : ['']);
  return {
    customer_network: {
      vpc_id: text(net.vpc_id),
      subnet_ids: list(net.subnet_ids),
      security_group_ids: list(net.security_group_ids),
      resource_group: text(net.resource_group),
      vnet_name: text(net.vnet_name),
      subnet_name: text(net.subnet_name),
    },
    adobe_endpoint_service: text(v.adobe_endpoint_service),
  };
}

const given = (v) => (Array.isArray(v) ? v.some(given) : typeof v === 'string' && v.trim() !== '');

/**
 * The part of the request document these fields give for `cloud`: only what was typed, and only
 * the fields of that cloud (a list goes as typed once one of its rows is filled, so the core's
 * paths match the rows). Empty when nothing was typed.
 */
export function networkDocument(state, cloud) {
  const out = {};
  const net = {};
  for (const field of cloud === 'azure' ? AZURE_FIELDS : AWS_FIELDS) {
    const value = state.customer_network[field];
    if (given(value)) net[field] = Array.isArray(value) ? [...value] : value;
  }
  if (Object.keys(net).length) out.customer_network = net;
  if (given(state.adobe_endpoint_service)) out.adobe_endpoint_service = state.adobe_endpoint_service;
  return out;
}

function words(cloud) {
  if (cloud === 'azure') {
    return {
      intro: 'None of this is needed for the ticket. Give what you know, and the commands in the next steps use it instead of placeholders. Each value is checked like the rest of the form.',
      adobeHint: 'Adobe sends it in the ticket once your subscription is allowed; leave it empty until then.',
    };
  }
  return {
    intro: 'None of this is needed for the ticket. Give what you know, and the commands in the next steps use it instead of placeholders. Each value is checked like the rest of the form.',
    adobeHint: 'Adobe sends it in the ticket once your account is allowed (com.amazonaws.vpce.<region>.vpce-svc-…); leave it empty until then.',
  };
}

/**
 * Renders the section. options.api: the loaded core (its labels); options.idFor(path): the form's id for a path; options.values: a request
 * document to start from; options.onEdit(immediate): after each edit; options.cloud: 'aws' or 'azure';
 * options.deferred: true to make the fields of a collapsed section only on build() (or when it
 * opens, or a value is set): off the first screen, they need not hold up the form's start-up.
 * Returns { element, build(), toDocument(cloud), getState(), setCloud(cloud), setValue(path, value), setValues(doc) }.
 * @param {{ api: any, idFor: (path: string) => string, values?: any, onEdit?: (immediate: boolean) => void, cloud?: string, deferred?: boolean }} options
 */
export function createNetworkFields({ api, idFor, values, onEdit = (_immediate) => {}, cloud = 'aws', deferred = false }) {
  let state = initialNetworkState(values);
  let shownCloud = cloud;
  const get = (path) => getIn(state, path);
  const kit = fieldKit({ idFor, get });
  /** The core's label of a document path on the cloud shown (src/labels.rs). */
  const labelOf = (path) => fieldLabels(api, shownCloud)(path);
  const body = h('div', { class: 'plp-network-body' });
  const summary = h('summary', { class: 'plp-network-summary' },
    h('span', { class: 'plp-network-title', text: labelOf('customer_network') }), ' ',
    h('span', { class: 'plp-network-note', text: '(optional, fills in the commands)' }));
  const element = h('details', { class: 'plp-section plp-network', 'data-part': 'network' }, summary, body);
  const focus = rowFocus(element);

  function idList(field, hint) {
    const base = `customer_network.${field}`;
    const list = state.customer_network[field];
    const lower = (text) => text.charAt(0).toLowerCase() + text.slice(1);
    const noun = lower(labelOf(`${base}[0]`)).replace(/ 1$/, ''); // "subnet ID"
    const rows = h('div', { class: 'plp-rows' });
    list.forEach((_, i) => {
      const p = `${base}[${i}]`;
      rows.append(h('div', { class: 'plp-row plp-sub-row', 'data-row': p },
        kit.textField(p, labelOf(p), '', { width: 'plp-w-24' }),
        h('div', { class: 'plp-row-action' }, kit.removeButton(lower(labelOf(p)), '', () => removeRow(field, i)))));
    });
    return h('fieldset', { class: 'plp-field plp-list', 'data-field': base, 'data-list': base },
      h('legend', { class: 'plp-label', text: labelOf(base) }),
      kit.hintFor(base, hint),
      kit.msgsFor(base),
      rows,
      kit.addButton(list.length ? `Add another ${noun}` : `Add a ${noun}`, () => addRow(field)));
  }

  let made = false;
  function render() {
    made = true;
    const w = words(shownCloud);
    const fields = shownCloud === 'azure'
      ? [
        kit.textField('customer_network.resource_group', labelOf('customer_network.resource_group'),
          'The resource group of your virtual network; the new private endpoint goes into it too.', { width: 'plp-w-36' }),
        kit.textField('customer_network.vnet_name', labelOf('customer_network.vnet_name'),
          'The virtual network that gets the private endpoint to Adobe.', { width: 'plp-w-36' }),
        kit.textField('customer_network.subnet_name', labelOf('customer_network.subnet_name'),
          'The subnet of that virtual network for the private endpoint.', { width: 'plp-w-36' }),
      ]
      : [
        kit.textField('customer_network.vpc_id', labelOf('customer_network.vpc_id'),
          'The VPC that gets the interface endpoint to Adobe: `vpc-` and 8 or 17 hexadecimal digits (VPC console, Your VPCs).',
          { width: 'plp-w-24' }),
        idList('subnet_ids',
          'The subnets of that VPC for the endpoint, one per Availability Zone: `subnet-` and 8 or 17 hexadecimal digits.'),
        idList('security_group_ids',
          'The security groups of the endpoint; they must let your clients in on the ports Adobe opens: `sg-` and 8 or 17 hexadecimal digits.'),
      ];
    body.replaceChildren(
      h('p', { class: 'plp-section-intro', text: w.intro }),
      ...fields,
      kit.textField('adobe_endpoint_service', labelOf('adobe_endpoint_service'), w.adobeHint, { width: 'plp-w-full' }));
  }

  function addRow(field) {
    state.customer_network[field].push('');
    render();
    focus.added(`customer_network.${field}`, state.customer_network[field].length - 1);
    onEdit(true);
  }

  function removeRow(field, index) {
    state.customer_network[field].splice(index, 1);
    render();
    focus.removed(`customer_network.${field}`, index, state.customer_network[field].length);
    onEdit(true);
  }

  function handle(e) {
    const edit = readEdit(e);
    if (!edit || !setIn(state, edit.path, edit.value)) return;
    onEdit(edit.immediate);
  }
  body.addEventListener('input', handle);
  body.addEventListener('change', handle);

  function anyGiven() {
    return given(state.adobe_endpoint_service) || Object.values(state.customer_network).some(given);
  }

  element.open = anyGiven();
  const build = () => {
    if (!made) render();
  };
  if (!deferred || element.open) render();
  else element.addEventListener('toggle', () => { if (element.open) build(); });

  return {
    element,
    /** Makes the fields if they are not yet (see options.deferred). */
    build,
    toDocument: (c) => networkDocument(state, c),
    /** Every value, both clouds' (what setValues and initialNetworkState read back). */
    getState: () => structuredClone(state),
    /** Shows the fields of `c` (what was typed for the other cloud is kept). */
    setCloud(c) {
      if (c !== 'aws' && c !== 'azure') return;
      if (c === shownCloud) return;
      shownCloud = c;
      render();
    },
    setValue(path, value) {
      const list = LISTS.find((f) => path === `customer_network.${f}`);
      if (list) {
        state.customer_network[list] = Array.isArray(value) && value.length ? value.map(String) : [''];
      } else if (!isControlValue(state, path, value) || !setIn(state, path, value ?? '')) {
        return false;
      }
      render();
      if (anyGiven()) element.open = true;
      return true;
    },
    setValues(doc) {
      state = initialNetworkState(doc);
      render();
      element.open = anyGiven();
    },
  };
}
