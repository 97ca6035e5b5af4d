/** Structural equality of JSON values (no framework, no node:util: core runs in browsers too). */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => isDeepStrictEqual(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (key) =>
        Object.prototype.hasOwnProperty.call(b, key) &&
        isDeepStrictEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
    )
  );
}
