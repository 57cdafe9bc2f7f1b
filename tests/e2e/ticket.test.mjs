// The ticket preview, copy and download: the same text as the CLI for the same request.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  openPage, fillForm, cli, waitForPreview, VALID_AWS, useServerAndBrowser, pageRequest,
} from './helpers.mjs';

const T = { timeout: 60_000 };
const session = useServerAndBrowser();

const AWS_BIDI = {
  ...VALID_AWS,
  company: 'Beispiel & Söhne <Commerce> GmbH',
  connection_type: 'bidirectional',
  ports: [{ service: 'SFTP', port: '2222', protocol: 'tcp' }, { service: 'Syslog', port: '514', protocol: 'udp' }],
  endpoint_services: [
    {
      name: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0',
      ports: [{ service: 'ERP API', port: '8080', protocol: 'tcp' }, { service: 'Reports', port: '8081', protocol: 'tcp' }],
      principal_allowed: true,
    },
    {
      name: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0fedcba9876543210',
      ports: [{ service: 'PIM', port: '9000', protocol: 'tcp' }],
      principal_allowed: true,
    },
  ],
  prerequisites: { nlb: true, endpoint_service: true },
};

const AZURE_BIDI = {
  company: 'Contoso | Markdown *stars* _and_ `ticks`',
  cloud: 'azure',
  region: 'westeurope',
  account_id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  project_id: 'abcdefgh12345',
  plan: 'pro',
  environments: ['production'],
  connection_type: 'bidirectional',
  ports: [{ service: 'MySQL', port: '3306', protocol: 'tcp' }],
  azure: { cluster_id: 'pl-cluster-01', subscription_ids: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'] },
  endpoint_services: [{
    name: 'erp.7c9e6679-7425-40de-944b-e07fc1f90ae7.westeurope.azure.privatelinkservice',
    ports: [{ service: 'ERP API', port: '8443', protocol: 'tcp' }],
    principal_allowed: true,
  }],
  prerequisites: { nlb: true, endpoint_service: true },
};

/** Subject and body of the visible tab, in the CLI's layout. */
async function shownTicket(page) {
  const panel = page.locator('.plp-panel:not([hidden])');
  const subject = await panel.locator('[data-part="subject"]').textContent();
  const body = await panel.locator('[data-part="body"]').textContent();
  return { subject, body, file: `Subject: ${subject}\n\n${body}${body.endsWith('\n') ? '' : '\n'}` };
}

async function readyPage(values, opts) {
  const opened = await openPage(session.browser, session.server, opts);
  await fillForm(opened.page, values);
  await waitForPreview(opened.page, 'ready');
  opened.doc = await pageRequest(opened.page);
  return opened;
}

describe('ticket preview', () => {
  for (const [name, values] of [['AWS, unidirectional', VALID_AWS], ['AWS, bidirectional', AWS_BIDI], ['Azure, bidirectional', AZURE_BIDI]]) {
    it(`equals the CLI ticket in plain text and Markdown (${name})`, T, async () => {
      const { page, context, doc, errors } = await readyPage(values);
      assert.match(await page.locator('.plp-preview-status').textContent(), /^Ready to send/);
      const text = cli(['ticket', '--format', 'text'], doc);
      assert.equal(text.status, 0, text.stderr);
      assert.equal((await shownTicket(page)).file, text.stdout);

      // Markdown tab, reached with the keyboard as ARIA tabs are.
      const textTab = page.getByRole('tab', { name: 'Plain text' });
      assert.equal(await textTab.getAttribute('aria-selected'), 'true');
      await textTab.focus();
      await page.keyboard.press('ArrowRight');
      const mdTab = page.getByRole('tab', { name: 'Markdown' });
      assert.equal(await mdTab.getAttribute('aria-selected'), 'true');
      assert.equal(await textTab.getAttribute('aria-selected'), 'false');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Markdown');
      assert.equal(await page.getByRole('tabpanel').getAttribute('aria-labelledby'), await mdTab.getAttribute('id'));
      const md = cli(['ticket', '--format', 'markdown'], doc);
      // The body as shown; the file (what the download writes) as the CLI writes it, its
      // subject line escaped Markdown.
      const shownMd = await shownTicket(page);
      assert.equal(`${shownMd.body}${shownMd.body.endsWith('\n') ? '' : '\n'}`, md.stdout.slice(md.stdout.indexOf('\n\n') + 2));
      assert.equal(await page.evaluate(() => window.privatelinkPrep.getTickets().markdown.file), md.stdout);
      assert.ok((await shownTicket(page)).subject.includes(values.company));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('says plainly when the request is not ready, and why', T, async () => {
    const { page, context } = await readyPage(VALID_AWS);
    await page.locator('input[name="project_id"]').fill('not a project');
    await waitForPreview(page, 'not-ready');
    assert.equal(await page.locator('.plp-preview-status').textContent(), 'Not ready: 1 error to fix.');
    assert.equal(await page.locator('.plp-ticket').isHidden(), true);
    await page.getByRole('button', { name: 'Show the problems' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('plp-summary')), true);
    assert.match(await page.locator('.plp-summary a').textContent(), /not a project/);
    await context.close();
  });

  it('copies the subject and the body (Clipboard API)', T, async () => {
    const { page, context, doc } = await readyPage(AWS_BIDI, { permissions: ['clipboard-read', 'clipboard-write'] });
    const shown = await shownTicket(page);
    await page.getByRole('button', { name: 'Copy subject' }).click();
    await page.locator('.plp-copy-status', { hasText: 'Copied the subject.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown.subject);
    assert.equal(shown.subject, `PrivateLink support for ${doc.company}`);
    await page.getByRole('button', { name: 'Copy body' }).click();
    await page.locator('.plp-copy-status', { hasText: 'Copied the body (plain text).' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown.body);

    await page.getByRole('tab', { name: 'Markdown' }).click();
    await page.getByRole('button', { name: 'Copy body' }).click();
    await page.locator('.plp-copy-status', { hasText: 'Copied the body (markdown).' }).waitFor();
    const md = cli(['ticket', '--format', 'markdown'], doc).stdout;
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The CLI's file: its subject line (escaped in Markdown), a blank line, the body copied.
    assert.equal(md.slice(md.indexOf('\n\n') + 2), `${copied}${copied.endsWith('\n') ? '' : '\n'}`);
    await context.close();
  });

  it('copies with the execCommand fallback when the Clipboard API is missing', T, async () => {
    const { page, context } = await readyPage(VALID_AWS, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate(() => {
      window.realClipboard = navigator.clipboard;
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    });
    const shown = await shownTicket(page);
    const button = page.getByRole('button', { name: 'Copy body' });
    await button.click();
    await page.locator('.plp-copy-status', { hasText: 'Copied the body' }).waitFor();
    assert.equal(await page.evaluate(() => window.realClipboard.readText()), shown.body);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Copy body', 'focus stays on the button');
    assert.equal(await page.locator('textarea:not(.plp-evidence-paste)').count(), 0, 'the helper textarea is gone (the paste areas of evidence stay)');
    await context.close();
  });

  it('downloads .txt, .md and .json with the CLI text', T, async () => {
    const { page, context, doc } = await readyPage(AZURE_BIDI);
    for (const [ext, format] of [['txt', 'text'], ['md', 'markdown'], ['json', 'json']]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Download ticket as .${ext}` }).click(),
      ]);
      assert.equal(download.suggestedFilename(), `privatelink-ticket.${ext}`);
      const got = readFileSync(await download.path(), 'utf8');
      const want = cli(['ticket', '--format', format], doc);
      assert.equal(want.status, 0);
      assert.equal(got, want.stdout, `.${ext}`);
      if (ext === 'json') assert.equal(JSON.parse(got).subject, `PrivateLink support for ${AZURE_BIDI.company}`);
      await page.locator('.plp-copy-status', { hasText: `Downloaded privatelink-ticket.${ext}.` }).waitFor();
    }
    await context.close();
  });
});
