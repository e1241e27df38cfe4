/** Layering: sources ← syntax ← model ← workspace ← rules ← service ← lsp; only lsp/ and main.ts import vscode-languageserver. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/service/analyze';
import { ROOT } from './helpers';

const SRC = join(ROOT, 'server', 'src');
const LAYERS = ['sources', 'syntax', 'model', 'workspace', 'rules', 'service', 'lsp'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  const files = walk(SRC);
  it('imports only point down the layers', () => {
    for (const file of files) {
      const rel = relative(SRC, file);
      const layer = LAYERS.indexOf(rel.split('/')[0]);
      if (layer < 0) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/from '\.\.\/(\w+)\//g)) {
        const target = LAYERS.indexOf(m[1]);
        if (target < 0) continue;
        assert.ok(target <= layer, `${rel} imports ${m[1]}: layers point down only`);
      }
    }
  });
  it('only lsp/ and main.ts know about LSP; nothing in the server imports vscode', () => {
    for (const file of files) {
      const rel = relative(SRC, file);
      const text = readFileSync(file, 'utf8');
      if (!rel.startsWith('lsp/') && rel !== 'main.ts') assert.doesNotMatch(text, /from 'vscode-languageserver/, rel);
      assert.doesNotMatch(text, /from 'vscode'/, rel);
    }
  });
  it('each rule lives in a file named by its id, and ids are kebab-case', () => {
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(files.some((f) => relative(SRC, f) === `rules/${rule.id}.ts`), rule.id);
    }
  });
  it('rules take labels from the template, never spelling table rows themselves', () => {
    for (const file of files.filter((f) => relative(SRC, f).startsWith('rules/'))) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /予以公开|属于国家秘密|本年新收|行政规范性文件|结果维持/, relative(SRC, file));
    }
  });
});
