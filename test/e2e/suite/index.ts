/**
 * Entry the VS Code test host calls: runs the mocha suite in the real extension host and writes the
 * results to the file named by OGI_E2E_RESULTS, which the launcher reads (never log text).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Result { title: string; state: 'passed' | 'failed'; error?: string; duration?: number }

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const dir = __dirname;
  // OGI_E2E_ONLY=compare,writer runs only those suite files (while working on one feature).
  const only = (process.env.OGI_E2E_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.test.js')) continue;
    if (only.length && !only.includes(f.replace(/\.test\.js$/, ''))) continue;
    mocha.addFile(path.join(dir, f));
  }
  const results: Result[] = [];
  const out = process.env.OGI_E2E_RESULTS;
  const write = (extra: object = {}) => {
    if (!out) return;
    const passed = results.filter((r) => r.state === 'passed').length;
    fs.writeFileSync(out, JSON.stringify({ passed, failed: results.length - passed, tests: results, ...extra }, null, 2));
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        write({ done: true });
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', duration: t.duration }));
      runner.on('fail', (t, err) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
    } catch (err) {
      write({ done: true, error: String(err) });
      reject(err);
    }
  });
}
