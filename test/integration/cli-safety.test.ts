/**
 * The command line never loses a file and never stalls (issue 18): `--output` onto an input, `--fix`
 * on private, read-only, symlinked and hard-linked files and on bytes that do not round-trip, FIFOs and
 * devices named directly or through links, terminal-unsafe file names, and folders holding non-reports.
 * Each reproduction of the issue is a test here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, linkSync, lstatSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { encodeText } from '../../server/src/sources';
import { jsonFiles } from '../helpers/cli-json';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'cli.js');
const SEED002 = join(ROOT, 'test', 'fixtures', 'reports', '002_1a82f41e62f68c0a.txt'); // fixable findings
const COLUMN_TOTAL = join(ROOT, 'test', 'fixtures', 'rules', 'row-total', 'invalid-seventh-natural.txt'); // （七）总计 122 → 121

function runCli(args: string[], options: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: options.cwd, env: { ...process.env, OGI_REPORT_LOCALE: '' }, timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}
const scratch = () => mkdtempSync(join(tmpdir(), 'ogi-safety-'));

describe('--output onto an input', () => {
  it('refuses to replace a report named as the output (same path, ./path, a link, a hard link), exit 2, the report intact', () => {
    const dir = scratch();
    const r = join(dir, 'r.txt');
    copyFileSync(SEED002, r);
    symlinkSync('r.txt', join(dir, 'link.json'));
    linkSync(r, join(dir, 'hard.json'));
    for (const out of ['r.txt', './r.txt', 'link.json', 'hard.json']) {
      const res = runCli(['check', '--format', 'json', '--output', out, 'r.txt'], { cwd: dir });
      assert.equal(res.code, 2, out);
      assert.equal(res.err.trim().split('\n').length, 1, res.err);
      assert.match(res.err, /不是 ogi-report 的输出，不覆盖/);
      assert.ok(readFileSync(r).equals(readFileSync(SEED002)), `${out}: the report is intact`);
    }
  });

  it('refuses any other file that is not an earlier output, and writes a new or empty one', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes.json'), '{"mine": true}\n');
    const refused = runCli(['check', '--format', 'json', '--output', join(dir, 'notes.json'), SEED002]);
    assert.equal(refused.code, 2);
    assert.equal(readFileSync(join(dir, 'notes.json'), 'utf8'), '{"mine": true}\n');
    writeFileSync(join(dir, 'empty.json'), '');
    assert.equal(runCli(['check', '--format', 'json', '--output', join(dir, 'empty.json'), SEED002]).code, 1);
    assert.equal(jsonFiles(readFileSync(join(dir, 'empty.json'), 'utf8'))[0].file, SEED002);
  });

  for (const format of ['text', 'json', 'sarif', 'junit', 'html']) {
    it(`${format}: an earlier output in the checked folder is replaced and not itself checked`, () => {
      const dir = scratch();
      copyFileSync(SEED002, join(dir, 'r.txt'));
      const out = join(dir, `summary.${format === 'text' ? 'txt' : format === 'junit' ? 'xml' : format}`);
      const first = runCli(['check', '--format', format, '--output', out, dir]);
      const firstOut = readFileSync(out, 'utf8');
      const second = runCli(['check', '--format', format, '--output', out, dir]);
      assert.equal(second.code, first.code, second.err);
      assert.match(format === 'text' ? readFileSync(out, 'utf8') : second.out, /共检查 1 个文件/);
      // The same findings; the second run counts the earlier output as a skipped non-report unless it is a .txt.
      const same = (s: string) => s.replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '').replace(/"?skipped"?:\d+/g, '').replace(/"guid":"[0-9a-f-]{36}"/g, ''); // SARIF: a new run guid each run
      assert.ok(same(readFileSync(out, 'utf8')) === same(firstOut), `${format}: the same output`);
    });
  }
});

describe('--fix keeps what the user owns', () => {
  it('keeps a 0600 file private', () => {
    const dir = scratch();
    const f = join(dir, 'private.txt');
    copyFileSync(SEED002, f);
    chmodSync(f, 0o600);
    const r = runCli(['check', '--fix', f]);
    assert.equal(r.code, 0, r.err);
    assert.equal(statSync(f).mode & 0o777, 0o600);
    assert.ok(!readFileSync(f).equals(readFileSync(SEED002)), 'fixed');
  });

  it('keeps the owner of a file another user owns (run as root)', { skip: process.getuid?.() !== 0 }, () => {
    const dir = scratch();
    const f = join(dir, 'theirs.txt');
    copyFileSync(SEED002, f);
    chownSync(f, 4321, 4321);
    const r = runCli(['check', '--fix', f]);
    assert.equal(r.code, 0, r.err);
    assert.equal(statSync(f).uid, 4321);
    assert.equal(statSync(f).gid, 4321);
    assert.ok(!readFileSync(f).equals(readFileSync(SEED002)), 'fixed');
  });

  it('refuses a read-only file with one line unless --force, which keeps it read-only', () => {
    const dir = scratch();
    const f = join(dir, 'ro.txt');
    copyFileSync(SEED002, f);
    chmodSync(f, 0o444);
    const r = runCli(['check', '--fix', f]);
    assert.equal(r.code, 2);
    assert.match(r.err, /只读文件，未写入修复（加 --force 才写入）/);
    assert.ok(readFileSync(f).equals(readFileSync(SEED002)), 'not written');
    const forced = runCli(['check', '--fix', '--force', f]);
    assert.equal(forced.code, 0, forced.err);
    assert.ok(!readFileSync(f).equals(readFileSync(SEED002)), 'written with --force');
    assert.equal(statSync(f).mode & 0o777, 0o444);
    assert.match(forced.out, /仍保持只读/);
  });

  it('writes through a symlink to its target; the link stays a link', () => {
    const dir = scratch();
    copyFileSync(SEED002, join(dir, 'target.txt'));
    symlinkSync('target.txt', join(dir, 'link.txt'));
    const r = runCli(['check', '--fix', join(dir, 'link.txt')]);
    assert.equal(r.code, 0, r.err);
    assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink());
    assert.ok(!readFileSync(join(dir, 'target.txt')).equals(readFileSync(SEED002)), 'the target is fixed');
    assert.match(r.out, /通过符号链接写入 .*target\.txt/);
  });

  it('keeps hard links: both names see the fix', () => {
    const dir = scratch();
    copyFileSync(SEED002, join(dir, 'one.txt'));
    linkSync(join(dir, 'one.txt'), join(dir, 'two.txt'));
    const r = runCli(['check', '--fix', join(dir, 'one.txt')]);
    assert.equal(r.code, 0, r.err);
    assert.equal(statSync(join(dir, 'one.txt')).nlink, 2);
    assert.ok(readFileSync(join(dir, 'one.txt')).equals(readFileSync(join(dir, 'two.txt'))));
    assert.ok(!readFileSync(join(dir, 'two.txt')).equals(readFileSync(SEED002)));
    assert.match(r.out, /保留硬链接（共 2 个名称），就地写入/);
  });
});

describe('--fix changes only the fixed spans', () => {
  const text = readFileSync(COLUMN_TOTAL, 'utf8');
  const fixed = text.replace('（七）总计\t122', '（七）总计\t121');
  assert.notEqual(fixed, text);
  const line = (s: string) => Buffer.from(s, 'utf8');
  const cases: { name: string; before: Buffer; after: Buffer }[] = [
    { name: 'a UTF-8 BOM before GBK text keeps its BOM', before: Buffer.concat([line('\ufeff'), encodeText(text, 'gb18030', false)]), after: Buffer.concat([line('\ufeff'), encodeText(fixed, 'gb18030', false)]) },
    ...(() => {
      const tail = (b: number[]) => Buffer.concat([encodeText('\n附注：', 'gb18030', false), Buffer.from(b), encodeText('。\n', 'gb18030', false)]);
      return [
        { name: 'GB18030 A3 A0 stays A3 A0', before: Buffer.concat([encodeText(text.trimEnd(), 'gb18030', false), tail([0xa3, 0xa0])]), after: Buffer.concat([encodeText(fixed.trimEnd(), 'gb18030', false), tail([0xa3, 0xa0])]) },
        { name: 'a stray 0x80 stays 0x80', before: Buffer.concat([encodeText(text.trimEnd(), 'gb18030', false), tail([0x80])]), after: Buffer.concat([encodeText(fixed.trimEnd(), 'gb18030', false), tail([0x80])]) },
      ];
    })(),
    ...(() => {
      const tail = Buffer.concat([Buffer.from('\n附注：', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('。\n', 'utf16le')]);
      return [{ name: 'a lone UTF-16 surrogate stays', before: Buffer.concat([encodeText(text.trimEnd(), 'utf-16le', true), tail]), after: Buffer.concat([encodeText(fixed.trimEnd(), 'utf-16le', true), tail]) }];
    })(),
  ];
  for (const c of cases) {
    it(c.name, () => {
      const dir = scratch();
      const f = join(dir, 'r.txt');
      writeFileSync(f, c.before);
      const r = runCli(['check', '--fix', '--format', 'json', f]);
      assert.equal(r.code, 0, r.err);
      assert.ok(readFileSync(f).equals(c.after), `only the fixed figure changed:\n${readFileSync(f).toString('hex').slice(0, 64)}`);
      const entry = jsonFiles(r.out)[0];
      assert.deepEqual(entry.fixed.map((x: { from: string; to: string }) => [x.from, x.to]), [['122', '121']]);
    });
  }
});

describe('--fix says what it changed', () => {
  it('one line per changed file, in Chinese and English, and `fixed` in JSON', () => {
    const dir = scratch();
    const f = join(dir, 'r.txt');
    writeFileSync(f, readFileSync(COLUMN_TOTAL));
    const zh = runCli(['check', '--fix', f]);
    assert.match(zh.out, /r\.txt：已修复 1 处：第 \d+ 行 122→121（[a-z-]+）\n/);
    writeFileSync(f, readFileSync(COLUMN_TOTAL));
    const en = runCli(['check', '--fix', '--locale', 'en', f]);
    assert.match(en.out, /r\.txt: fixed 1: line \d+ 122→121 \([a-z-]+\)\n/);
    writeFileSync(f, readFileSync(COLUMN_TOTAL));
    const json = runCli(['check', '--fix', '--format', 'json', f]);
    const fixedList = jsonFiles(json.out)[0].fixed;
    assert.equal(fixedList.length, 1);
    assert.deepEqual(Object.keys(fixedList[0]), ['code', 'line', 'column', 'from', 'to']);
    assert.match(json.err, /已修复 1 处/);
  });
});

describe('only regular files are read', () => {
  const mkfifo = (p: string) => assert.equal(spawnSync('mkfifo', [p]).status, 0);

  it('a symlink to /dev/zero and a FIFO, directly, through links and bare in a folder, are skipped with a reason and counted', () => {
    const dir = scratch();
    copyFileSync(SEED002, join(dir, 'r.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    mkfifo(join(dir, 'pipe.txt'));
    mkfifo(join(dir, 'bare-fifo'));
    symlinkSync(join(dir, 'pipe.txt'), join(dir, 'pipe-link.txt'));
    const r = runCli(['check', '--format', 'json', dir]);
    assert.equal(r.signal, null, 'finished');
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(jsonFiles(r.out).map((e: { file: string }) => e.file), [join(dir, 'r.txt')]);
    assert.match(r.err, /zero\.txt：是设备文件，不是普通文件，未读取/);
    assert.match(r.err, /pipe\.txt：是命名管道（FIFO），不是普通文件，未读取/);
    assert.match(r.err, /pipe-link\.txt：是命名管道/);
    const text = runCli(['check', dir]);
    assert.match(text.out, /跳过 4 个非报告文件/);
    for (const named of ['/dev/zero', join(dir, 'pipe.txt'), join(dir, 'pipe-link.txt'), join(dir, 'zero.txt')]) {
      const one = runCli(['check', named]);
      assert.equal(one.signal, null, `${named} finished`);
      assert.equal(one.code, 2, named);
      assert.equal(one.err.trim().split('\n').length, 1, one.err);
    }
    const extract = runCli(['extract', join(dir, 'zero.txt')]);
    assert.equal(extract.code, 2);
  });

  it('--config on /dev/zero or a FIFO is one line and exit 2, not a read that never ends', () => {
    const dir = scratch();
    mkfifo(join(dir, 'cfg.json'));
    for (const cfg of ['/dev/zero', join(dir, 'cfg.json')]) {
      const r = runCli(['check', '--config', cfg, SEED002]);
      assert.equal(r.signal, null, `${cfg} finished`);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /配置文件不是普通文件/);
    }
  });

  it('the batch index does not read a link to /dev/zero either (two reports and the link)', () => {
    const dir = scratch();
    copyFileSync(SEED002, join(dir, 'a.txt'));
    copyFileSync(COLUMN_TOTAL, join(dir, 'b.txt'));
    symlinkSync('/dev/zero', join(dir, 'c.txt'));
    const r = runCli(['check', join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'c.txt')]);
    assert.equal(r.signal, null);
    assert.match(r.out, /共检查 2 个文件/);
  });
});

describe('file names reach the terminal escaped', () => {
  it('control characters in names are shown as escapes in text output and on stderr', () => {
    const dir = scratch();
    copyFileSync(SEED002, join(dir, 'ctl\x01\x1b[2J.txt'));
    copyFileSync(SEED002, join(dir, 'a\nb.txt'));
    writeFileSync(join(dir, 'empty\x1b[31m.txt'), '');
    const r = runCli(['check', dir]);
    assert.doesNotMatch(r.out + r.err, /\x1b|\x01/);
    assert.doesNotMatch(r.out, /^b\.txt:/m);
    assert.match(r.out, /ctl\\x01\\x1b\[2J\.txt:403:1: /);
    assert.match(r.out, /a\\nb\.txt:403:1: /);
    assert.match(r.err, /empty\\x1b\[31m\.txt：/);
  });
});

describe('folders: a .txt or .md that is plainly not a report is skipped', () => {
  it('skips notes and a README, still checks a report with a garbled title, and checks a named file', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'README.md'), '# 说明\n\n这个文件夹存放下载的材料，请勿修改。\n');
    writeFileSync(join(dir, 'notes.txt'), '待办：\n1. 联系张三\n2. 整理附件\n');
    // The title lines gone: the report is still recognised by its headings and gets its `title` finding.
    writeFileSync(join(dir, 'garbled.txt'), readFileSync(SEED002, 'utf8').split('\n').slice(3).join('\n'));
    const r = runCli(['check', '--format', 'json', dir]);
    const entries = jsonFiles(r.out);
    assert.deepEqual(entries.map((e: { file: string }) => e.file), [join(dir, 'garbled.txt')]);
    assert.ok(entries[0].diagnostics.some((d: { code: string }) => d.code === 'title'));
    assert.match(runCli(['check', dir]).out, /跳过 2 个非报告文件/);
    const named = runCli(['check', '--format', 'json', join(dir, 'notes.txt')]);
    assert.equal(jsonFiles(named.out).length, 1, 'a file named on the command line is always checked');
    assert.ok(existsSync(join(dir, 'README.md')));
  });
});

describe('options', () => {
  it('--timeout takes seconds (0: no limit); anything else is a usage error', () => {
    assert.equal(runCli(['check', '--timeout', '-1', SEED002]).code, 2);
    assert.equal(runCli(['check', '--timeout', 'soon', SEED002]).code, 2);
    assert.equal(runCli(['check', '--timeout', '0', SEED002]).code, 1);
    assert.match(runCli(['--help']).out, /--force[\s\S]*--timeout 秒/);
  });
});

describe('--timeout on real importers', () => {
  it('a PDF past the limit is timed-out, one line each, exit 2, in this thread and on the pool', () => {
    const pdfs = ['hongze_2024.pdf', 'huaian_2024.pdf'].map((f) => join(ROOT, 'test', 'fixtures', 'corpus', 'pdf', f));
    for (const jobs of ['1', '2']) {
      const r = runCli(['check', '--timeout', '0.001', '--jobs', jobs, '--format', 'json', ...pdfs]);
      assert.equal(r.code, 2, r.err);
      assert.deepEqual(jsonFiles(r.out).map((e: { status: string }) => e.status), ['timed-out', 'timed-out']);
      assert.equal(r.err.trim().split('\n').length, 2, r.err);
      assert.match(r.err, /hongze_2024\.pdf：检查超过 0\.001 秒时限，已中止/);
    }
  });
});
