// Right on both clouds (issue 11): the Azure flow has no AWS principal and speaks Azure, the page
// does not ask for the endpoint to Adobe's service up front, and an additional staging
// environment can be named. Expected texts come from the CLI on the document the page sends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, fillForm, cli, cliReport, waitForPreview, useServerAndBrowser, pageRequest, shownTicket, fillChange,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

const PLS = '/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg-erp/providers/Microsoft.Network/privateLinkServices/pls-erp';
const AZURE_BIDI = {
  company: 'Contoso Books',
  cloud: 'azure',
  region: 'eastus2',
  account_id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  project_id: 'z9y8x7w6v5u4t',
  plan: 'pro',
  environments: ['production'],
  connection_type: 'bidirectional',
  ports: [{ service: 'MySQL', port: '3306', protocol: 'tcp' }],
  endpoint_services: [{ name: PLS, ports: [{ service: 'ERP API', port: '443', protocol: 'tcp' }] }],
  prerequisites: { nlb: true, endpoint_service: true },
  azure: { cluster_id: 'azure-pro-eastus2-042' },
};
const AWS_WORDS = /Network Load Balancer|endpoint service configuration|interface endpoint|402592597372|principal/;

describe('the page on both clouds', () => {
  it('Azure: no principal checkbox, Azure words, and a ticket that says what follows', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, AZURE_BIDI);
    const form = page.locator('form.plp-form');
    assert.equal(await form.locator('input[name="endpoint_services[0].principal_allowed"]').count(), 0);
    assert.match(await form.locator('[data-note="azure-access"]').textContent(),
      /when Adobe names the Azure subscription it connects from, add it to this Private Link service’s visibility/);
    assert.equal(await form.locator('input[name="prerequisites.interface_endpoint"]').count(), 0);
    assert.deepEqual(
      await form.locator('[data-field="prerequisites"] .plp-choice-label').allTextContents(),
      ['A Standard Load Balancer (frontend IP configuration) in front of the application', 'A Private Link service on that load balancer']);
    assert.equal(await form.locator('h2[id$="-h-services"]').textContent(), 'Private Link services in your virtual network');
    // Nothing of AWS on the enablement form's Azure sections.
    for (const sel of ['[data-field="endpoint_services"]', '[data-field="prerequisites"]']) {
      assert.doesNotMatch(await form.locator(sel).first().innerText(), AWS_WORDS, sel);
    }

    const doc = await pageRequest(page);
    assert.equal('principal_allowed' in doc.endpoint_services[0], false);
    assert.deepEqual(doc.prerequisites, { nlb: true, endpoint_service: true });
    // 443 on the customer's own Private Link service is allowed on Azure.
    assert.deepEqual(cliReport(doc).diagnostics.filter((d) => d.severity === 'error'), []);
    await waitForPreview(page, 'ready');
    const shown = await shownTicket(page);
    assert.equal(shown.file, cli(['ticket'], doc).stdout);
    assert.doesNotMatch(shown.body, AWS_WORDS);
    assert.match(shown.body, /Please name the Azure subscription Adobe connects from: we will then add it to the visibility of each Private Link service/);
    assert.match(shown.body, /a Standard Load Balancer \(frontend IP configuration\) in front of each Private Link service/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('AWS keeps the principal checkbox and its ticket line', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, { ...AZURE_BIDI, cloud: 'aws', region: 'us-east-1', account_id: '123456789012', azure: undefined,
      endpoint_services: [{ name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718', ports: [{ service: 'ERP', port: '8443' }], principal_allowed: true }] });
    const form = page.locator('form.plp-form');
    assert.equal(await form.locator('input[name="endpoint_services[0].principal_allowed"]').isChecked(), true);
    assert.equal(await form.locator('h2[id$="-h-services"]').textContent(), 'Endpoint services in your network');
    await waitForPreview(page, 'ready');
    const shown = await shownTicket(page);
    assert.match(shown.body, /Adobe's principal arn:aws:iam::402592597372:root is granted access on each endpoint service listed above\./);
    assert.doesNotMatch(shown.body, /- an interface endpoint/);
    await context.close();
  });

  it('an additional staging environment can be named, noted, and reaches the ticket', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, { ...AZURE_BIDI, connection_type: 'unidirectional', endpoint_services: undefined, prerequisites: undefined,
      ports: [{ service: 'MySQL', port: '3306' }] });
    const extra = page.locator('input[name="additional_staging"]');
    await extra.fill('staging2');
    let doc = await pageRequest(page);
    assert.deepEqual(doc.environments, ['production', 'staging2']);
    const note = cliReport(doc).diagnostics.find((d) => d.code === 'PL164');
    assert.equal(note.message, '"staging2" is read as an additional staging environment; check that it is the ID the Cloud Console shows.');
    await page.getByRole('button', { name: 'Check' }).click();
    assert.ok((await page.locator('[data-field="environments"] .plp-msg-message').allTextContents()).includes(note.message));
    await waitForPreview(page, 'ready');
    assert.match((await shownTicket(page)).body, /Environments: +Production, staging2 \(additional staging\)/);
    // Ticking Staging keeps the additional one.
    await page.locator('input[name="environments"][value="staging"]').check();
    doc = await pageRequest(page);
    assert.deepEqual(doc.environments, ['production', 'staging', 'staging2']);
    await context.close();
  });

  it('a change can be for an additional staging environment, named by ID', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillChange(page, {
      company: 'Contoso Books', cloud: 'azure', region: 'eastus2', project_id: 'z9y8x7w6v5u4t',
      changes: [{ action: 'close_ports', ports: [{ service: 'Redis', port: '6379' }], environments: ['production', 'staging2'] }],
    });
    let doc = await pageRequest(page);
    assert.deepEqual(doc.changes[0].environments, ['production', 'staging2']);
    // Unticking Production keeps the one named; ticking Staging puts it first.
    const form = page.locator('form.plp-form');
    await form.locator('input[name="changes[0].environments"][value="production"]').uncheck();
    await form.locator('input[name="changes[0].environments"][value="staging"]').check();
    doc = await pageRequest(page);
    assert.deepEqual(doc.changes[0].environments, ['staging', 'staging2']);
    const note = cliReport(doc).diagnostics.find((d) => d.code === 'PL164');
    assert.equal(note.field, 'changes[0].environments[1]');
    await waitForPreview(page, 'ready');
    const shown = await shownTicket(page);
    assert.equal(shown.file, cli(['ticket'], doc).stdout);
    assert.match(shown.body, /staging2/);
    await context.close();
  });

  it('the change form offers the new changes and the Azure change ticket has no principal', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillChange(page, {
      company: 'Contoso Books', cloud: 'azure', region: 'eastus2', project_id: 'z9y8x7w6v5u4t',
      changes: [
        { action: 'add_environment', environment: 'staging2' },
        { action: 'open_ports', ports: [{ service: 'Redis', port: '6379' }], environments: ['production'] },
        { action: 'add_endpoint_service', name: PLS, ports: [{ service: 'ERP API', port: '8443' }] },
      ],
    });
    const form = page.locator('form.plp-form');
    assert.equal(await form.locator('input[name="changes[2].principal_allowed"]').count(), 0);
    const doc = await pageRequest(page);
    assert.deepEqual(doc.changes, [
      { action: 'add_environment', environment: 'staging2' },
      { action: 'open_ports', ports: [{ service: 'Redis', port: '6379', protocol: 'tcp' }], environments: ['production'] },
      { action: 'add_endpoint_service', name: PLS, ports: [{ service: 'ERP API', port: '8443', protocol: 'tcp' }] },
    ]);
    await waitForPreview(page, 'ready');
    const shown = await shownTicket(page);
    assert.equal(shown.file, cli(['ticket'], doc).stdout);
    assert.doesNotMatch(shown.body, AWS_WORDS);
    assert.match(shown.body, /Open port 6379\/TCP \(Redis\) in Adobe Commerce for connections from our virtual network, in Production\./);
    await context.close();
  });
});
