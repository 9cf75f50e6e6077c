/**
 * Registers a custom element unless the name is taken — by an earlier copy of this SDK (the script tag next to the
 * npm build) or by anyone else. Defining twice is then harmless instead of a thrown `NotSupportedError`.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (registry && !registry.get(tag)) registry.define(tag, element);
}
