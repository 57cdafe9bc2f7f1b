// The JSON Schema that editors use (schema/privatelink-request.schema.json, generated from the
// Rust types) accepts every example request in tests/requests and rejects wrong shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(readFileSync(`${root}schema/privatelink-request.schema.json`, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const examples = readdirSync(`${root}tests/requests`).filter((f) => f.endsWith('.json'));

test('the schema has examples to check', () => {
  assert.ok(examples.length >= 4, `only ${examples.length} examples`);
});

for (const name of examples) {
  test(`example ${name} validates against the schema`, () => {
    const doc = JSON.parse(readFileSync(`${root}tests/requests/${name}`, 'utf8'));
    assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
  });
}

test('the schema rejects wrong shapes', () => {
  const base = JSON.parse(readFileSync(`${root}tests/requests/aws-unidirectional.json`, 'utf8'));
  const wrong = [
    { ...base, cloud: 'gcp' },
    { ...base, environments: 'production' },
    { ...base, ports: [{ service: 'Web', port: true }] },
    { ...base, ports: [] },
    { ...base, project_id: 'short' },
    { ...base, version: 2 },
    { ...base, connection_type: 'bidirectional' },
    { ...base, cloud: 'azure' },
    (({ company, ...rest }) => rest)(base),
  ];
  for (const doc of wrong) {
    assert.equal(validate(doc), false, JSON.stringify(doc));
  }
});
