/** Packaging contents, as `vsce` lists them (test/unit/package.test.ts checks the manifest). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../unit/helpers';

describe('extension package', () => {
  it('packages only the bundles, grammar, snippets, config and review-ledger schemas, language configuration, manifest, nls, README, CHANGELOG and LICENSE', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.trim().split('\n').map((f) => f.trim()).sort();
    assert.deepEqual(files, ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/extension.js', 'dist/server.js', 'language-configuration.json',
      'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas/ogi-report.config.schema.json', 'schemas/ogi-report.review.schema.json', 'snippets/ogi-report.code-snippets', 'syntaxes/ogi-report.tmLanguage.json']);
  });
});
