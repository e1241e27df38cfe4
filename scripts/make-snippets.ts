// Writes snippets/ogi-report.code-snippets from the template (npm run snippets).
import { writeFileSync } from 'node:fs';
import { renderSnippetsFile } from '../server/src/service/snippets';

writeFileSync('snippets/ogi-report.code-snippets', renderSnippetsFile());
console.log('snippets/ogi-report.code-snippets written');
