// Runs the same mocha suite in desktop VS Code through @vscode/test-electron. It downloads VS Code, so it
// needs internet access (these build machines have none: use `npm run test:e2e` here). Node 20 or later.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { makeWorkspace } from './workspace.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUITE = join(ROOT, 'dist-test', 'e2e', 'suite', 'index.js');

async function main() {
  if (!existsSync(SUITE)) throw new Error('the e2e suite is not built: run npm run build first');
  const tmp = mkdtempSync(join(tmpdir(), 'ogi-electron-'));
  const workspace = join(tmp, 'workspace');
  mkdirSync(workspace);
  makeWorkspace(ROOT, workspace);
  const results = join(tmp, 'results.json');
  let code = 0;
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { OGI_E2E_RESULTS: results },
    });
  } catch (err) {
    console.error(`electron e2e: ${err.message ?? err}`);
    code = 1;
  }
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    for (const t of r.tests) console.log(`  ${t.state === 'passed' ? '✔' : '✖'} ${t.title}`);
    console.log(`${r.passed} passed, ${r.failed} failed`);
    if (r.failed) code = 1;
  } else console.log('0 passed, 1 failed');
  process.exit(code);
}

main();
