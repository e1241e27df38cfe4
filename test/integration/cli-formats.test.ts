/** Machine formats and configuration: SARIF valid against the official 2.1.0 schema, JUnit well-formed XML, the config schema, --rule and config files. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RULES } from '../../server/src/service/analyze';
import { FIXTURES } from '../unit/helpers';
import { validateSarif } from '../helpers/sarif';
import { SEED001, SEED002, noStack, runCli, scratch } from '../unit/cli-helpers';
import { jsonFiles } from '../helpers/cli-json';

function mixedFolder(): string {
  const dir = scratch();
  copyFileSync(SEED002, join(dir, 'a-errors.txt'));
  copyFileSync(SEED001, join(dir, 'b-clean.txt'));
  writeFileSync(join(dir, 'c-binary.txt'), Buffer.from([0, 1, 2, 3]));
  writeFileSync(join(dir, 'd <&> "quoted".txt'), readFileSync(join(FIXTURES, 'rules', 'row-total', 'invalid-seventh-natural.txt')));
  return dir;
}

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with rule metadata, help texts and unreadable files as notifications', () => {
    const dir = mixedFolder();
    const r = runCli(['check', '--format', 'sarif', dir], { cwd: dir });
    assert.equal(r.code, 2);
    const log = JSON.parse(r.out);
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    for (const rule of RULES) assert.ok(ids.includes(rule.id), rule.id);
    const numbering = run.tool.driver.rules.find((x: { id: string }) => x.id === 'section-numbering');
    assert.match(numbering.help.text, /章节/);
    assert.match(numbering.help.text, /--rule section-numbering=off/);
    assert.equal(numbering.defaultConfiguration.level, 'error');
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'section-numbering');
    assert.equal(res.level, 'error');
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'section-numbering');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'a-errors.txt');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 403, startColumn: 1, endLine: 403, endColumn: 4 });
    assert.ok(run.results.some((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri === 'd%20%3C%26%3E%20%22quoted%22.txt'));
    const inv = run.invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.equal(inv.toolExecutionNotifications.length, 1);
    assert.match(inv.toolExecutionNotifications[0].message.text, /c-binary\.txt: 是二进制文件/);
  });

  it('a clean run is successful and still valid', () => {
    const log = JSON.parse(runCli(['check', '--format', 'sarif', '--locale', 'en', SEED001]).out);
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5)));
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
    const broken = structuredClone(log);
    broken.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'fatal';
    assert.equal(validateSarif(broken), false, 'the validator does reject an invalid log');
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].tool.driver.rules[0].shortDescription.text, RULES[0].description.en);
  });
});

describe('--format junit', () => {
  it('is well-formed XML: one testsuite per file, one testcase per rule, failures for findings, errors for unreadable files', () => {
    const dir = mixedFolder();
    const r = runCli(['check', '--format', 'junit', dir]);
    assert.equal(r.code, 2);
    assert.equal(XMLValidator.validate(r.out), true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.out);
    const suites = doc.testsuites.testsuite;
    assert.deepEqual(suites.map((s: { name: string }) => s.name.slice(dir.length + 1)), ['a-errors.txt', 'b-clean.txt', 'c-binary.txt', 'd <&> "quoted".txt']);
    const [errors, clean, binary, quoted] = suites;
    assert.equal(clean.failures, '0');
    assert.equal(clean.testcase.length, RULES.length);
    const numbering = errors.testcase.find((t: { name: string }) => t.name === 'section-numbering');
    assert.equal(numbering.failure.type, 'error');
    assert.match(numbering.failure['#text'], /a-errors\.txt:403:1: 错误 章节序号应为“六、”/);
    assert.equal(binary.errors, '1');
    assert.equal(binary.testcase[0].error.type, 'binary');
    assert.ok(quoted.testcase.some((t: { name: string; failure?: unknown }) => t.name === 'row-total' && t.failure));
  });

  it('leaves out rules that are turned off', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' }).parse(runCli(['check', '--format', 'junit', '--rule', 'section-numbering=off', SEED002]).out);
    assert.equal(doc.testsuites.testsuite.testcase.some((t: { name: string }) => t.name === 'section-numbering'), false);
  });
});

describe('configuration', () => {
  it('a configuration file in the old form still works, with one warning line and no failure', () => {
    const dir = scratch();
    copyFileSync(SEED001, join(dir, 'r.txt'));
    writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({ copiedTextThreshold: 0.8 }));
    const r = runCli(['check', join(dir, 'r.txt')]);
    assert.equal(r.code, 0, r.err);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0], /copiedTextThreshold.*已弃用.*"threshold": 80/);
  });

  it('a configuration file found upwards changes severities; the nearest wins; --rule wins over both', () => {
    const dir = scratch();
    mkdirSync(join(dir, '县', '乡'), { recursive: true });
    writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({ rules: { 'section-numbering': 'warning' } }));
    writeFileSync(join(dir, '县', '乡', '.ogi-reportrc.json'), JSON.stringify({ rules: { 'section-numbering': 'off' } }));
    copyFileSync(SEED002, join(dir, '县', 'a.txt'));
    copyFileSync(SEED002, join(dir, '县', '乡', 'b.txt'));
    const r = runCli(['check', '--format', 'json', dir]);
    assert.equal(r.code, 0, r.err);
    const [a, b] = jsonFiles(r.out);
    assert.equal(a.diagnostics.find((d: { code: string }) => d.code === 'section-numbering').severity, 'warning');
    assert.equal(b.diagnostics.some((d: { code: string }) => d.code === 'section-numbering'), false);
    const flagged = runCli(['check', '--rule', 'section-numbering=error', dir]);
    assert.equal(flagged.code, 1);
    assert.equal(flagged.out.match(/错误 \[section-numbering\]/g)?.length, 2);
  });

  it('--config uses one file for everything; ignore globs leave files out with a count; a bad file is reported', () => {
    const dir = scratch();
    mkdirSync(join(dir, '草稿'));
    copyFileSync(SEED002, join(dir, 'a.txt'));
    copyFileSync(SEED002, join(dir, '草稿', 'draft.txt'));
    const cfg = join(dir, 'strict.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'section-numbering': 'info' }, ignore: ['草稿/**'] }));
    const r = runCli(['check', '--config', cfg, dir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /信息 \[section-numbering\]/);
    assert.match(r.out, /共检查 1 个文件.*按配置忽略 1 个/);
    writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const bad = runCli(['check', dir]);
    assert.equal(bad.code, 2);
    assert.equal(bad.err.trim().split('\n').length, 1);
    assert.match(bad.err, /ogi-report\.config\.json：没有名为“no-such-rule”的规则/);
    const broken = runCli(['check', '--config', join(dir, 'none.json'), dir]);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /none\.json：配置文件不存在/);
    noStack(broken.err);
  });
});
