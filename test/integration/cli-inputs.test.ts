/** `ogi-report check` inputs: folders, globs, encodings and --fix round trips, extract, help, hostile files. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { encodeText } from '../../server/src/sources';
import { FIXTURES, ROOT } from '../unit/helpers';
import { SEED001, SEED002, noStack, runCli, scratch } from '../unit/cli-helpers';
import { jsonFiles } from '../helpers/cli-json';

const COLUMN_TOTAL = join(FIXTURES, 'rules', 'row-total', 'invalid-seventh-natural.txt');

describe('ogi-report check: folders and globs', () => {
  it('walks a folder recursively in sorted order, skips non-report files with a count, and leaves hidden folders alone', () => {
    const dir = scratch();
    mkdirSync(join(dir, '2024', '市级'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    copyFileSync(SEED002, join(dir, '2024', '市级', 'b.txt'));
    copyFileSync(SEED001, join(dir, '2024', 'a.txt'));
    copyFileSync(SEED001, join(dir, '.git', 'hidden.txt'));
    writeFileSync(join(dir, '2024', '统计.xlsx'), 'PK');
    writeFileSync(join(dir, '2024', 'logo.png'), Buffer.from([0x89, 0x50]));
    const r = runCli(['check', dir]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /共检查 2 个文件：1 个错误，1 个警告；跳过 2 个非报告文件/);
    const json = jsonFiles(runCli(['check', '--format', 'json', dir]).out);
    assert.deepEqual(json.map((x: { file: string }) => x.file.slice(dir.length + 1)), ['2024/a.txt', '2024/市级/b.txt']);
    assert.ok(json.every((x: { kind: string }) => x.kind === 'text'));
  });

  it('expands a quoted glob itself, relative to the working folder, and reports the kind of every file', () => {
    const dir = scratch();
    mkdirSync(join(dir, '2024', 'sub'), { recursive: true });
    copyFileSync(SEED001, join(dir, '2024', 'sub', 'x.txt'));
    copyFileSync(SEED002, join(dir, '2024', 'y.txt'));
    writeFileSync(join(dir, '2024', 'z.docx'), 'not really a docx');
    const txt = jsonFiles(runCli(['check', '--format', 'json', '2024/**/*.txt'], { cwd: dir }).out);
    assert.deepEqual(txt.map((x: { file: string }) => x.file), ['2024/sub/x.txt', '2024/y.txt']);
    const docx = runCli(['check', '--format', 'json', '2024/**/*.docx'], { cwd: dir });
    const entries = jsonFiles(docx.out);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].kind, 'docx');
    assert.ok(entries[0].error, 'a broken .docx is reported as unreadable');
    assert.equal(docx.code, 2);
    noStack(docx.err);
    const none = runCli(['check', 'nothing/**/*.pdf'], { cwd: dir });
    assert.equal(none.code, 2);
    assert.match(none.err, /nothing\/\*\*\/\*\.pdf：没有匹配的文件/);
  });

  it('the worker pool gives the same output, in the same order, as checking in one thread', () => {
    const dir = scratch();
    const sources = [SEED001, SEED002, COLUMN_TOTAL];
    for (let i = 0; i < 30; i++) copyFileSync(sources[i % 3], join(dir, `r${String(i).padStart(2, '0')}.txt`));
    const one = runCli(['check', '--format', 'json', '--jobs', '1', dir]);
    const pool = runCli(['check', '--format', 'json', '--jobs', '3', dir]);
    assert.equal(pool.code, 1, pool.err);
    assert.equal(pool.out, one.out);
    assert.equal(jsonFiles(pool.out).length, 30);
  });
});

describe('ogi-report check: encodings', () => {
  const cases = [
    { encoding: 'gb18030', bom: false },
    { encoding: 'utf-16le', bom: true },
    { encoding: 'utf-16be', bom: true },
    { encoding: 'utf-8', bom: true },
  ] as const;
  for (const { encoding, bom } of cases) {
    it(`checks a ${encoding}${bom ? ' (BOM)' : ''} report and --fix writes it back in the same encoding`, () => {
      const dir = scratch();
      const file = join(dir, `报告-${encoding}.txt`);
      const text = readFileSync(COLUMN_TOTAL, 'utf8');
      writeFileSync(file, encodeText(text, encoding, bom));
      const before = jsonFiles(runCli(['check', '--format', 'json', file]).out)[0];
      assert.equal(before.encoding, encoding);
      assert.equal(before.bom, bom);
      assert.ok(before.diagnostics.some((d: { code: string }) => d.code === 'row-total'), 'read as the right text');
      const r = runCli(['check', '--fix', '--format', 'json', file]);
      assert.equal(r.code, 0, r.err);
      const expected = encodeText(text.replace('（七）总计\t122', '（七）总计\t121'), encoding, bom);
      assert.ok(readFileSync(file).equals(expected), 'same encoding and BOM, only the figure changed');
    });
  }

  it('extract prints the text a file was read as, in UTF-8', () => {
    const dir = scratch();
    const file = join(dir, 'gbk.txt');
    const text = readFileSync(SEED001, 'utf8');
    writeFileSync(file, encodeText(text, 'gb18030', false));
    const r = runCli(['extract', file]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, text.endsWith('\n') ? text : text + '\n');
    const missing = runCli(['extract', join(dir, 'none.pdf')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /none\.pdf：文件不存在/);
    assert.equal(missing.out, '');
  });
});

describe('ogi-report: help, version, exit codes, hostile input', () => {
  it('--help is Chinese first with English, and lists every format and option', () => {
    const r = runCli(['--help']);
    assert.equal(r.code, 0);
    assert.ok(r.out.indexOf('用法') < r.out.indexOf('usage'));
    for (const s of ['text|json|sarif|junit|html', '--output', '--fix', '--rule', '--config', '--locale', 'extract', 'ogi-report.config.json']) assert.ok(r.out.includes(s), s);
    assert.equal(runCli(['check', '--help']).out, r.out);
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(runCli(['--version']).out, `ogi-report ${pkg.version}\n`);
  });

  it('exit 0 clean, 1 errors, 2 usage errors', () => {
    assert.equal(runCli(['check', SEED001]).code, 0);
    assert.equal(runCli(['check', SEED002]).code, 1);
    for (const args of [['check', '--rule', 'no-such-rule=off', SEED001], ['check', '--rule', 'title=loud', SEED001], ['check', '--format', 'pdf', SEED001], ['check', '--jobs', '0', SEED001], ['extract']]) {
      const r = runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /用法 \/ usage/);
      noStack(r.err);
    }
  });

  it('hostile files get one line each, no stack trace, and the other files are still checked', () => {
    const dir = scratch();
    writeFileSync(join(dir, '0-byte.txt'), '');
    writeFileSync(join(dir, 'random.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(dir, 'truncated.docx'), Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'));
    writeFileSync(join(dir, 'fake.pdf'), '%PDF-1.7\n1 0 obj\n<< /Encrypt 2 0 R >>\n');
    writeFileSync(join(dir, 'nothing.html'), '<html><body><nav>首页</nav></body></html>');
    copyFileSync(SEED002, join(dir, 'real.txt'));
    for (const format of ['text', 'json', 'sarif', 'junit']) {
      const r = runCli(['check', '--format', format, dir]);
      noStack(r.err);
      assert.equal(r.code, 2, format);
      const lines = r.err.trim().split('\n');
      for (const name of ['0-byte.txt', 'random.txt', 'truncated.docx', 'fake.pdf']) {
        assert.equal(lines.filter((l) => l.includes(name)).length, 1, `${format}: one line for ${name}\n${r.err}`);
      }
      assert.ok(r.out.includes('section-numbering'), `${format}: the real report is still checked`);
    }
    const explicitDir = runCli(['check', join(dir, 'missing-folder'), SEED001]);
    assert.equal(explicitDir.code, 2);
    noStack(explicitDir.err);
  });

  it('a report too large to check fully is counted as such and fails the run', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'huge.txt'), readFileSync(SEED001, 'utf8').repeat(Math.ceil(2_100_000 / readFileSync(SEED001, 'utf8').length)));
    copyFileSync(SEED001, join(dir, 'ok.txt'));
    const r = runCli(['check', dir]);
    assert.equal(r.code, 2);
    assert.match(r.out, /共检查 2 个文件：0 个错误，0 个警告；1 个过大未完整检查/);
    const json = jsonFiles(runCli(['check', '--format', 'json', dir]).out);
    assert.deepEqual(json.map((x: { status: string }) => x.status), ['too-large', 'clean']);
  });

  it('writes the output to a file with --output and prints the summary', () => {
    const dir = scratch();
    const out = join(dir, 'out.json');
    const r = runCli(['check', '--format', 'json', '--output', out, SEED002]);
    assert.equal(r.code, 1);
    assert.equal(jsonFiles(readFileSync(out, 'utf8'))[0].file, SEED002);
    assert.match(r.out, /共检查 1 个文件：1 个错误/);
    assert.equal(basename(out), 'out.json');
  });
});
