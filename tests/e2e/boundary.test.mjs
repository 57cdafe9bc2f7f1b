// The module's boundary in a real browser, as a hostile host page would try it: on the example
// host page (two <privatelink-prep> elements sharing one core), a hundred calls whose argument
// throws, traps, re-enters validate or overflows the stack fail alone with the core's message,
// and afterwards both elements and the portal API still give the CLI's answers. Values JSON
// cannot hold are reported on their field; huge lists, keys and reports are bounded.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, cliReport, VALID_AWS, documentFor, useServerAndBrowser } from './helpers.mjs';

const T = { timeout: 120_000 };
const session = useServerAndBrowser();

async function openEmbed() {
  const opened = await openPage(session.browser, session.server, { url: `${session.server.origin}/examples/embed.html` });
  await opened.page.waitForFunction(() => [...document.querySelectorAll('privatelink-prep')]
    .every((el) => el.shadowRoot && el.shadowRoot.querySelector('form.plp-form')));
  return opened;
}

describe('the module boundary against a hostile host', () => {
  it('a hundred poisoned calls fail alone; both elements and the API still answer as the CLI', T, async () => {
    const { page, context, errors } = await openEmbed();
    const valid = documentFor(VALID_AWS);
    const result = await page.evaluate(async (doc) => {
      const core = await (await import('/www/core.js')).load();
      const hostile = [
        () => ({ get company() { throw new Error('boom'); } }),
        () => new Proxy({}, { ownKeys() { throw new TypeError('no keys'); } }),
        () => { const o = {}; Object.defineProperty(o, 'company', { enumerable: true, get() { return core.validate(o); } }); return o; },
        () => ({ get company() { const f = () => f() + 1; return f(); } }),
        () => { const o = { cloud: 'aws' }; o.self = o; return o; },
      ];
      const seen = [];
      for (let round = 0; round < 20; round++) {
        for (const make of hostile) {
          try {
            const r = core.validate(make());
            seen.push(r.diagnostics.map((d) => d.code).join(','));
          } catch (e) {
            seen.push(`threw ${e && e.message}`);
          }
        }
      }
      return { seen: [...new Set(seen)], after: core.validate(doc), ticket: core.renderTicket(doc) };
    }, valid);
    assert.deepEqual(result.seen.filter((s) => s.startsWith('threw')), [], 'validate never throws');
    assert.ok(result.seen.includes('PL016'), result.seen.join(' | '));
    assert.ok(result.seen.some((s) => s.includes('PL015')), result.seen.join(' | '));
    assert.deepEqual(result.after, cliReport(valid));
    // Both elements still check as the CLI does.
    const shown = await page.evaluate(() => [...document.querySelectorAll('privatelink-prep')].map((el) => {
      el.setValue('account_id', '12345');
      return { report: el.check(), request: el.getRequest() };
    }));
    for (const { report, request } of shown) {
      assert.deepEqual(report, cliReport(request));
      assert.equal(report.diagnostics.filter((d) => d.field === 'account_id').length, 1);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('values JSON cannot hold are reported on their field; huge lists and keys are refused or bounded at once', T, async () => {
    const { page, context, errors } = await openEmbed();
    const valid = documentFor(VALID_AWS);
    const out = await page.evaluate(async (doc) => {
      const core = await (await import('/www/core.js')).load();
      const codes = (r) => r.diagnostics.map((d) => `${d.code} ${d.field}`);
      const timed = (f) => { const t = performance.now(); const r = f(); return { r, ms: performance.now() - t }; };
      const big = {};
      big['x'.repeat(1_000_000)] = 1;
      return {
        bigint: codes(core.validate({ ...doc, ports: [{ service: 'HTTP', port: 80n }] })),
        nan: codes(core.validate({ ...doc, ports: [{ service: 'HTTP', port: NaN }] })),
        sparse: (() => { const x = timed(() => core.validate({ ...doc, ports: new Array(1e8) })); return { codes: codes(x.r), ms: x.ms }; })(),
        key: (() => { const x = timed(() => core.validate({ ...doc, ...big })); return { codes: x.r.diagnostics.map((d) => d.code), ms: x.ms }; })(),
        many: (() => {
          const r = core.validate({ ...doc, connection_type: 'bidirectional', endpoint_services: Array.from({ length: 300000 }, () => ({})) });
          return { n: r.diagnostics.length, last: r.diagnostics[r.diagnostics.length - 1] };
        })(),
        deep: (() => { let v = 1; for (let i = 0; i < 1000; i++) v = [v]; return codes(core.validate({ ...doc, company: v })); })(),
        noFormat: core.renderTicket(doc).body === core.renderTicket(doc, 'text').body,
        regions: (() => { try { core.regions(); return 'no error'; } catch (e) { return e.message; } })(),
      };
    }, valid);
    assert.deepEqual(out.bigint, ['PL015 ports[0].port']);
    assert.deepEqual(out.nan, ['PL015 ports[0].port']);
    assert.deepEqual(out.sparse.codes, ['PL002 ']);
    assert.ok(out.sparse.ms < 200, `new Array(1e8) took ${out.sparse.ms} ms`);
    assert.deepEqual(out.key.codes, ['PL004']);
    assert.ok(out.key.ms < 1000, `a 1,000,000-character key took ${out.key.ms} ms`);
    assert.equal(out.many.n, 201);
    assert.equal(out.many.last.code, 'PL018');
    assert.deepEqual(out.deep, ['PL017 ']);
    assert.ok(out.noFormat);
    assert.equal(out.regions, 'regions(cloud) needs the cloud: "aws" or "azure".');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
