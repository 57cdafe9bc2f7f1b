// "Next steps": the core's guide for the request on the page, with the commands filled in from
// the optional network fields, the same as `privatelink-prep guide` for the same document.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  openPage, fillForm, fillChange, fillNetwork, cli, cliReport, waitForPreview, axeCheck, VALID_AWS,
  useServerAndBrowser, pageRequest,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const session = useServerAndBrowser();

const SERVICE = 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0';
const AWS_BIDI = {
  ...VALID_AWS,
  connection_type: 'bidirectional',
  endpoint_services: [{ name: SERVICE, ports: [{ service: 'ERP API', port: '8443', protocol: 'tcp' }], principal_allowed: true }],
  prerequisites: { nlb: true, endpoint_service: true },
};
const AZURE = {
  company: 'Contoso Ltd',
  cloud: 'azure',
  region: 'westeurope',
  account_id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  project_id: 'abcdefgh12345',
  plan: 'pro',
  environments: ['production'],
  connection_type: 'unidirectional',
  ports: [{ service: 'MySQL', port: '3306', protocol: 'tcp' }],
  azure: { cluster_id: 'pl-cluster-01', subscription_ids: [] },
};

/** The guide as the panel shows it: per step its id, actor badge, title, text and commands. */
function shownGuide(page) {
  return page.locator('.plp-guide .plp-step').evaluateAll((steps) => steps.map((li) => ({
    id: li.dataset.step,
    actor: li.querySelector('.plp-actor').textContent,
    title: li.querySelector('.plp-step-title').textContent,
    explanation: li.querySelector('.plp-step-text').textContent,
    commands: [...li.querySelectorAll('.plp-command')].map((c) => ({
      purpose: c.querySelector('.plp-command-purpose').textContent,
      command: c.querySelector('pre code').textContent,
      marked: [...c.querySelectorAll('pre code mark')].map((m) => m.textContent),
    })),
    placeholders: [...li.querySelectorAll('.plp-ph-list dt')].map((d) => d.textContent),
    meanings: [...li.querySelectorAll('.plp-ph-list dd')].map((d) => d.textContent),
    checklist: [...li.querySelectorAll('.plp-checklist li')].map((x) => x.textContent),
  })));
}

/** The CLI's guide of a document, in the shape of shownGuide. */
function cliGuide(doc) {
  const out = cli(['guide', '--format', 'json'], doc);
  assert.equal(out.status, 0, out.stderr);
  const guide = JSON.parse(out.stdout);
  const meaning = new Map(guide.placeholders.map((p) => [p.token, p.meaning]));
  return guide.steps.map((s) => {
    const tokens = [...new Set(s.commands.flatMap((c) => c.placeholders))];
    return {
      id: s.id,
      actor: s.actor === 'customer' ? 'You:' : 'Adobe:',
      title: `${s.actor === 'customer' ? 'You:' : 'Adobe:'} ${s.title}`,
      explanation: s.explanation,
      commands: s.commands.map((c) => ({
        purpose: c.purpose,
        command: c.command,
        // Every placeholder in the line is marked, as often as it occurs.
        marked: c.placeholders.flatMap((p) => Array(c.command.split(p).length - 1).fill(p))
          .sort((a, b) => c.command.indexOf(a) - c.command.indexOf(b)),
      })),
      placeholders: tokens,
      meanings: tokens.map((t) => meaning.get(t)),
      checklist: s.checklist,
    };
  });
}

/** Orders the marks of each command by position (the CLI lists placeholders once each). */
function byPosition(steps) {
  return steps.map((s) => ({
    ...s,
    commands: s.commands.map((c) => ({ ...c, marked: [...c.marked].sort((a, b) => c.command.indexOf(a) - c.command.indexOf(b)) })),
  }));
}

describe('next steps', () => {
  it('AWS bidirectional: the steps are the core\'s; a VPC ID typed in fills the create-vpc-endpoint command', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    assert.equal(await page.locator('.plp-guide').getAttribute('data-state'), 'not-ready');
    assert.match(await page.locator('.plp-guide-status').textContent(), /once the request is ready/);
    await fillForm(page, AWS_BIDI);
    await waitForPreview(page, 'ready');
    await page.locator('.plp-guide[data-state="ready"]').waitFor();
    const doc = await pageRequest(page);
    assert.deepEqual(byPosition(await shownGuide(page)), byPosition(cliGuide(doc)));

    // The bidirectional steps, with the service ID parsed from the endpoint service name.
    const grant = page.locator('.plp-step[data-step="grant-access"]');
    assert.equal(await grant.locator('.plp-actor').textContent(), 'You:');
    assert.equal(await grant.locator('.plp-step-tag').textContent(), 'Bidirectional connections only');
    const codes = await page.locator('.plp-guide pre code').allTextContents();
    assert.ok(codes.includes('aws ec2 modify-vpc-endpoint-service-permissions --service-id vpce-svc-0123456789abcdef0 --add-allowed-principals arn:aws:iam::402592597372:root --region eu-west-1'), codes.join('\n'));
    const create = page.locator('.plp-step[data-step="create-endpoint"] pre code');
    assert.match(await create.textContent(), /--vpc-id <your-vpc-id> /);
    assert.ok((await create.locator('mark').allTextContents()).includes('<your-vpc-id>'));

    // The network section starts collapsed; a VPC ID typed there goes into the command.
    const network = page.locator('details.plp-network');
    assert.equal(await network.evaluate((d) => d.open), false);
    assert.equal(await network.locator('summary').textContent(), 'Your network (optional, fills in the commands)');
    await fillNetwork(page, { customer_network: { vpc_id: 'vpc-0c1d2e3f4a5b6c7d8' } });
    await page.waitForFunction(() => document.querySelector('.plp-step[data-step="create-endpoint"] pre code').textContent.includes('--vpc-id vpc-0c1d2e3f4a5b6c7d8 '));
    assert.deepEqual((await pageRequest(page)).customer_network, { vpc_id: 'vpc-0c1d2e3f4a5b6c7d8' });
    assert.ok(!(await create.locator('mark').allTextContents()).includes('<your-vpc-id>'));
    const explained = await page.locator('.plp-step[data-step="create-endpoint"] .plp-ph-list dt').allTextContents();
    assert.ok(!explained.includes('<your-vpc-id>') && explained.includes('<your-subnet-id>'), explained.join());
    assert.deepEqual(byPosition(await shownGuide(page)), byPosition(cliGuide(await pageRequest(page))));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('every network field and Adobe\'s service name fill their commands; unidirectional has no bidirectional step', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    await fillNetwork(page, {
      customer_network: {
        vpc_id: 'vpc-0c1d2e3f4a5b6c7d8',
        subnet_ids: ['subnet-0aa11bb22cc33dd44', 'subnet-0ee55ff66aa77bb88'],
        security_group_ids: ['sg-0123456789abcdef0'],
      },
      adobe_endpoint_service: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0f1e2d3c4b5a69788',
    });
    await waitForPreview(page, 'ready');
    await page.waitForFunction(() => !document.querySelector('.plp-step[data-step="create-endpoint"] pre code mark'));
    const doc = await pageRequest(page);
    assert.deepEqual(doc.customer_network.subnet_ids, ['subnet-0aa11bb22cc33dd44', 'subnet-0ee55ff66aa77bb88']);
    assert.equal(await page.locator('.plp-step[data-step="create-endpoint"] pre code').textContent(),
      'aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface --service-name com.amazonaws.vpce.eu-west-1.vpce-svc-0f1e2d3c4b5a69788 --vpc-id vpc-0c1d2e3f4a5b6c7d8 --subnet-ids subnet-0aa11bb22cc33dd44 subnet-0ee55ff66aa77bb88 --security-group-ids sg-0123456789abcdef0 --no-private-dns-enabled --region eu-west-1');
    assert.deepEqual(byPosition(await shownGuide(page)), byPosition(cliGuide(doc)));
    const ids = await page.locator('.plp-guide .plp-step').evaluateAll((li) => li.map((x) => x.dataset.step));
    assert.ok(!ids.some((id) => /grant-access|adobe-connects|accept-connections|from-adobe/.test(id)), ids.join());
    assert.equal(await page.locator('.plp-guide .plp-step-tag').count(), 0);
    await context.close();
  });

  it('Azure: the Azure network fields fill the private endpoint command', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, AZURE);
    await fillNetwork(page, { customer_network: { resource_group: 'rg-shop', vnet_name: 'vnet-shop', subnet_name: 'snet-endpoints' } });
    await waitForPreview(page, 'ready');
    assert.equal(await page.locator('input[name="customer_network.vpc_id"]').count(), 0, 'no AWS fields on Azure');
    await page.waitForFunction(() => document.querySelector('.plp-guide').textContent.includes('--subnet snet-endpoints'));
    const doc = await pageRequest(page);
    assert.deepEqual(doc.customer_network, { resource_group: 'rg-shop', vnet_name: 'vnet-shop', subnet_name: 'snet-endpoints' });
    const create = await page.locator('.plp-step[data-step="create-endpoint"] pre code').first().textContent();
    assert.match(create, /^az network private-endpoint create --resource-group rg-shop .*--vnet-name vnet-shop --subnet snet-endpoints --private-connection-resource-id <adobe-private-link-service> .*--manual-request true/);
    assert.deepEqual(byPosition(await shownGuide(page)), byPosition(cliGuide(doc)));
    // Back on AWS, the AWS fields show; the Azure values are kept but not sent.
    await page.getByLabel('AWS (PrivateLink)').check();
    assert.equal(await page.locator('input[name="customer_network.resource_group"]').count(), 0);
    assert.equal((await pageRequest(page)).customer_network, undefined);
    await page.getByLabel('Azure (Private Link)').check();
    assert.equal(await page.locator('input[name="customer_network.vnet_name"]').inputValue(), 'vnet-shop');
    await context.close();
  });

  it('a bad network ID: the core\'s message in the section, which opens; the summary link reaches it', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    await fillNetwork(page, { customer_network: { vpc_id: 'vpc-1', subnet_ids: ['subnet-0aa11bb22cc33dd44', 'x'] } });
    await page.locator('details.plp-network > summary').click(); // collapse it again
    await page.getByRole('button', { name: 'Check' }).click();
    const doc = await pageRequest(page);
    const want = cliReport(doc).diagnostics.filter((d) => d.field.startsWith('customer_network'));
    assert.deepEqual(want.map((d) => d.field), ['customer_network.vpc_id', 'customer_network.subnet_ids[1]']);
    assert.equal(await page.locator('details.plp-network').evaluate((d) => d.open), true, 'the section opens to show its messages');
    for (const d of want) {
      const shown = await page.locator(`[data-field="${d.field}"] > .plp-msgs .plp-msg-message`).allTextContents();
      assert.deepEqual(shown, [d.message]);
      assert.equal(await page.locator(`input[name="${d.field}"]`).getAttribute('aria-invalid'), 'true');
    }
    assert.equal(await page.locator('.plp-guide').getAttribute('data-state'), 'not-ready');
    await page.locator('details.plp-network > summary').click();
    await page.locator('.plp-summary a', { hasText: want[1].message }).click();
    assert.equal(await page.evaluate(() => document.activeElement.name), 'customer_network.subnet_ids[1]');
    assert.equal(await page.locator('details.plp-network').evaluate((d) => d.open), true);
    // Rows of IDs: remove keeps focus in the list.
    await page.getByRole('button', { name: 'Remove subnet ID 2' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.name), 'customer_network.subnet_ids[0]');
    await page.locator('input[name="customer_network.vpc_id"]').fill('vpc-0c1d2e3f');
    await waitForPreview(page, 'ready');
    await page.locator('.plp-guide[data-state="ready"]').waitFor();
    await context.close();
  });

  it('Download guide .txt and .md equal the CLI\'s guide; Copy puts the command on the clipboard', T, async () => {
    const { page, context, requests, errors } = await openPage(session.browser, session.server, { permissions: ['clipboard-read', 'clipboard-write'] });
    await fillForm(page, AWS_BIDI);
    await waitForPreview(page, 'ready');
    const doc = await pageRequest(page);
    for (const [ext, format] of [['txt', 'text'], ['md', 'markdown']]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download guide as .${ext}` }).click(),
      ]);
      assert.equal(download.suggestedFilename(), `privatelink-guide.${ext}`);
      const got = readFileSync(await download.path(), 'utf8');
      const want = cli(['guide', '--format', format], doc);
      assert.equal(want.status, 0, want.stderr);
      assert.equal(got, want.stdout);
      assert.equal(await page.locator('.plp-guide-note').textContent(), `Downloaded privatelink-guide.${ext}.`);
    }
    const step = page.locator('.plp-step[data-step="grant-access"]');
    const n = await page.locator('.plp-guide .plp-step').evaluateAll((li) => li.findIndex((x) => x.dataset.step === 'grant-access') + 1);
    await step.getByRole('button', { name: `Copy command 1 of step ${n}` }).click();
    await page.locator('.plp-guide-note', { hasText: `Copied command 1 of step ${n}.` }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await step.locator('pre code').first().textContent());
    const foreign = requests.filter((u) => !(u.startsWith(`${session.server.origin}/`) || u.startsWith(`blob:${session.server.origin}/`)));
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a change request has its own next steps (the CLI\'s change guide)', T, async () => {
    const { page, context } = await openPage(session.browser, session.server);
    await fillChange(page, {
      company: 'Acme', cloud: 'aws', region: 'us-east-1', project_id: 'abcdefghij123',
      changes: [
        { action: 'change_account', from_account_id: '123456789012', to_account_id: '210987654321' },
        { action: 'remove_endpoint_service', name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210' },
      ],
    });
    await waitForPreview(page, 'ready');
    const doc = await pageRequest(page);
    assert.equal(doc.kind, 'change');
    assert.deepEqual(byPosition(await shownGuide(page)), byPosition(cliGuide(doc)));
    assert.match(await page.locator('.plp-step').nth(2).locator('.plp-step-title').textContent(), /^You: Change 1: /);
    await context.close();
  });

  it('axe-core finds nothing in the next steps and the open network section, light and dark', T, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await openPage(session.browser, session.server);
      await page.emulateMedia({ colorScheme });
      await fillForm(page, AWS_BIDI);
      await fillNetwork(page, { customer_network: { vpc_id: 'vpc-0c1d2e3f4a5b6c7d8', subnet_ids: ['x'] } });
      await page.getByRole('button', { name: 'Check' }).click();
      await page.locator('[data-field="customer_network.subnet_ids[0]"] .plp-msg-message').waitFor();
      let result = await axeCheck(page, 'details.plp-network');
      assert.ok(result.passes >= 5, `axe checked only ${result.passes} rules`);
      assert.deepEqual(result.violations, [], `network section, ${colorScheme}`);
      await page.locator('input[name="customer_network.subnet_ids[0]"]').fill('subnet-0aa11bb22cc33dd44');
      await page.locator('.plp-guide[data-state="ready"]').waitFor();
      result = await axeCheck(page, '.plp-guide');
      assert.ok(result.passes >= 5, `axe checked only ${result.passes} rules`);
      assert.deepEqual(result.violations, [], `next steps, ${colorScheme}`);
      await context.close();
    }
  });
});
