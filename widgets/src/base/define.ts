/**
 * Defines a custom element unless the tag is taken. A page that loads the widgets twice (two
 * script tags, two versions, a CMS and a city template both embedding us) keeps the first
 * definition instead of throwing `NotSupportedError`.
 *
 * @returns whether this call defined the tag.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): boolean {
  if (customElements.get(tag)) return false;
  customElements.define(tag, constructor);
  return true;
}
