import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { defineElement } from './base/define.js';

const TAG = 'begroot-budget-meter';

describe('loader (dist/begroot.js)', () => {
  const original = window.fetch;
  before(() => {
    // The meters added below must not reach for a server.
    window.fetch = () => Promise.reject(new TypeError('offline in tests'));
  });
  after(() => {
    window.fetch = original;
  });

  it('importing a widget class defines nothing', async () => {
    await import('./budget-meter/budget-meter.js');
    expect(customElements.get(TAG)).to.equal(undefined);
  });

  it('defines nothing while no Begroot element is on the page', async () => {
    document.body.innerHTML = '<main><h1>Gemeente Voorbeeldstad</h1><p>Nieuws</p></main>';
    await import('./loader.js');
    await aTimeout(100);
    expect(customElements.get(TAG)).to.equal(undefined);
  });

  it('defines a widget when one is added to the page later', async () => {
    const section = document.createElement('section');
    section.innerHTML = `<${TAG} round="voorbeeldstad-2027"></${TAG}>`;
    document.querySelector('main')!.append(section);
    await waitUntil(() => customElements.get(TAG), 'the loader did not define the meter', {
      timeout: 4000,
    });
    const el = document.querySelector(TAG)!;
    await el.updateComplete;
    expect(el.shadowRoot).to.be.instanceOf(ShadowRoot);
  });

  it('defines each widget only when its tag appears', async () => {
    for (const tag of [
      'begroot-proposal-form',
      'begroot-deliberation-board',
      'begroot-vote-ballot',
      'begroot-round-timeline',
      'begroot-project-tracker',
      'begroot-panel-signup',
    ]) {
      expect(customElements.get(tag), tag).to.equal(undefined);
      const el = document.createElement(tag);
      el.setAttribute('round', 'voorbeeldstad-2027');
      document.querySelector('main')!.append(el);
      await waitUntil(() => customElements.get(tag), `the loader did not define ${tag}`, {
        timeout: 4000,
      });
    }
  });

  it('tolerates being loaded twice, and a second copy of a definition', async () => {
    const defined = customElements.get(TAG);
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      // Query strings make the browser evaluate the modules again, like a second script tag.
      const copies = ['./loader.ts?copy=2', './define/begroot-budget-meter.ts?copy=2'];
      for (const copy of copies) await import(copy);
      await aTimeout(50);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(customElements.get(TAG)).to.equal(defined);
    class Other extends HTMLElement {}
    expect(defineElement(TAG, Other)).to.equal(false);
    expect(customElements.get(TAG)).to.equal(defined);
  });
});
