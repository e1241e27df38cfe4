/** Manifest hygiene and the no-network guarantee of the shipped bundles (test/integration/package.test.ts lists the package with vsce). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/service/analyze';
import { ENGINE_CODES } from '../../server/src/service/engine-codes';
import { ROOT } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('extension manifest and package', () => {
  it('activates on the language, never on *, and declares trust and virtual-workspace support', () => {
    assert.ok(pkg.activationEvents.includes('onLanguage:ogi-report'));
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });
  it('contributes the language with its extensions, file name patterns and a Chinese alias', () => {
    const lang = pkg.contributes.languages[0];
    assert.equal(lang.id, 'ogi-report');
    assert.ok(lang.aliases.includes('政府信息公开年报'));
    assert.deepEqual(lang.extensions, ['.ogi', '.ogi.txt', '.ogi.md']);
    assert.ok(lang.filenamePatterns.some((p: string) => p.includes('政府信息公开') && p.includes('年度报告')));
    assert.ok(lang.filenamePatterns.some((p: string) => p.includes('年报')));
  });
  it('offers a severity setting for every rule id', () => {
    const props = pkg.contributes.configuration.properties['ogiReport.rules'].properties;
    assert.deepEqual(Object.keys(props).sort(), [...RULES.map((r) => r.id), ...ENGINE_CODES.map((c) => c.id)].sort());
    for (const key of ['ogiReport.trace.server', 'ogiReport.autoDetect', 'ogiReport.locale']) assert.ok(pkg.contributes.configuration.properties[key], key);
  });
  it('has every manifest string in English and Chinese', () => {
    const en = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json: ${k}`);
      assert.ok(zh[k], `package.nls.zh-cn.json: ${k}`);
    }
    assert.equal(zh['command.recomputeTotals'], '重新计算全部合计');
  });
  it('the bundles contain no HTTP client code', () => {
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/cli.js']) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      assert.doesNotMatch(text, /require\("(?:node:)?(?:http|https|http2|tls|dgram)"\)/, f);
      assert.doesNotMatch(text, /\bfetch\(|XMLHttpRequest|undici|new WebSocket\(/, f);
    }
  });
});
