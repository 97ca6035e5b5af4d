import { expect, waitUntil } from '@open-wc/testing';

// Its own file, so its own page: the element is in the document before the loader runs, as on a
// city page where the editor pasted the script tag and the element.
describe('loader on a page that already has a widget', () => {
  it('defines the widgets present when it runs', async () => {
    const original = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('offline in tests'));
    try {
      document.body.innerHTML =
        '<article><begroot-budget-meter round="voorbeeldstad-2027"></begroot-budget-meter></article>';
      expect(customElements.get('begroot-budget-meter')).to.equal(undefined);
      await import('./loader.js');
      await waitUntil(() => customElements.get('begroot-budget-meter'), 'not defined', {
        timeout: 4000,
      });
      await waitUntil(() => document.querySelector('begroot-budget-meter')?.shadowRoot);
    } finally {
      window.fetch = original;
    }
  });
});
