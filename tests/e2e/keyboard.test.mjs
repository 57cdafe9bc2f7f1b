// Keyboard only, top to bottom: fill a valid request, check it and copy the ticket without a mouse.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, cli, waitForPreview, useServerAndBrowser, pageRequest } from './helpers.mjs';

const session = useServerAndBrowser();

const TYPE = {
  company: 'Keyboard Co',
  project_id: 'yw1unoukjcawe',
  region: 'us-east-1',
  account_id: '012345678901',
  'ports[0].service': 'MySQL',
  'ports[0].port': '3306',
};

it('fills, checks and copies the ticket with the keyboard alone', { timeout: 90_000 }, async () => {
  const { page, context, errors } = await openPage(session.browser, session.server, { permissions: ['clipboard-read', 'clipboard-write'] });
  const seen = [];
  let checkedOnce = false;
  let copied = false;
  for (let i = 0; i < 80 && !copied; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return {
        tag: a.tagName, name: a.getAttribute('name') || '', type: a.getAttribute('type') || '',
        value: a.value || '', checked: Boolean(a.checked), text: a.textContent.trim(),
      };
    });
    assert.notEqual(el.tag, 'BODY', `focus fell back to the page after ${seen.join(' > ')}`);
    seen.push(el.name || el.text || el.tag);
    if (TYPE[el.name] !== undefined && el.value === '') {
      await page.keyboard.type(TYPE[el.name]);
    } else if (el.name === 'plan' && !el.checked) {
      await page.keyboard.press('Space'); // the first radio of an empty group: Pro
    } else if (el.name === 'environments' && el.value === 'production' && !el.checked) {
      await page.keyboard.press('Space');
    } else if (el.type === 'submit' && !checkedOnce) {
      checkedOnce = true;
      await page.keyboard.press('Enter');
      await waitForPreview(page, 'ready');
      // A valid request moves focus to the ticket preview; keep tabbing from there.
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ticket preview');
    } else if (el.text === 'Copy body') {
      await page.keyboard.press('Enter');
      await page.locator('.plp-copy-status', { hasText: 'Copied the body' }).waitFor();
      copied = true;
    }
  }
  assert.ok(copied, `never reached "Copy body": ${seen.join(' > ')}`);
  const doc = await pageRequest(page);
  assert.deepEqual(doc.environments, ['production']);
  assert.equal(doc.plan, 'pro');
  const want = cli(['ticket', '--format', 'text'], doc).stdout;
  const body = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(want.endsWith(body.endsWith('\n') ? body : `${body}\n`), 'the clipboard holds the CLI body');
  // Focus order follows the page: company before region before ports before Check.
  const order = ['company', 'project_id', 'region', 'account_id', 'ports[0].service', 'Check', 'Copy body'];
  const at = order.map((n) => seen.indexOf(n));
  assert.deepEqual([...at].sort((a, b) => a - b), at, `order ${seen.join(' > ')}`);
  assert.ok(!at.includes(-1), `missing stops in ${seen.join(' > ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
