/**
 * What one analysis derives from an object once (a report's facts, segmentation, claims, …), kept on
 * the object itself under a hidden property, with the get/set of a WeakMap. Not in a WeakMap: V8's
 * young-generation collector keeps a WeakMap's values alive through a collection even when their key
 * is dead. Every analysis's derived data was then copied and promoted to the old generation, where only
 * a full collection frees it (about 30 KB more per collection for a seed-size report), which made every
 * later collection of the young generation slower. A hidden property dies with its object.
 */
export class Memo<K extends object, V> {
  private readonly slot = Symbol('memo');

  get(key: K): V | undefined {
    return (key as unknown as Record<symbol, V | undefined>)[this.slot];
  }

  /**
   * Not enumerable: a copy of the object (`{ ...report }`) does not take the memo with it. An object that
   * takes no new property (frozen) keeps nothing: the value is computed again when next asked for.
   */
  set(key: K, value: V): this {
    if (Object.isExtensible(key)) Object.defineProperty(key, this.slot, { value, configurable: true, writable: true, enumerable: false });
    return this;
  }
}
