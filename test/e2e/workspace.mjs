// The workspace both e2e launchers open: report fixtures under the names the suite expects, and settings.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function makeWorkspace(root, dir) {
  const fx = (p) => readFileSync(join(root, 'test', 'fixtures', p), 'utf8');
  const files = {
    '清河镇2023年政府信息公开工作年度报告.txt': fx('rules/column-total/valid-balanced.txt'),
    'balanced.ogi': fx('rules/column-total/valid-balanced.txt'),
    'seventh.ogi': fx('rules/row-total/invalid-seventh-natural.txt'),
    'seventh2.ogi': fx('rules/row-total/invalid-seventh-natural.txt'),
    'missing.ogi': fx('rules/missing-section/invalid-no-review-section.txt'),
    'totals.ogi': fx('rules/review-total/invalid-total-zero.txt'),
    'save.ogi': fx('rules/row-total/invalid-row-total.txt').replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({
    '[ogi-report]': { 'editor.codeActionsOnSave': { 'source.fixAll.ogi-report': 'explicit' } },
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
  }, null, 2));
}

