/** An untouched new report is not clean on the command line either: its placeholder sections are errors. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandSnippet, renderNewReportSnippet } from '../../server/src/service/new-report';
import { ROOT } from '../unit/helpers';

describe('ogi-report check on a skeleton saved untouched', () => {
  it('reports sections 一, 五 and 六 as unfilled and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ogi-skeleton-'));
    const file = join(dir, '清河镇人民政府2024年政府信息公开工作年度报告.txt');
    writeFileSync(file, expandSnippet(renderNewReportSnippet({ agency: '清河镇人民政府', year: 2024, layout: 'tab' }).snippet));
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', file], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.equal((r.stdout.match(/\[empty-section\]/g) ?? []).length, 3, r.stdout);
    assert.match(r.stdout, /第一部分“总体情况”仍是模板占位文字/);
    assert.match(r.stdout, /3 个错误/);
  });
});
