/**
 * Rebuilds a locale that the build packed (scripts/rollup-pack-locale.mjs): a locale file repeats every key of
 * `en`, so the build ships only its values, and this walks `shape` (English) to put the keys back. `values` are the
 * leaves in the order of `shape`'s keys, depth first; a plain object is walked, anything else (a string, a function,
 * an array) is one leaf. It ships in every page: keep it this small.
 */
export function unpackMessages<T extends object>(shape: T, values: readonly unknown[]): T {
  let next = 0;
  const walk = (node: object): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = value && typeof value === 'object' && !Array.isArray(value) ? walk(value) : values[next++];
    }
    return out;
  };
  return walk(shape) as T;
}
