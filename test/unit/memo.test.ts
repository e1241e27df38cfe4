/**
 * Per-report memos (server/src/base/memo.ts) are kept on the report itself, hidden: a copy of a report
 * or its JSON never carries another report's facts, and two memos never see each other's values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Memo } from '../../server/src/base/memo';
import { readFacts } from '../../server/src/model/facts';
import { parseReport } from '../../server/src/model/report';

describe('per-report memos', () => {
  it('keeps a value per object, apart from other memos, and invisible to copies and JSON', () => {
    const a = new Memo<object, number>();
    const b = new Memo<object, number>();
    const o = { x: 1 };
    assert.equal(a.get(o), undefined);
    a.set(o, 1);
    b.set(o, 2);
    assert.equal(a.get(o), 1);
    assert.equal(b.get(o), 2);
    a.set(o, 3);
    assert.equal(a.get(o), 3);
    assert.deepEqual(Object.keys(o), ['x']);
    assert.equal(JSON.stringify(o), '{"x":1}');
    assert.equal(a.get({ ...o }), undefined, 'a copy has no memo');
    assert.deepStrictEqual(o, { x: 1 });
    const frozen = Object.freeze({ y: 1 });
    assert.doesNotThrow(() => a.set(frozen, 5));
    assert.equal(a.get(frozen), undefined, 'a frozen object keeps nothing');
  });

  it('a report and its copy each read their own facts', () => {
    const report = parseReport('某某县人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n2023年，本县……\n');
    const facts = readFacts(report);
    assert.equal(readFacts(report), facts, 'computed once per report');
    const copy = { ...report, yearSource: null };
    assert.notEqual(readFacts(copy), facts, 'a copy is read afresh');
  });
});
