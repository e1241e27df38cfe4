/**
 * Where a front end hears that a scanned page starts being recognised: the CLI's pool restarts the
 * file's clock there, so that each scanned page gets the per-file time limit of its own (a scan of 40
 * pages may take minutes; one page never does). Imports nothing.
 */
let listener: (() => void) | null = null;

/** Sets the one listener (null: none). */
export function onScannedPage(f: (() => void) | null): void {
  listener = f;
}

/** Called by the OCR importer before each scanned page. */
export function scannedPageStarted(): void {
  listener?.();
}
