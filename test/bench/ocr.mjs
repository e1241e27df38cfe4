// OCR measurement (issue 22): the scanned copy of the hongze 2024 report (every page drawn at 150 dpi and
// put back as an image by PDFium, made here) checked by the CLI as a user runs it: seconds per scanned
// page and the process's peak memory (the engine runs on a thread of the same process). Target: ≤ 5 s a
// page and ≤ 1 GB on the 2-core machine.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function benchOcr(root, cli, timeCommand) {
  const helper = join(root, 'dist-test', 'integration', 'ocr-scan.js');
  const source = join(root, 'test', 'fixtures', 'corpus', 'pdf', 'hongze_2024.pdf');
  if (!existsSync(helper) || !existsSync(source)) return { skipped: 'no scan helper or no corpus PDF' };
  const { scanPdf } = createRequire(import.meta.url)(helper);
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-ocr-'));
  try {
    const file = join(dir, 'hongze_2024_scan.pdf');
    writeFileSync(file, await scanPdf(readFileSync(source), { dpi: 150 }));
    const pages = 5;
    const r = timeCommand(process.execPath, [cli, 'check', '--format', 'json', '--timeout', '0', file], { allowUnreadable: true });
    const j = JSON.parse(r.stdout);
    const [entry] = Array.isArray(j) ? j : j.files;
    // The worst case: a degraded copy (noise, 1° skew, JPEG 60) of huaian's table pages, a rough scan whose figures are read three times.
    const rough = join(dir, 'huaian_2024_degraded.pdf');
    const huaian = join(root, 'test', 'fixtures', 'corpus', 'pdf', 'huaian_2024.pdf');
    writeFileSync(rough, await scanPdf(readFileSync(huaian), { dpi: 200, pages: [3, 4, 5], noise: 40, skew: 1, jpeg: 60 }));
    const d = timeCommand(process.execPath, [cli, 'check', '--format', 'json', '--timeout', '0', rough], { allowUnreadable: true });
    return { pages, secondsPerPage: r.t / 1000 / pages, rss: r.rss, ocr: entry.ocr === true, status: entry.status, degradedSecondsPerPage: d.t / 1000 / 3, degradedRss: d.rss };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function ocrRow(x) {
  if (x.skipped) return ['CLI on a scanned PDF (OCR)', `skipped: ${x.skipped}`, '≤ 5 s/page, ≤ 1 GB'];
  const degraded = x.degradedSecondsPerPage === undefined ? '' : `; degraded table pages (noise, 1° skew, JPEG 60) ${x.degradedSecondsPerPage.toFixed(1)} s/page, peak RSS ${(x.degradedRss / 1048576).toFixed(0)} MB`;
  return ['CLI on a scanned PDF (OCR)', `${x.secondsPerPage.toFixed(1)} s/page (${x.pages} pages at 150 dpi${x.ocr ? '' : ', NOT recognised'}), peak RSS ${(x.rss / 1048576).toFixed(0)} MB${degraded}`, '≤ 5 s/page, ≤ 1 GB'];
}

// Alone: node test/bench/ocr.mjs (after npm run build).
if (process.argv[1] && process.argv[1].endsWith('ocr.mjs')) {
  const { spawnSync } = await import('node:child_process');
  const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
  const timeCommand = (cmd, args) => {
    const out = join(tmpdir(), `ogi-bench-ocr-rss-${process.pid}.txt`);
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NODE_OPTIONS: `--require ${join(root, 'test', 'bench', 'max-rss.cjs')}`, OGI_BENCH_RSS: out } });
    const t = performance.now() - t0;
    let rss = null;
    try { rss = Number(readFileSync(out, 'utf8')) * 1024; rmSync(out); } catch { /* no figure */ }
    return { t, rss, stdout: r.stdout };
  };
  const x = await benchOcr(root, join(root, 'dist', 'cli.js'), timeCommand);
  console.log(ocrRow(x).join(' | '));
  console.log(JSON.stringify(x));
}
