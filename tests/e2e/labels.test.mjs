// One place per label (issue 13): every label the form shows (a control's <label>, a group's or a
// row's <legend>, the titles that name a list) is the core's `labels(cloud)` for its field, on AWS
// and Azure, in the enablement form and in the change form with every action shown at once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, fillForm, fillChange, useServerAndBrowser, VALID_AWS } from './helpers.mjs';

const T = { timeout: 120_000 };
const session = useServerAndBrowser();

const SERVICE = {
  aws: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718',
  azure: '/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg/providers/Microsoft.Network/privateLinkServices/pls-erp',
};
const ACCOUNT = { aws: '123456789012', azure: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
const ACTIONS = ['add_environment', 'remove_connection', 'change_account', 'add_endpoint_service',
  'remove_endpoint_service', 'open_ports', 'close_ports'];

/**
 * Every label shown in the form, as [field, text]: the field is a control's name or a fieldset's
 * data-field (a list's title names its list). Choices (a radio, one of several checkboxes, an
 * option) are values, not labels, and are left out; so is whatever is hidden.
 */
function shownLabels(form) {
  return form.evaluate((form) => {
    const root = form.getRootNode();
    const seen = (el) => el.checkVisibility();
    const out = [];
    for (const label of form.querySelectorAll('label[for]')) {
      const control = root.getElementById(label.htmlFor);
      if (!control || !control.name || !seen(label)) continue;
      const single = control.type === 'checkbox' && control.closest('.plp-check');
      if ((control.type === 'radio' || control.type === 'checkbox') && !single) continue;
      out.push([control.name, label.textContent]);
    }
    for (const legend of form.querySelectorAll('fieldset[data-field] > legend')) {
      if (seen(legend)) out.push([legend.parentElement.dataset.field, legend.textContent]);
    }
    const services = form.querySelector('h2[id$="-h-services"]');
    if (services && seen(services)) out.push(['endpoint_services', services.textContent]);
    const network = form.querySelector('.plp-network-title');
    if (network && seen(network)) out.push(['customer_network', network.textContent]);
    return out;
  });
}

/** The core's labels on `cloud`, from the module the page loads. */
function coreLabels(page, cloud) {
  return page.evaluate(async (c) => {
    const core = await import('/www/pkg/privatelink_prep.js');
    await core.default();
    return core.labels(c);
  }, cloud);
}

/** The form's names for controls that are one case of a field (src/labels.rs, "(case)"). */
const ALIASES = { additional_staging: 'environments', 'changes[].additional_staging': 'changes[].environments' };

/** What the core allows as the label of `field`: its label, or the label of one of its cases. */
function allowed(table, field) {
  let key = field.replace(/\[\d+\]/g, '[]');
  key = ALIASES[key] ?? key;
  const last = /\[(\d+)\][^[]*$/.exec(field);
  const n = last ? String(Number(last[1]) + 1) : '';
  return Object.entries(table)
    .filter(([k]) => k === key || (k.startsWith(`${key}(`) && k.endsWith(')')))
    .map(([, label]) => label.replace('{n}', n));
}

/** Asserts every label shown in `form` (a locator) against the core; returns the fields seen. */
async function compare(page, cloud, form = page.locator('form.plp-form').first()) {
  const table = await coreLabels(page, cloud);
  assert.ok(Object.keys(table).length > 40, 'labels(cloud) holds the form');
  const shown = await shownLabels(form);
  for (const [field, text] of shown) {
    const ok = allowed(table, field);
    assert.ok(ok.includes(text), `${cloud}: ${field} is labelled ${JSON.stringify(text)}, the core says ${JSON.stringify(ok)}`);
  }
  return new Set(shown.map(([field]) => field));
}

function enablement(cloud) {
  return {
    ...VALID_AWS,
    cloud,
    region: cloud === 'azure' ? 'westeurope' : 'eu-west-1',
    account_id: ACCOUNT[cloud],
    connection_type: 'bidirectional',
    endpoint_services: [{ name: SERVICE[cloud], ports: [{ service: 'ERP', port: '8443' }] }],
    ...(cloud === 'azure' ? { azure: { cluster_id: 'c1', subscription_ids: [ACCOUNT.azure] } } : {}),
  };
}

describe('every label the page shows is the core’s', () => {
  for (const cloud of ['aws', 'azure']) {
    it(`${cloud}: enablement`, T, async () => {
      const { page, context, errors } = await openPage(session.browser, session.server);
      await fillForm(page, enablement(cloud));
      await page.locator('form.plp-form details.plp-network > summary').click();
      const fields = await compare(page, cloud);
      const expect = ['company', 'project_id', 'region', 'account_id', 'additional_staging', 'ports', 'ports[0]',
        'ports[0].port', 'endpoint_services', 'endpoint_services[0]', 'endpoint_services[0].name',
        'endpoint_services[0].ports', 'endpoint_services[0].ports[0].service', 'prerequisites', 'prerequisites.nlb',
        'prerequisites.endpoint_service', 'customer_network', 'adobe_endpoint_service'];
      if (cloud === 'aws') expect.push('endpoint_services[0].principal_allowed', 'customer_network.vpc_id', 'customer_network.subnet_ids[0]');
      else expect.push('azure.cluster_id', 'azure.subscription_ids', 'azure.subscription_ids[0]', 'customer_network.vnet_name');
      for (const f of expect) assert.ok(fields.has(f), `${cloud}: ${f} is shown with its label`);
      assert.deepEqual(errors, []);
      await context.close();
    });

    it(`${cloud}: change, every action`, T, async () => {
      const { page, context, errors } = await openPage(session.browser, session.server);
      await fillChange(page, {
        cloud,
        company: 'Example Ltd',
        changes: ACTIONS.map((action) => ({ action })),
      });
      const fields = await compare(page, cloud);
      const expect = ['company', 'project_id', 'region', 'changes[0]', 'changes[0].action', 'changes[0].environment',
        'changes[1].environment', 'changes[2].from_account_id', 'changes[2].to_account_id', 'changes[3].name',
        'changes[3].ports', 'changes[3].ports[0]', 'changes[3].environments', 'changes[3].additional_staging',
        'changes[4].name', 'changes[5].name', 'changes[6].ports[0].protocol'];
      if (cloud === 'aws') expect.push('changes[3].principal_allowed');
      for (const f of expect) assert.ok(fields.has(f), `${cloud}: ${f} is shown with its label`);
      // The cases the form words its own way are still the core's words.
      const form = page.locator('form.plp-form');
      const table = await coreLabels(page, cloud);
      assert.equal(await form.locator('label[for$="changes-0-environment"]').textContent(), table['changes[].environment(add_environment)']);
      assert.equal(await form.locator('[data-field="changes[1].environment"] > legend').textContent(), table['changes[].environment(remove_connection)']);
      assert.equal(await form.locator('label[for$="changes-5-name"]').textContent(), table['changes[].name(ports)']);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('inside <privatelink-prep>: both elements of the embed example, AWS and Azure', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server, { url: `${session.server.origin}/examples/embed.html` });
    const [aws, azure] = [page.locator('privatelink-prep#checker'), page.locator('privatelink-prep[cloud="azure"]')];
    await fillForm(page, enablement('aws'), aws);
    const seen = await compare(page, 'aws', aws.locator('form.plp-form'));
    for (const f of ['endpoint_services[0].name', 'endpoint_services[0].principal_allowed', 'prerequisites.nlb']) {
      assert.ok(seen.has(f), `aws: ${f} is shown with its label`);
    }
    const form = azure.locator('form.plp-form');
    await form.locator('[data-list="endpoint_services"] > .plp-add').click();
    const azureSeen = await compare(page, 'azure', form);
    for (const f of ['region', 'endpoint_services[0].name', 'prerequisites.endpoint_service', 'azure.cluster_id']) {
      assert.ok(azureSeen.has(f), `azure: ${f} is shown with its label`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
