/**
 * `ogi-report check --format json` names its tool, as SARIF does: `{"tool": {"name": "ogi-report",
 * "version"}, "files": [...]}`, valid against schemas/ogi-report.output.schema.json. `--output` still
 * recognises it (and earlier bare-array outputs) as its own, and `--baseline` reads both shapes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { jsonReporter, newSummary } from '../../server/src/cli/output';
import { isEarlierOutput } from '../../server/src/cli/output-guard';
import type { FileResult } from '../../server/src/cli/check';
import { parseBaseline } from '../../server/src/service/review';
import { ROOT } from './helpers';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ogi-report.output.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const FP = '0123456789abcdef:fedcba9876543210';
const RESULT: FileResult = {
  file: 'r.txt', kind: 'text', encoding: 'utf-8', bom: false, formatVersion: '2021', year: 2024, status: 'errors', notes: [],
  identity: '0123456789abcdef', agency: '清河镇人民政府', related: [],
  diagnostics: [{ code: 'row-total', severity: 'error', line: 40, column: 3, endLine: 40, endColumn: 5, message: '总计应为 5', fixable: true, fingerprint: FP, place: { context: 'x', occurrence: 0 } }],
};
const UNREADABLE: FileResult = {
  file: 'b.txt', kind: 'text', formatVersion: null, year: null, status: 'unreadable', notes: [], diagnostics: [],
  error: { kind: 'binary', message: { zh: '不是文本文件', en: 'not a text file' } },
};

function run(results: FileResult[], version = '1.2.3'): string {
  let out = '';
  const rep = jsonReporter((s) => (out += s), 'zh-cn', { version });
  for (const r of results) rep.file(r);
  rep.end(newSummary(version));
  return out;
}

describe('--format json names its tool', () => {
  it('the top level holds "tool" with the name and the package version, then the files', () => {
    const j = JSON.parse(run([RESULT, UNREADABLE]));
    assert.deepEqual(Object.keys(j), ['tool', 'files']);
    assert.deepEqual(j.tool, { name: 'ogi-report', version: '1.2.3' });
    assert.deepEqual(j.files.map((f: { file: string }) => f.file), ['r.txt', 'b.txt']);
    assert.equal(j.files[0].diagnostics[0].code, 'row-total');
    assert.equal(j.files[1].error.message, '不是文本文件');
  });

  it('a run without files still names its tool', () => {
    assert.deepEqual(JSON.parse(run([])), { tool: { name: 'ogi-report', version: '1.2.3' }, files: [] });
  });

  it('the output is valid against schemas/ogi-report.output.schema.json, which requires the tool', () => {
    for (const out of [run([RESULT, UNREADABLE]), run([])]) assert.ok(validate(JSON.parse(out)), JSON.stringify(validate.errors));
    assert.equal(validate({ files: [] }), false, 'no tool: invalid');
    assert.equal(validate({ tool: { name: 'other', version: '1' }, files: [] }), false, 'another tool: invalid');
  });

  it('--output recognises it as an earlier output of ogi-report (and still the bare arrays earlier versions wrote)', () => {
    for (const out of [run([RESULT]), run([])]) assert.ok(isEarlierOutput(out.slice(0, 65536), out.slice(-4096)));
    const old = '[\n  {\n    "file": "r.txt",\n    "kind": "text",\n    "status": "clean"\n  }\n]\n';
    assert.ok(isEarlierOutput(old, old));
    const foreign = '{\n  "tool": {"name":"other-linter","version":"1"},\n  "files": []\n}\n';
    assert.equal(isEarlierOutput(foreign, foreign), false, 'another tool\'s JSON is not overwritten');
  });

  it('--baseline reads it, and the bare array of earlier versions, to the same findings', () => {
    const out = run([RESULT]);
    const now = parseBaseline(out);
    assert.deepEqual(now.problems, []);
    assert.deepEqual([...now.findings.keys()], [FP]);
    const before = parseBaseline(JSON.stringify(JSON.parse(out).files));
    assert.deepEqual([...before.findings.values()], [...now.findings.values()]);
  });
});
