// Bundles the extension client, the language server and the CLI, plus the compiled tests.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
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
  esbuild.build({ ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist', external: lazy, banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=2 --v8-pool-size=1' } }),
  // A batch keeps both cores busy with worker threads: V8's own GC helper threads would only contend
  // with them (the bin runs 7–9% faster with GC on the thread that allocates).
  esbuild.build({ ...common, ...importMeta, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', external: lazy, banner: { js: '#!/usr/bin/env -S node --single-threaded-gc' } }),
]);

// Tests: each file bundled on its own so that node:test and mocha load them directly.
const list = (dir) => { try { return readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)); } catch { return []; } };
const testEntries = [...list('test/unit'), ...list('test/integration'), ...list('test/fuzz'), ...list('test/e2e/suite')];
if (testEntries.length) {
  const testExternal = [...lazy, 'vscode', 'mocha', 'fast-check', 'playwright-core', 'typescript', 'recheck', 'vscode-jsonrpc', 'vscode-jsonrpc/node', 'vscode-textmate', 'vscode-oniguruma'];
  await esbuild.build({ ...common, ...importMeta, minify: false, sourcemap: false, entryPoints: testEntries, outdir: 'dist-test', outbase: 'test', external: testExternal });
  // `npm run test:unit` runs the in-process files as a few bundles (dist-test/unit-run/), so
  // that the engine is loaded and compiled once per process instead of once per file (36 files spent more
  // time starting than testing). A file that measures its own process (its header says `@own-process`)
  // gets a bundle to itself. Each file above still runs alone: `node --test dist-test/unit/<name>.test.js`.
  const unit = list('test/unit').sort();
  const own = unit.filter((f) => readFileSync(f, 'utf8').slice(0, 2000).includes('@own-process'));
  const shared = unit.filter((f) => !own.includes(f));
  const PARTS = 4; // twice the cores: node --test hands the next part to whichever process finishes first
  const shards = [...Array.from({ length: PARTS }, (_, k) => shared.filter((_, i) => i % PARTS === k)), ...own.map((f) => [f])];
  const entry = (files) => files.map((f) => `import './${f.replace(/\\/g, '/').replace(/\.ts$/, '')}';`).join('\n');
  const shardPlugin = {
    name: 'unit-shards',
    setup(build) {
      build.onResolve({ filter: /^unit-shard:/ }, (a) => ({ path: a.path, namespace: 'unit-shard' }));
      build.onLoad({ filter: /.*/, namespace: 'unit-shard' }, (a) => ({ contents: entry(shards[Number(a.path.slice('unit-shard:'.length))]), resolveDir: process.cwd(), loader: 'ts' }));
    },
  };
  const shardEntries = Object.fromEntries(shards.map((_, i) => [`unit-run/part-${i + 1}.test`, `unit-shard:${i}`]));
  await esbuild.build({ ...common, ...importMeta, minify: false, sourcemap: false, entryPoints: shardEntries, outdir: 'dist-test', external: testExternal, plugins: [shardPlugin] });
}
