/**
 * A supervisor's folder as published: text in three encodings, a Word file, a saved web page and a
 * PDF, checked in one command. Each file is read by its importer, none is reported unreadable, and a
 * report read from its PDF or web page gives the same findings as its text version.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { encodeText } from '../../server/src/sources/index';
import { FIXTURES, corpusPath } from '../unit/helpers';
import { noStack, runCli, scratch } from '../unit/cli-helpers';
import { jsonFiles } from '../helpers/cli-json';

interface Entry { file: string; kind: string; encoding?: string; status: string; error?: unknown; diagnostics: { code: string; severity: string }[] }

const codes = (e: Entry) => e.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code).sort();

describe('a folder mixing every input kind', () => {
  const dir = scratch();
  const src = (f: string) => (f.endsWith('.docx') ? join(FIXTURES, 'sources', f) : corpusPath(f));
  writeFileSync(join(dir, 'a-utf8.txt'), readFileSync(join(FIXTURES, 'reports', '001_b4cf58a1ae5d2f01.txt')));
  writeFileSync(join(dir, 'b-gbk.txt'), encodeText(readFileSync(src('hongze_2024.txt'), 'utf8'), 'gb18030', false));
  writeFileSync(join(dir, 'c-utf16.txt'), encodeText(readFileSync(src('huaian_2024.txt'), 'utf8'), 'utf-16le', true));
  copyFileSync(src('huaian_2024.docx'), join(dir, 'd-word.docx'));
  copyFileSync(src('pingtan_2024_page.html'), join(dir, 'e-page.html'));
  copyFileSync(src('hongze_2024.pdf'), join(dir, 'f-published.pdf'));
  writeFileSync(join(dir, 'notes.xlsx'), 'not a report');

  it('checks them all in one command, each with its own importer, and counts what it skipped', () => {
    const r = runCli(['check', '--format', 'json', dir]);
    noStack(r.err);
    const entries = jsonFiles<Entry>(r.out);
    assert.deepEqual(entries.map((e) => [e.file.slice(dir.length + 1), e.kind, e.encoding ?? null]), [
      ['a-utf8.txt', 'text', 'utf-8'], ['b-gbk.txt', 'text', 'gb18030'], ['c-utf16.txt', 'text', 'utf-16le'],
      ['d-word.docx', 'docx', null], ['e-page.html', 'html', null], ['f-published.pdf', 'pdf', null],
    ]);
    assert.ok(entries.every((e) => !e.error && e.status !== 'unreadable'), JSON.stringify(entries.filter((e) => e.error)));
    const text = runCli(['check', dir]);
    assert.match(text.out, /共检查 6 个文件.*跳过 1 个/);
  });

  it('a report reads the same from its PDF, its Word file and its text', () => {
    const entries = jsonFiles<Entry>(runCli(['check', '--format', 'json', dir]).out);
    const by = (name: string) => entries.find((e) => e.file.endsWith(name))!;
    assert.deepEqual(codes(by('f-published.pdf')), codes(by('b-gbk.txt')), 'hongze 2024: PDF and GBK text');
    assert.deepEqual(codes(by('d-word.docx')), codes(by('c-utf16.txt')), 'huaian 2024: Word and UTF-16 text');
  });
});
