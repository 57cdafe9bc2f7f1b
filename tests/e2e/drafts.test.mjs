// Keeping work on the page: the draft in localStorage (restored on reload, even right after
// typing), Clear with an undo, storage that cannot be used, Export JSON, and Import JSON (bad files
// leave the form as it was; a good one replaces it, with an undo).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, openPage, fillForm, fillChange, fillNetwork, cli, waitForPreview, VALID_AWS,
  useServerAndBrowser, pageRequest, formChecking,
} from './helpers.mjs';

const T = { timeout: 90_000 };
const KEY = 'privatelink-prep:draft';
const session = useServerAndBrowser();

const formState = (page) => page.evaluate(() => window.privatelinkPrep.getState());
const status = (page) => page.locator('.plp-work-status');
const message = (page) => page.locator('.plp-work-message');
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

async function waitForStatus(page, text) {
  await page.waitForFunction((want) => document.querySelector('.plp-work-status')?.textContent === want, text);
}

async function reload(page) {
  await page.reload();
  await formChecking(page);
}

/** Chooses a file through the "Import JSON" button, like a person. */
async function importFile(page, name, content, mimeType = 'application/json') {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import JSON' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

/** A change request as a person types it: every action, ports not in their first row. */
const A_CHANGE = {
  company: 'Acme Outdoor, Inc.',
  cloud: 'aws',
  region: 'us-east-1',
  project_id: 'abcdefghij123',
  changes: [
    { action: 'remove_connection', environment: 'staging' },
    { action: 'change_account', from_account_id: '123456789012', to_account_id: '210987654321' },
    {
      action: 'add_endpoint_service',
      name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718',
      ports: [{ service: 'ERP API', port: '8443', protocol: 'tcp' }, { service: 'Feed', port: '9000', protocol: 'udp' }],
      principal_allowed: true,
    },
    { action: 'remove_endpoint_service', name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210' },
  ],
};

/** The change form on screen: the mode, and the value of every change control, by name. */
const changeControls = (page) => page.evaluate(() => {
  const out = { mode: document.querySelector('input[name="kind"]:checked')?.value };
  for (const c of document.querySelectorAll('form.plp-form [data-mode="change"] input[name], form.plp-form [data-mode="change"] select[name]')) {
    if (c.type === 'radio') { if (c.checked) out[c.name] = c.value; } else if (c.type === 'checkbox') out[c.name] = c.checked;
    else out[c.name] = c.value;
  }
  return out;
});

const THE_TICKET = (page) => page.evaluate(() => {
  const panel = document.querySelector('.plp-panel[data-format="text"]');
  return `Subject: ${panel.querySelector('[data-part="subject"]').textContent}\n\n${panel.querySelector('[data-part="body"]').textContent}`;
});

describe('drafts', () => {
  it('typing saves a draft in this browser, and a reload restores it, even straight after typing', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    assert.equal(await status(page).textContent(), 'Saved in this browser only, as you type.');
    assert.equal(await stored(page), null, 'nothing is saved before anything is typed');

    await fillForm(page, { ...VALID_AWS, account_id: '12345', connection_type: 'bidirectional' });
    await page.locator('input[name="endpoint_services[0].name"]').fill('com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0');
    await waitForStatus(page, 'Saved in this browser only.');
    const saved = JSON.parse(await stored(page));
    assert.equal(saved.values.company, VALID_AWS.company);
    assert.equal(saved.values.account_id, '12345');
    assert.deepEqual(saved.values, await formState(page), 'the draft holds what getState() gives');

    // An edit undone before the save writes nothing: the draft keeps its time, and other tabs
    // are not told of a change that is none.
    const text = await stored(page);
    await page.locator('input[name="company"]').fill('Someone Else Ltd');
    await page.locator('input[name="company"]').fill(VALID_AWS.company);
    await page.waitForTimeout(900);
    assert.equal(await stored(page), text);

    const before = await formState(page);
    await reload(page);
    assert.deepEqual(await formState(page), before);
    assert.equal(await page.locator('input[name="company"]').inputValue(), VALID_AWS.company);
    assert.equal(await page.locator('input[name="connection_type"][value="bidirectional"]').isChecked(), true);
    assert.equal(await page.locator('input[name="endpoint_services[0].name"]').inputValue(), 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0');
    assert.match(await status(page).textContent(), /^Restored your draft from .+\. Saved in this browser only\.$/);

    // No wait at all between the last keystroke and the reload: leaving the page saves.
    await page.locator('input[name="company"]').fill('Typed Just Now Ltd');
    await page.locator('input[name="ports[1].port"]').fill('2223');
    await reload(page);
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Typed Just Now Ltd');
    assert.equal(await page.locator('input[name="ports[1].port"]').inputValue(), '2223');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Clear empties the form and the draft, with an undo that brings both back', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    await waitForStatus(page, 'Saved in this browser only.');
    const before = await formState(page);

    await page.getByRole('button', { name: 'Clear' }).click();
    assert.equal(await page.locator('input[name="company"]').inputValue(), '');
    assert.equal(await page.locator('input[name="ports[0].port"]').inputValue(), '');
    assert.equal(await page.locator('input[name="plan"]:checked').count(), 0);
    assert.equal(await message(page).textContent(), 'Cleared the form.');
    assert.equal(await status(page).textContent(), 'Cleared. Nothing is saved in this browser now.');
    assert.equal(await stored(page), null);

    await page.getByRole('button', { name: 'Undo clear' }).click();
    assert.deepEqual(await formState(page), before);
    assert.equal(await message(page).textContent(), 'The form is back as it was before Clear.');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Clear', 'focus stays in the bar');
    assert.equal(await page.getByRole('button', { name: 'Undo clear' }).count(), 0);
    await waitForStatus(page, 'Saved in this browser only.');
    await reload(page);
    assert.deepEqual(await formState(page), before);

    // Clear, then leave: the form comes back empty.
    await page.getByRole('button', { name: 'Clear' }).click();
    await reload(page);
    assert.equal(await page.locator('input[name="company"]').inputValue(), '');
    assert.equal(await status(page).textContent(), 'Saved in this browser only, as you type.');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [what, script, said] of [
    ['blocked storage (localStorage throws)', () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    }, /^Not saved: this browser’s storage is unavailable\.$/],
    ['a full storage (setItem throws QuotaExceededError)', () => {
      Storage.prototype.setItem = function setItem() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    }, /^Not saved: this draft \(\d+ KB\) is more than this browser’s storage will hold, so the draft saved before is kept\.$/],
  ]) {
    it(`${what} says the work is not saved and never breaks the page`, T, async () => {
      const { page, context, errors } = await openPage(session.browser, session.server);
      await page.addInitScript(script);
      await reload(page);
      await fillForm(page, { ...VALID_AWS, account_id: '12345' });
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.plp-work-status')?.textContent || ''), said.source);
      assert.match(await status(page).getAttribute('class'), /plp-status-error/);
      await page.getByRole('button', { name: 'Check' }).click();
      assert.equal((await page.locator('[data-field="account_id"] .plp-msg-message').allTextContents()).length, 1);
      await page.locator('input[name="account_id"]').fill(VALID_AWS.account_id);
      await waitForPreview(page, 'ready');
      await page.getByRole('button', { name: 'Clear' }).click();
      assert.equal(await page.locator('input[name="company"]').inputValue(), '');
      await page.getByRole('button', { name: 'Undo clear' }).click();
      assert.equal(await page.locator('input[name="company"]').inputValue(), VALID_AWS.company);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('a draft too large for storage says so and keeps the last one that fit', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    await waitForStatus(page, 'Saved in this browser only.');
    const good = await stored(page);
    // Storage that holds 4 KB per value, as a nearly full one would.
    await page.evaluate(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function setItem(k, v) {
        if (String(v).length > 4096) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    });
    await page.locator('input[name="company"]').fill('Big Company '.repeat(500));
    await page.waitForFunction(() => /^Not saved: this draft \(\d+ KB\) is more than this browser’s storage will hold, so the draft saved before is kept\.$/.test(document.querySelector('.plp-work-status')?.textContent || ''));
    assert.match(await status(page).getAttribute('class'), /plp-status-error/);
    assert.equal(await stored(page), good);
    await reload(page);
    assert.equal(await page.locator('input[name="company"]').inputValue(), VALID_AWS.company);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('two tabs on one draft: an untouched tab takes the other’s draft, an edited one stops saving and says so', T, async () => {
    const { page: a, context, errors } = await openPage(session.browser, session.server);
    const b = await context.newPage();
    await b.goto(session.server.url);
    await formChecking(b);
    // A types; B, untouched, follows.
    await fillForm(a, VALID_AWS);
    await waitForStatus(a, 'Saved in this browser only.');
    await waitForStatus(b, 'Updated with the draft saved in another tab. Saved in this browser only.');
    assert.equal(await b.locator('input[name="company"]').inputValue(), VALID_AWS.company);
    // A is typed into and, before A's save is due, B saves the draft: A holds an unsaved edit.
    await a.locator('input[name="company"]').fill('Tab A Ltd');
    await b.evaluate((key) => {
      const d = JSON.parse(localStorage.getItem(key));
      d.values.company = 'Tab B Ltd';
      localStorage.setItem(key, JSON.stringify(d));
    }, KEY);
    // A stops saving and says so; B's draft is what is stored, A's text stays on A's screen.
    const conflict = 'This draft was also changed in another tab. This tab no longer saves over it, so neither version is lost: “Keep this tab’s version” saves what is here; reload to take the other tab’s.';
    await waitForStatus(a, conflict);
    assert.equal(JSON.parse(await stored(a)).values.company, 'Tab B Ltd');
    assert.equal(await a.locator('input[name="company"]').inputValue(), 'Tab A Ltd');
    await a.locator('input[name="company"]').fill('Tab A Ltd, again');
    await a.waitForTimeout(500);
    assert.equal(JSON.parse(await stored(a)).values.company, 'Tab B Ltd', 'no silent overwrite');
    // Keeping A's version saves it, on purpose.
    await a.getByRole('button', { name: 'Keep this tab’s version' }).click();
    assert.equal(JSON.parse(await stored(a)).values.company, 'Tab A Ltd, again');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a draft that is not one (tampered or from elsewhere) is ignored, and the page starts empty', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    for (const bad of [
      '{not json', '[1,2]', JSON.stringify({ format: 9, values: {} }), JSON.stringify({ format: 1, values: 'company' }),
      // Not one value the form can show: nothing to restore.
      JSON.stringify({ format: 1, values: { ports: 'eighty' } }),
      JSON.stringify({ format: 1, values: { cloud: 'gcp', mode: 'sideways' } }),
    ]) {
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, bad]);
      await reload(page);
      assert.equal(await page.locator('input[name="company"]').inputValue(), '', bad);
      assert.match(await status(page).textContent(), /^The saved draft could not be read/, bad);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a draft with a value no control can show restores the rest, and names what it left out', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, account_id: '12345' });
    await waitForStatus(page, 'Saved in this browser only.');
    const saved = JSON.parse(await stored(page));
    const restore = async (values) => {
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify({ ...saved, values })]);
      await reload(page);
      return status(page).textContent();
    };

    // A cloud the form does not offer (edited by hand, or from another version of the page).
    assert.match(await restore({ ...saved.values, cloud: 'gcp' }),
      /^Restored your draft from .+\. Left out what this form cannot show: cloud\. Saved in this browser only\.$/);
    assert.equal(await page.locator('input[name="company"]').inputValue(), VALID_AWS.company);
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '12345');
    assert.equal(await page.locator('input[name="region"]').inputValue(), VALID_AWS.region);
    assert.equal(await page.locator('input[name="ports[0].port"]').inputValue(), saved.values.ports[0].port);
    assert.equal(await page.locator('input[name="cloud"][value="aws"]').isChecked(), true, 'the form’s own default');

    // One port row of a protocol the form has no choice for: the other rows are kept.
    const ports = [{ service: 'SFTP', port: '22', protocol: 'icmp' }, ...saved.values.ports];
    assert.match(await restore({ ...saved.values, ports }), /Left out what this form cannot show: ports\[0\]\.protocol\./);
    assert.equal(await page.locator('input[name="company"]').inputValue(), VALID_AWS.company);
    assert.equal(await page.locator('input[name="ports[1].port"]').inputValue(), saved.values.ports[0].port);

    // In change mode: a change of an action the form does not know, beside one it does.
    const changes = [{ action: 'rename' }, { action: 'remove_connection', environment: 'staging' }];
    assert.match(await restore({ ...saved.values, mode: 'change', change: { company: 'Change Ltd', changes } }),
      /Left out what this form cannot show: change\.changes\[0\]\.action\./);
    const shown = await changeControls(page);
    assert.equal(shown.mode, 'change');
    assert.equal(shown.company, 'Change Ltd');
    assert.equal(shown['changes[1].action'], 'remove_connection');
    assert.equal(shown['changes[1].environment'], 'staging');

    // The network fields: a list given as text is left out, the company kept.
    assert.match(await restore({ company: 'x', network: { customer_network: { vpc_id: 'vpc-0a1b2c3d', subnet_ids: 'subnet-1' } } }),
      /Left out what this form cannot show: network\.customer_network\.subnet_ids\./);
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'x');
    assert.equal(await page.locator('input[name="customer_network.vpc_id"]').inputValue(), 'vpc-0a1b2c3d');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a change request typed in change mode survives a reload: the mode, every row and value', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, { company: 'Enablement Ltd', account_id: '12345' });
    await fillChange(page, A_CHANGE);
    await waitForStatus(page, 'Saved in this browser only.');
    const sent = await pageRequest(page);
    assert.equal(sent.kind, 'change');
    assert.equal(sent.changes.length, 4);
    const before = await formState(page);
    const shown = await changeControls(page);
    assert.equal(shown['changes[2].ports[1].protocol'], 'udp');

    await reload(page);
    assert.match(await status(page).textContent(), /^Restored your draft from /);
    assert.deepEqual(await formState(page), before);
    assert.deepEqual(await changeControls(page), shown);
    assert.deepEqual(await pageRequest(page), sent);

    // The enablement values typed before are kept beside it.
    await page.locator('input[name="kind"][value="enablement"]').check();
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Enablement Ltd');
    assert.equal(await page.locator('input[name="account_id"]').inputValue(), '12345');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the network fields survive a reload, both clouds\' values', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    const aws = {
      customer_network: {
        vpc_id: 'vpc-0c1d2e3f4a5b6c7d8',
        subnet_ids: ['subnet-0aa11bb22cc33dd44', 'subnet-0ee55ff66aa77bb88'],
        security_group_ids: ['sg-0123456789abcdef0'],
      },
      adobe_endpoint_service: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0f1e2d3c4b5a69788',
    };
    await fillNetwork(page, aws);
    await page.locator('input[name="cloud"][value="azure"]').check();
    await fillNetwork(page, { customer_network: { resource_group: 'rg-shop', vnet_name: 'vnet-shop', subnet_name: 'snet-endpoints' } });
    await page.locator('input[name="cloud"][value="aws"]').check();
    await waitForStatus(page, 'Saved in this browser only.');
    const sent = await pageRequest(page);
    assert.deepEqual(sent.customer_network, aws.customer_network);
    assert.equal(sent.adobe_endpoint_service, aws.adobe_endpoint_service);
    const before = await formState(page);

    await reload(page);
    assert.deepEqual(await formState(page), before);
    assert.deepEqual(await pageRequest(page), sent);
    assert.equal(await page.locator('details.plp-network').evaluate((d) => d.open), true, 'the filled section opens');
    assert.equal(await page.locator('input[name="customer_network.subnet_ids[1]"]').inputValue(), 'subnet-0ee55ff66aa77bb88');
    await page.locator('input[name="cloud"][value="azure"]').check();
    assert.equal(await page.locator('input[name="customer_network.vnet_name"]').inputValue(), 'vnet-shop');
    assert.deepEqual((await pageRequest(page)).customer_network,
      { resource_group: 'rg-shop', vnet_name: 'vnet-shop', subnet_name: 'snet-endpoints' });
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('export and import', () => {
  const BAD_FILES = [
    ['notes.txt', 'hello, this is not JSON', 'it is not valid JSON. Choose a request document (.json) such as “Export JSON” writes.'],
    ['empty.json', '', 'it is not valid JSON. Choose a request document (.json) such as “Export JSON” writes.'],
    ['big.json', `{"company":"${'x'.repeat(1024 * 1024)}"}`, 'it is 1,048,590 bytes, and a request file is at most 1 MiB (1,048,576 bytes).'],
    ['list.json', JSON.stringify([{ company: 'Example Ltd' }]), 'The document is a list, not a JSON object of request fields.'],
    ['string.json', '"company"', 'The document is the text "company", not a JSON object of request fields.'],
    ['contacts.json', JSON.stringify({ name: 'Ann', email: 'ann@example.com' }), 'none of its fields is a field of a request document. The field "email" is not part of the request and is ignored. The field "name" is not part of the request and is ignored.'],
    ['ports.json', JSON.stringify({ company: 'Other Ltd', ports: '80' }), 'Services and ports Adobe must open: give a list of {service, port, protocol} entries, not the text "80".'],
    ['cloud.json', JSON.stringify({ company: 'Other Ltd', cloud: 'gcp' }), 'The cloud "gcp" is neither AWS nor Azure.'],
    ['v2.json', JSON.stringify({ version: 2, company: 'Other Ltd' }), 'Format version 2 is not supported; this tool reads version 1.'],
    ['kind.json', JSON.stringify({ kind: 'migration', company: 'Other Ltd' }), 'The request kind "migration" is not known; a request is an enablement (the default) or a change.'],
    ['action.json', JSON.stringify({ kind: 'change', company: 'Other Ltd', changes: [{ action: 'rename' }] }),
      '"rename" is not a change action; the actions are add_environment, remove_connection, change_account, add_endpoint_service, remove_endpoint_service, open_ports and close_ports.'],
    ['network.json', JSON.stringify({ company: 'Other Ltd', customer_network: { subnet_ids: 'subnet-1' } }),
      'Subnet IDs: give a list of IDs, not the text "subnet-1".'],
    // Latin-1 "Zürich" (0xFC): the CLI refuses it as not UTF-8, and so does the page (no U+FFFD).
    ['latin1.json', Buffer.concat([Buffer.from('{"company": "Z'), Buffer.from([0xfc]), Buffer.from('rich AG"}')]),
      'it is not UTF-8 text. Save it as UTF-8 and import it again.'],
  ];

  it(`${BAD_FILES.length} bad files each get a clear message and leave the form as it was`, T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, account_id: '12345' });
    await page.getByRole('button', { name: 'Check' }).click();
    const before = await formState(page);
    const summary = await page.locator('.plp-summary').textContent();
    for (const [name, content, reason] of BAD_FILES) {
      await importFile(page, name, content);
      await page.waitForFunction((n) => document.querySelector('.plp-work-message').textContent.includes(n), name);
      assert.equal(await message(page).textContent(), `Could not import ${name}: ${reason} Nothing changed.`);
      assert.match(await message(page).getAttribute('class'), /plp-status-error/);
      assert.deepEqual(await formState(page), before, `the form changed after ${name}`);
      assert.equal(await page.locator('.plp-summary').textContent(), summary);
      assert.equal(await page.locator('.plp-undo').isVisible(), false, 'no undo for a refused file');
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a valid file replaces the form (the same ticket as the CLI), and Undo import brings the old one back', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, { company: 'Before Ltd', account_id: '12345', region: 'eu-west-1' });
    const before = await formState(page);
    const name = 'azure-bidirectional.json';
    const text = readFileSync(join(ROOT, 'tests', 'requests', name), 'utf8');
    await importFile(page, name, text);
    await page.waitForFunction(() => document.querySelector('.plp-work-message').textContent.startsWith('Imported'));
    assert.equal(await message(page).textContent(), `Imported ${name}.`);
    assert.equal(await page.locator('input[name="azure.cluster_id"]').inputValue(), 'azure-pro-eastus2-042');
    assert.equal(await page.locator('input[name="connection_type"][value="bidirectional"]').isChecked(), true);
    await waitForPreview(page, 'ready');
    assert.equal(await THE_TICKET(page), cli(['ticket', '--format', 'text'], JSON.parse(text)).stdout);

    await page.getByRole('button', { name: 'Undo import' }).click();
    assert.deepEqual(await formState(page), before);
    assert.equal(await message(page).textContent(), `Undid the import of ${name}: the form is as it was.`);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Import JSON');
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Before Ltd');

    // Fields the form does not edit are named, not silently dropped; the network fields are kept.
    await importFile(page, 'more.json', JSON.stringify({ ...JSON.parse(text), notes: 'x', changes: [], customer_network: { vnet_name: 'v' } }));
    await page.waitForFunction(() => document.querySelector('.plp-work-message').textContent.startsWith('Imported more.json'));
    assert.equal(await message(page).textContent(), 'Imported more.json. Left out what this form does not edit: changes, notes.');
    assert.equal(await page.locator('input[name="customer_network.vnet_name"]').inputValue(), 'v');
    assert.deepEqual((await pageRequest(page)).customer_network, { vnet_name: 'v' });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Export JSON writes the request the form sends, and importing it gives the same form', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, { ...VALID_AWS, cloud: 'azure', azure: { cluster_id: 'c1', subscription_ids: ['1b4e28ba-2fa1-11d2-883f-0016d3cca427'] } });
    const sent = await pageRequest(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    assert.equal(download.suggestedFilename(), 'privatelink-request.json');
    const text = readFileSync(await download.path(), 'utf8');
    assert.deepEqual(JSON.parse(text), sent);
    assert.equal(await message(page).textContent(), 'Downloaded privatelink-request.json: the request as the form sends it. “Import JSON” reads it back.');

    await page.getByRole('button', { name: 'Clear' }).click();
    assert.notDeepEqual(await pageRequest(page), sent);
    await importFile(page, 'privatelink-request.json', text);
    await page.waitForFunction(() => document.querySelector('.plp-work-message').textContent.startsWith('Imported'));
    assert.deepEqual(await pageRequest(page), sent);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Export JSON in change mode writes the change request, and importing it restores the mode, rows and values', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillChange(page, A_CHANGE);
    await fillNetwork(page, { adobe_endpoint_service: 'com.amazonaws.vpce.us-east-1.vpce-svc-0f1e2d3c4b5a69788' });
    const sent = await pageRequest(page);
    const shown = await changeControls(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.deepEqual(JSON.parse(text), sent);
    assert.equal(JSON.parse(text).kind, 'change');

    await page.getByRole('button', { name: 'Clear' }).click();
    assert.equal(await page.locator('input[name="kind"][value="enablement"]').isChecked(), true, 'Clear starts a new enablement');
    await importFile(page, 'privatelink-request.json', text);
    await page.waitForFunction(() => document.querySelector('.plp-work-message').textContent.startsWith('Imported'));
    assert.equal(await message(page).textContent(), 'Imported privatelink-request.json.');
    assert.equal(await page.locator('input[name="kind"][value="change"]').isChecked(), true);
    assert.equal(await page.locator('form.plp-form fieldset.plp-change').count(), 4);
    assert.deepEqual(await changeControls(page), shown);
    assert.deepEqual(await pageRequest(page), sent);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('importing tests/requests/change-aws.json opens change mode, and the preview is the CLI\'s ticket', T, async () => {
    const { page, context, errors } = await openPage(session.browser, session.server);
    await fillForm(page, VALID_AWS);
    const before = await formState(page);
    const name = 'change-aws.json';
    const text = readFileSync(join(ROOT, 'tests', 'requests', name), 'utf8');
    await importFile(page, name, text);
    await page.waitForFunction(() => document.querySelector('.plp-work-message').textContent.startsWith('Imported'));
    assert.equal(await message(page).textContent(), `Imported ${name}.`);
    assert.equal(await page.locator('input[name="kind"][value="change"]').isChecked(), true);
    assert.equal(await page.locator('input[name="company"]').inputValue(), 'Acme Outdoor, Inc.');
    assert.equal(await page.locator('select[name="changes[2].action"]').inputValue(), 'add_endpoint_service');
    assert.equal(await page.locator('input[name="changes[2].ports[0].port"]').inputValue(), '8443');
    await waitForPreview(page, 'ready');
    const expected = cli(['ticket', '--format', 'text'], JSON.parse(text));
    assert.equal(expected.status, 0, expected.stderr);
    assert.equal(await THE_TICKET(page), expected.stdout);

    await page.getByRole('button', { name: 'Undo import' }).click();
    assert.deepEqual(await formState(page), before);
    assert.equal(await page.locator('input[name="kind"][value="enablement"]').isChecked(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an imported file and its name stay text: nothing runs, no element appears', T, async () => {
    const { page, context, errors, dialogs } = await openPage(session.browser, session.server);
    const DANGEROUS = 'img, svg, iframe, b#injected, [onerror], [onload]';
    const payload = '<img src=x onerror="window.__xss=1;alert(1)"><b id=injected>x</b>';
    const name = '<svg onload=window.__xss=1>.json';
    await importFile(page, name, JSON.stringify({ company: payload, ports: [{ service: payload, port: '80' }] }));
    await page.waitForFunction(() => document.querySelector('.plp-work-message').textContent.startsWith('Imported'));
    assert.equal(await message(page).textContent(), `Imported ${name}.`);
    await importFile(page, `${name}2`, payload);
    await page.waitForFunction(() => document.querySelector('.plp-work-message').textContent.includes('not valid JSON'));
    assert.equal(await page.locator('input[name="company"]').inputValue(), payload);
    assert.equal(await page.locator('input[name="ports[0].service"]').inputValue(), payload);
    await page.getByRole('button', { name: 'Check' }).click();
    assert.equal(await page.locator(DANGEROUS).count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
