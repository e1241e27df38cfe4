/**
 * Parsing markup (HTML pages, Word's XML) into a DOM with htmlparser2, bounded in nesting depth:
 * htmlparser2 keeps its open elements with `unshift`, so each element costs as much as the depth it
 * opens at, and a few kilobytes of nested elements would take minutes. Past `MAX_NESTING` open
 * elements the parse stops and the importer gives one `too-large` line instead. Within the bound,
 * the importers' recursive walks over the tree are bounded by it too.
 */
import { DomHandler, Parser } from 'htmlparser2';
import type { Document } from 'domhandler';

/** Most elements open inside one another that an importer reads (real pages and documents nest a few dozen). */
export const MAX_NESTING = 1000;

/** Thrown (and caught by the importer) when a document nests elements deeper than `MAX_NESTING`. */
export class TooDeep extends Error {}

class BoundedHandler extends DomHandler {
  private depth = 0;

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    if (++this.depth > MAX_NESTING) throw new TooDeep(name);
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

/** As htmlparser2's `parseDocument`, but throws `TooDeep` past `MAX_NESTING` open elements. */
export function parseBounded(data: string, options: ConstructorParameters<typeof Parser>[1] & { xmlMode?: boolean }): Document {
  const handler = new BoundedHandler(undefined, options);
  new Parser(handler, options).end(data);
  return handler.root;
}
