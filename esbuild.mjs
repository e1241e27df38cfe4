// Bundles the extension client, the language server and the CLI, plus the compiled tests.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
// PDFium (WebAssembly, with its pdfium.wasm beside it) is large: never bundled, loaded lazily from node_modules by the CLI only.
// The OCR engine (tesseract.js, its worker and WebAssembly, and the Chinese model) likewise, CLI only, on the first scanned page.
const lazy = ['@embedpdf/pdfium', 'tesseract.js', '@tesseract.js-data/chi_sim'];
// ESM-only dependencies read import.meta.url, which a CommonJS bundle must provide.
const importMeta = { inject: ['scripts/import-meta-url.js'], define: { 'import.meta.url': 'importMetaUrl' } };
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', minify: production, sourcemap: !production, legalComments: 'none' };

rmSync('dist', { recursive: true, force: true });
rmSync('dist-test', { recursive: true, force: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode', ...lazy] }),
  esbuild.build({ ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist', external: lazy, banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=2' } }),
  // A batch keeps both cores busy with worker threads: V8's own GC helper threads would only contend
  // with them (the bin runs 7–9% faster with GC on the thread that allocates).
  esbuild.build({ ...common, ...importMeta, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', external: lazy, banner: { js: '#!/usr/bin/env -S node --single-threaded-gc' } }),
]);

// Tests: each file bundled on its own so that node:test and mocha load them directly.
const list = (dir) => { try { return readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)); } catch { return []; } };
const testEntries = [...list('test/unit'), ...list('test/integration'), ...list('test/fuzz'), ...list('test/e2e/suite')];
if (testEntries.length) {
  await esbuild.build({ ...common, ...importMeta, minify: false, sourcemap: false, entryPoints: testEntries, outdir: 'dist-test', outbase: 'test', external: [...lazy, 'vscode', 'mocha', 'fast-check', 'playwright-core', 'typescript', 'recheck', 'vscode-jsonrpc', 'vscode-jsonrpc/node', 'vscode-textmate', 'vscode-oniguruma'] });
}
