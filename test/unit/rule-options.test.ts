/** Rule options reach the rule as ctx.options: given per rule, defaults otherwise, the deprecated copiedTextThreshold mapped in. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { buildWorkspaceIndex } from '../../server/src/workspace';
import type { Rule } from '../../server/src/rules/rule';
import { FIXTURES } from './helpers';

describe('rule options', () => {
  it('copied-text reads its threshold (percent) from ruleOptions; an invalid value gives the default; the old share still works', () => {
    const dir = join(FIXTURES, 'rules', 'copied-text');
    const files = [join(dir, 'invalid-copied.txt'), join(dir, 'invalid-copied', '清河镇2022年报告.txt')].map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
    const index = buildWorkspaceIndex(files);
    const count = (opts: object) => analyze(files[0].text, { workspace: { index, path: files[0].path }, ...opts }).diagnostics.filter((d) => d.code === 'copied-text').length;
    assert.equal(count({}), 1);
    assert.equal(count({ ruleOptions: { 'copied-text': { threshold: 100 } } }), 0);
    assert.equal(count({ ruleOptions: { 'copied-text': { threshold: 0.5 } } }), 1, 'below the minimum: the default');
    assert.equal(count({ copiedTextThreshold: 1 }), 0, 'the deprecated share');
    assert.equal(count({ copiedTextThreshold: 1, ruleOptions: { 'copied-text': { threshold: 50 } } }), 1, 'ruleOptions wins');
  });

  it('a rule gets its declared options only, with defaults', () => {
    let seen: unknown;
    const probe: Rule = {
      id: 'probe', names: { zh: '探针', en: 'probe' }, description: { zh: '', en: '' }, tags: ['content'], defaultSeverity: 'info', fixable: false,
      options: { limit: { description: { zh: '', en: '' }, schema: { type: 'integer', minimum: 1 }, default: 3 } },
      check(ctx) { seen = ctx.options; },
    };
    analyze('x', { extraRules: [probe], ruleOptions: { probe: { limit: 7, other: 1 } } });
    assert.deepEqual(seen, { limit: 7 });
    analyze('x', { extraRules: [probe], ruleOptions: { probe: { limit: 2.5 } } });
    assert.deepEqual(seen, { limit: 3 });
  });

  it('engine codes are set like rules: another severity, or off', () => {
    const garbled = '\uFFFD'.repeat(40) + '\n报告';
    assert.equal(analyze(garbled).diagnostics[0].severity, 'error');
    assert.equal(analyze(garbled, { rules: { encoding: 'warning' } }).diagnostics[0].severity, 'warning');
    assert.deepEqual(analyze(garbled, { rules: { encoding: 'off' } }).diagnostics, []);
    const noReason = '<!-- ogi-report-disable blank-cell -->\n';
    assert.equal(analyze(noReason).diagnostics.filter((d) => d.code === 'suppression').length, 1);
    assert.equal(analyze(noReason, { rules: { suppression: 'off' } }).diagnostics.filter((d) => d.code === 'suppression').length, 0);
    assert.equal(analyze(noReason, { rules: { suppression: 'hint' } }).diagnostics.find((d) => d.code === 'suppression')!.severity, 'hint');
  });
});
