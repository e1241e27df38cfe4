/** The `ogi-report check` contract that other tools depend on: exit codes, JSON shape, --fix, bad input. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES, ROOT } from '../unit/helpers';
import { jsonFiles } from '../helpers/cli-json';

const CLI = join(ROOT, 'dist', 'cli.js');
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const seed = (n: string) => join(FIXTURES, 'reports', n);
const SEED001 = seed('001_b4cf58a1ae5d2f01.txt');
const SEED002 = seed('002_1a82f41e62f68c0a.txt');
const tmp = () => mkdtempSync(join(tmpdir(), 'ogi-cli-'));
const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at |Error:.*\n.*at /);

describe('ogi-report check', () => {
  it('exits 0 on a report without errors and prints a Chinese summary', () => {
    const r = run(['check', SEED001]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /共检查 1 个文件：0 个错误/);
  });

  it('exits 1 and lists problems with file:line:col, Chinese first', () => {
    const r = run(['check', SEED002]);
    assert.equal(r.code, 1);
    assert.match(r.out, /002_1a82f41e62f68c0a\.txt:403:1: 错误 \[section-numbering\] 章节序号应为“六、”/);
  });

  it('speaks English on request', () => {
    const r = run(['check', '--locale', 'en', SEED002]);
    assert.match(r.out, /error \[section-numbering\] Section numeral should be "六、"/);
    assert.equal(run(['check', SEED002], { OGI_REPORT_LOCALE: 'en' }).out.includes('Section numeral'), true);
  });

  it('--format json prints one element per file in argument order, with 1-based UTF-16 ranges', () => {
    const r = run(['check', '--format', 'json', SEED002, SEED001]);
    assert.equal(r.code, 1);
    const json = jsonFiles(r.out);
    assert.deepEqual(json.map((x: { file: string }) => x.file), [SEED002, SEED001]);
    assert.equal(json[0].formatVersion, '2019');
    assert.equal(json[0].year, 2020);
    const d = json[0].diagnostics.find((x: { code: string }) => x.code === 'section-numbering');
    assert.deepEqual(Object.keys(d).sort(), ['code', 'column', 'endColumn', 'endLine', 'fingerprint', 'fixable', 'line', 'message', 'place', 'severity']);
    assert.deepEqual([d.line, d.column, d.endLine, d.endColumn, d.severity, d.fixable], [403, 1, 403, 4, 'error', true]);
    const line = readFileSync(SEED002, 'utf8').split('\n')[402];
    assert.equal(line.slice(d.column - 1, d.endColumn - 1), '6、 ');
  });

  it('--fix recomputes the wrong total, changes nothing else, and re-checks clean', () => {
    const dir = tmp();
    const file = join(dir, '报告.txt');
    copyFileSync(join(FIXTURES, 'rules', 'row-total', 'invalid-seventh-natural.txt'), file);
    const before = readFileSync(file, 'utf8');
    const r = run(['check', '--fix', '--format', 'json', file]);
    const after = readFileSync(file, 'utf8');
    assert.equal(after, before.replace('（七）总计\t122', '（七）总计\t121'));
    const json = jsonFiles(r.out);
    assert.deepEqual(json[0].diagnostics, []);
    assert.equal(r.code, 0);
  });

  it('--fix keeps a BOM and CRLF line ends', () => {
    const dir = tmp();
    const file = join(dir, 'crlf.txt');
    const text = readFileSync(join(FIXTURES, 'rules', 'section-numbering', 'invalid-arabic-six.txt'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, '\uFEFF' + text);
    run(['check', '--fix', file]);
    const after = readFileSync(file, 'utf8');
    assert.ok(after.startsWith('\uFEFF'));
    assert.equal(after, '\uFEFF' + text.replace('6、 其他需要报告的事项', '六、其他需要报告的事项'));
  });

  it('unreadable inputs: one clear line each, the rest still checked, exit 2, no stack trace', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    writeFileSync(join(dir, 'gbk.txt'), Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0x0a]));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = run(['check', '--format', 'json', join(dir, 'missing.txt'), join(dir, 'folder'), join(dir, 'binary.txt'), join(dir, 'gbk.txt'), join(dir, 'empty.txt'), SEED001]);
    assert.equal(r.code, 2);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 4, r.err);
    assert.match(lines[0], /folder：目录中没有报告文件/);
    assert.match(lines[1], /missing\.txt：文件不存在/);
    assert.match(lines[2], /binary\.txt：是二进制文件/);
    assert.match(lines[3], /empty\.txt：是空文件/);
    noStack(r.err);
    const json = jsonFiles(r.out);
    assert.deepEqual(json.map((x: { file: string }) => basename(x.file)), ['missing.txt', 'binary.txt', 'gbk.txt', 'empty.txt', basename(SEED001)]);
    assert.deepEqual(json[0].error, { kind: 'missing', message: '文件不存在' });
    assert.equal(json[0].diagnostics, undefined, 'an unreadable file has an error, not an empty list of diagnostics');
    assert.equal(json[1].error.kind, 'binary');
    assert.equal(json[2].encoding, 'gb18030', 'GBK text is read, not refused');
    assert.ok(json[2].diagnostics.some((d: { code: string }) => d.code === 'missing-section'));
    assert.equal(json[3].error.kind, 'empty');
    assert.deepEqual(json[4].diagnostics, []);
  });

  it('a reader that stops early (| head) gets no stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const files = Array(40).fill(join(FIXTURES, 'reports', '004_e325a6a5591f9c6b.txt'));
    const child = spawn(process.execPath, [CLI, 'check', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    await new Promise((res) => child.on('close', res));
    assert.equal(err, '');
  });

  it('usage errors exit 2 with one line and the usage', () => {
    for (const args of [[], ['lint', 'x'], ['check'], ['check', '--format', 'xml', SEED001], ['check', '--bogus', SEED001]]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /用法 \/ usage: ogi-report check/);
      noStack(r.err);
    }
  });

  it('refuses to write a file that changed on disk after it was read', async () => {
    // The check reads, fixes, then compares the file with what it read before renaming over it.
    const dir = tmp();
    const file = join(dir, 'r.txt');
    copyFileSync(join(FIXTURES, 'rules', 'row-total', 'invalid-row-total.txt'), file);
    const { spawn } = await import('node:child_process');
    // A large file gives time to change it between read and write.
    const big = readFileSync(file, 'utf8').repeat(1);
    writeFileSync(file, big);
    const child = spawn(process.execPath, ['-e', `
      const fs = require('fs'); const open = fs.openSync; const close = fs.closeSync;
      let first = null; fs.openSync = function (...a) { const fd = open.apply(this, a); if (String(a[0]).endsWith('r.txt') && first === null) first = { fd, path: a[0] }; return fd; };
      fs.closeSync = function (fd) { close.call(this, fd); if (first && first.fd === fd) { const p = first.path; first = { fd: -1 }; fs.writeFileSync(p, 'changed by someone else'); } };
      process.argv = [process.argv[0], ${JSON.stringify(CLI)}, 'check', '--fix', ${JSON.stringify(file)}];
      require(${JSON.stringify(CLI)});
    `], { stdio: 'pipe' });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code: number = await new Promise((res) => child.on('close', res));
    assert.equal(code, 2);
    assert.match(err, /检查期间文件已被修改，未写入修复/);
    assert.equal(readFileSync(file, 'utf8'), 'changed by someone else');
  });
});
