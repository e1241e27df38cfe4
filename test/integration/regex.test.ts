/**
 * Regular expressions are safe from catastrophic backtracking: every regex literal in the server is
 * checked by recheck (a ReDoS checker), and the worst cases run on long adversarial lines.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { checkSync } from 'recheck';
import { analyze } from '../../server/src/service/analyze';
import { ROOT } from '../unit/helpers';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function regexLiterals(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) out.push(n.getText(src));
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('regular expressions', () => {
  const files = [...walk(join(ROOT, 'server', 'src')), ...walk(join(ROOT, 'client', 'src'))];
  const all = files.flatMap((f) => regexLiterals(f).map((re) => ({ file: relative(ROOT, f), re })));
  it('the scan finds the regexes', () => assert.ok(all.length > 40, `${all.length} found`));
  // recheck is slow in pure JS, so verdicts of 'safe' are kept per regex source in a committed file;
  // a new or changed regex is checked live (UPDATE_GOLDEN=1 records it).
  const CACHE = join(ROOT, 'test', 'fixtures', 'regex-safety.json');
  it('no regex literal is vulnerable to catastrophic backtracking', () => {
    const cache: Record<string, string> = existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, 'utf8')) : {};
    const next: Record<string, string> = {};
    const bad: string[] = [];
    for (const { file, re } of all) {
      if (cache[re] === 'safe') {
        next[re] = 'safe';
        continue;
      }
      const m = /^\/(.*)\/([a-z]*)$/s.exec(re)!;
      const r = checkSync(m[1], m[2].replace(/[^gimsuy]/g, ''), { timeout: 10_000 });
      if (r.status === 'vulnerable') bad.push(`${file}: ${re} (${r.complexity?.summary ?? ''})`);
      else next[re] = r.status;
    }
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(CACHE, JSON.stringify(Object.fromEntries(Object.entries(next).sort()), null, 1) + '\n');
    assert.deepEqual(bad, []);
  });
  it('long adversarial lines are checked', () => {
    const lines = [
      '第'.repeat(200_000), '|'.repeat(200_000), '\t'.repeat(200_000), '1,'.repeat(100_000), '（一）'.repeat(50_000),
      `一、${'问题'.repeat(50_000)}`, `<!-- ogi-report-disable-next-line ${'a-'.repeat(50_000)}`, `${'-'.repeat(100_000)}|`,
      `第二十条第（${'一'.repeat(100_000)}`, `${'2021年'.repeat(40_000)}`, ` ${' | '.repeat(60_000)}`,
    ];
    for (const line of lines) {
      const a = analyze(`${line}\n${line}\n`);
      assert.ok(Array.isArray(a.diagnostics));
    }
  });
});
