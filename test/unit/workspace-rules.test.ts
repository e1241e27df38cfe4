/**
 * Cross-report rules on their fixtures: each case `rules/<id>/<case>.txt` is checked in a workspace made
 * of itself and the files in `rules/<id>/<case>/` (last year's report, a region's children and its
 * manifest). valid-* cases are silent; invalid-* cases match their golden, related locations included.
 * Without the workspace every case is silent for the cross-report rules.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Analysis, RULES, analyze, localize } from '../../server/src/service/analyze';
import { buildWorkspaceIndex } from '../../server/src/workspace';
import { FIXTURES, checkGolden, listFiles, renderDiagnostics } from './helpers';

const CROSS = RULES.filter((r) => r.tags.includes('cross-report'));

export function caseWorkspace(dir: string, file: string) {
  const path = join(dir, file);
  const companions = join(dir, file.replace(/\.txt$/, ''));
  const files = [path, ...listFiles(companions).map((f) => join(companions, f))].map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
  const index = buildWorkspaceIndex(files);
  return { path, text: files[0].text, workspace: { index, path } };
}

/** Diagnostics as in the rule goldens, each followed by its related locations in other files. */
function render(a: Analysis, root: string): string {
  const lines = renderDiagnostics(a).split('\n');
  const out: string[] = [];
  a.diagnostics.forEach((d, i) => {
    out.push(lines[i]);
    for (const r of d.related ?? []) {
      if (!r.file) continue;
      const f = r.file;
      out.push(`  → ${f.path.slice(root.length + 1)}:${f.line + 1}:${f.character + 1}-${f.endLine + 1}:${f.endCharacter + 1} ${localize(r.message, 'zh-cn')}`);
    }
  });
  return out.join('\n') + '\n';
}

describe('cross-report rule fixtures', () => {
  it('there are five cross-report rules', () => {
    assert.deepEqual(CROSS.map((r) => r.id).sort(), ['carry-over', 'copied-text', 'in-force-rollforward', 'rollup-total', 'year-over-year']);
  });
  for (const rule of CROSS) {
    const dir = join(FIXTURES, 'rules', rule.id);
    describe(rule.id, () => {
      for (const file of listFiles(dir, (f) => /^valid-.*\.txt$/.test(f))) {
        it(`${file} is silent beside its companions`, () => {
          const c = caseWorkspace(dir, file);
          const a = analyze(c.text, { workspace: c.workspace });
          assert.ok(listFiles(join(dir, file.replace(/\.txt$/, ''))).length > 0, 'a valid case has companion reports');
          assert.equal(renderDiagnostics(a), '\n');
        });
      }
      for (const file of listFiles(dir, (f) => /^invalid-.*\.txt$/.test(f) && !f.includes('.golden.'))) {
        it(`${file} reports ${rule.id} as in its golden`, () => {
          const c = caseWorkspace(dir, file);
          const a = analyze(c.text, { workspace: c.workspace });
          assert.ok(a.diagnostics.some((d) => d.code === rule.id), `${file} does not report ${rule.id}`);
          checkGolden(join(dir, file.replace(/\.txt$/, '.golden.txt')), render(a, dir));
          const alone = analyze(c.text);
          assert.ok(!alone.diagnostics.some((d) => d.code === rule.id), 'silent without the workspace');
        });
      }
    });
  }
});
