/** The review ledger's schema and reader: what a supervisor writes by hand or exports from the summary page. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parseLedger } from '../../server/src/service/review';
import { ROOT } from './helpers';

const FP = '42017ee285f5848d:0123456789abcdef';

describe('review ledger', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ogi-report.review.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('the schema is contributed for ogi-report.review.json and accepts what the page exports', () => {
    const v = pkg.contributes.jsonValidation.find((x: { url: string }) => x.url.endsWith('ogi-report.review.schema.json'));
    assert.ok(v.fileMatch.includes('ogi-report.review.json'));
    const ledger = { version: 'ogiReport/v1', generated: '2025-03-01T08:00:00Z', entries: [
      { fingerprint: FP, rule: 'row-total', file: '洪泽区.txt', status: 'dismissed', reason: '原表如此', reviewer: '张三', at: '2025-03-01', message: '总计应为 5' },
      { fingerprint: FP.replace('0123', '9999'), rule: 'row-total', file: '洪泽区.txt', status: 'confirmed' },
    ] };
    assert.ok(validate(ledger), JSON.stringify(validate.errors));
    assert.ok(validate(ledger.entries), 'a bare array too');
  });

  it('the schema and the reader both refuse a dismissal without a reason', () => {
    const entries = [{ fingerprint: FP, rule: 'row-total', file: 'a.txt', status: 'dismissed', reason: ' ' }];
    assert.equal(validate({ entries }), false);
    const read = parseLedger(JSON.stringify({ entries }));
    assert.equal(read.entries.size, 0);
    assert.match(read.problems[0].zh, /驳回时须写明理由/);
    assert.match(read.problems[0].en, /without a reason/);
  });

  it('never throws on text that is not a ledger, and the later decision on a finding wins', () => {
    for (const t of ['', '{', 'null', '42', '{"entries":3}', '[null, 1, "x"]']) assert.doesNotThrow(() => parseLedger(t), t);
    assert.ok(parseLedger('{').problems.length);
    const two = parseLedger(JSON.stringify([
      { fingerprint: FP, status: 'dismissed', reason: '先驳回' },
      { fingerprint: FP, status: 'confirmed' },
    ]));
    assert.equal(two.entries.get(FP)?.status, 'confirmed');
  });
});
