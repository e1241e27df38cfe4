// pdf.js ships no types for its worker module; it is imported only to run the worker on this thread.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
