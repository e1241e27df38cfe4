/** The CLI's reporters and the configuration schema, in process (test/integration/cli-formats.test.ts runs the CLI). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { RULES } from '../../server/src/service/analyze';
import { effectiveOptions, parseConfig } from '../../server/src/service/config';
import { ENGINE_CODES } from '../../server/src/service/engine-codes';
import { jsonEntry, newSummary, sarifReporter, textReporter } from '../../server/src/cli/output';
import type { FileResult } from '../../server/src/cli/check';
import { validateSarif } from '../helpers/sarif';
import { ROOT } from './helpers';

describe('output of imported files', () => {
  it('the page or paragraph of a finding appears in text, JSON and SARIF', () => {
    const result: FileResult = {
      file: 'r.pdf', kind: 'pdf', formatVersion: '2021', year: 2024, status: 'errors', notes: [],
      diagnostics: [{ code: 'row-total', severity: 'error', line: 40, column: 3, endLine: 40, endColumn: 5, message: '总计应为 5', fixable: true, page: 3 }],
    };
    let text = '';
    textReporter((s) => (text += s), 'zh-cn').file(result);
    assert.equal(text, 'r.pdf:40:3: 错误 [row-total] 总计应为 5（可自动修复）［第 3 页］\n');
    assert.equal((jsonEntry(result, 'en') as unknown as { diagnostics: { page: number }[] }).diagnostics[0].page, 3);
    let sarif = '';
    const rep = sarifReporter((s) => (sarif += s), 'zh-cn', { version: '0', commandLine: 'x' });
    rep.file({ ...result, diagnostics: [{ ...result.diagnostics[0], page: undefined, paragraph: 12 }] });
    rep.end({ ...newSummary('0'), files: 1, errors: 1, byStatus: { ...newSummary('0').byStatus, errors: 1 } });
    const log = JSON.parse(sarif);
    assert.ok(validateSarif(log));
    assert.equal(log.runs[0].results[0].properties.paragraph, 12);
  });
});

describe('configuration schema', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ogi-report.config.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('the schema is contributed through jsonValidation and knows every rule and engine code', () => {
    const v = pkg.contributes.jsonValidation.find((x: { url: string }) => x.url === './schemas/ogi-report.config.schema.json');
    assert.deepEqual(v.fileMatch, ['ogi-report.config.json', '.ogi-reportrc.json']);
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULES.map((r) => r.id), ...ENGINE_CODES.map((c) => c.id)].sort());
  });

  it('the schema and the parser agree on valid and invalid configurations', () => {
    const valid = [{}, { rules: { 'blank-cell': 'off', title: 'info' } }, { ignore: ['草稿/**', '*.bak.txt'] }, { copiedTextThreshold: 0.85, $schema: './x.json' },
      { rules: { 'copied-text': { severity: 'info', threshold: 60 } } }, { rules: { 'copied-text': { threshold: 85.5 } } }, { rules: { encoding: 'warning', suppression: 'off' } }];
    const invalid = [{ rules: { 'no-such-rule': 'off' } }, { rules: { title: 'loud' } }, { ignore: 'x' }, { copiedTextThreshold: 2 }, { colour: 'red' }, [],
      { rules: { 'copied-text': { threshold: 0.6 } } }, { rules: { 'copied-text': { severity: 'loud' } } }, { rules: { 'copied-text': { limit: 60 } } },
      { rules: { title: { severity: 'off' } } }];
    for (const c of valid) {
      assert.ok(validate(c), JSON.stringify(c));
      assert.deepEqual(parseConfig(JSON.stringify(c)).problems, [], JSON.stringify(c));
    }
    for (const c of invalid) {
      assert.equal(validate(c), false, JSON.stringify(c));
      assert.ok(parseConfig(JSON.stringify(c)).problems.length > 0, JSON.stringify(c));
    }
    assert.ok(parseConfig('{ not json').problems[0].zh.startsWith('不是有效的 JSON'));
  });

  it('rule options: an object beside the severity, in percent; the old top-level share is read with a warning', () => {
    const now = parseConfig(JSON.stringify({ rules: { 'copied-text': { severity: 'info', threshold: 60 } } }));
    assert.deepEqual([now.config.rules, now.config.ruleOptions, now.warnings], [{ 'copied-text': 'info' }, { 'copied-text': { threshold: 60 } }, []]);
    const old = parseConfig(JSON.stringify({ copiedTextThreshold: 0.85 }));
    assert.deepEqual(old.config.ruleOptions, { 'copied-text': { threshold: 85 } });
    assert.equal(old.warnings.length, 1);
    assert.match(old.warnings[0].en, /"threshold": 85/);
    const both = parseConfig(JSON.stringify({ copiedTextThreshold: 0.85, rules: { 'copied-text': { threshold: 70 } } }));
    assert.deepEqual(both.config.ruleOptions, { 'copied-text': { threshold: 70 } }, 'the rule\'s own option wins');
    // The editor setting may give the object form too; the configuration file wins option by option.
    const eff = effectiveOptions({ 'copied-text': { severity: 'hint', threshold: 40 }, title: 'off' }, now.config);
    assert.deepEqual([eff.rules, eff.ruleOptions], [{ 'copied-text': 'info', title: 'off' }, { 'copied-text': { threshold: 60 } }]);
  });
});
