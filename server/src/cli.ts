/**
 * Command-line entry: `ogi-report check|extract …` (see cli/main.ts and `ogi-report --help`). The same
 * bundle is the worker of the thread pool when started with `workerData.ogiReportWorker`.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './cli/main';
import { runWorker } from './cli/pool';

if (!isMainThread && workerData?.ogiReportWorker) {
  runWorker();
} else {
  // `ogi-report check dir/ | head`: a reader that stops early is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`ogi-report: ${err.message}\n`);
    process.exit(2);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (err) => {
    process.stderr.write(`ogi-report: 内部错误 / internal error: ${(err as Error)?.message ?? err}\n`);
    process.exitCode = 2;
  });
}
