// npm run corpus: the noise figure. Checks every real report in test/fixtures/corpus/ and the seeds in
// test/fixtures/reports/, and prints per report its diagnostics by rule and severity, then one total line.
// Reads through the CLI's JSON so that what is counted is exactly what a supervisor sees.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = [join(ROOT, 'test', 'fixtures', 'corpus'), join(ROOT, 'test', 'fixtures', 'reports')];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|md)$/.test(f) && !/\.(golden|model|fixed)\.txt$/.test(f) && f !== 'FACTS.md').map((f) => join(d, f)));
const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
let results;
try {
  const j = JSON.parse(run.stdout);
  results = Array.isArray(j) ? j : j.files; // {"tool", "files"}; a bare array before the output named its tool
} catch {
  process.stderr.write(`corpus: the CLI did not print JSON (exit ${run.status}): ${run.stderr}\n`);
  process.exit(2);
}
const total = { error: 0, warning: 0, info: 0, hint: 0 };
const width = Math.max(...results.map((r) => r.file.length - ROOT.length - 1));
for (const r of results) {
  const by = new Map();
  for (const d of r.diagnostics ?? []) {
    const key = `${d.code}:${d.severity}`;
    by.set(key, (by.get(key) ?? 0) + 1);
    total[d.severity]++;
  }
  const parts = [...by].sort().map(([k, n]) => `${k}×${n}`).join('  ');
  const name = r.file.slice(ROOT.length + 1).padEnd(width);
  process.stdout.write(`${name}  ${r.error ? `UNREADABLE ${r.error.kind ?? ''}` : parts || '—'}\n`);
}
process.stdout.write(`TOTAL ${results.length} reports: ${total.error} errors, ${total.warning} warnings, ${total.info} info, ${total.hint} hints\n`);
