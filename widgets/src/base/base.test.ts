import { expect } from '@open-wc/testing';
import { apiBaseFromScriptUrl } from './api-base.js';
import { defineElement } from './define.js';
import { effectiveLang } from './lang.js';

describe('base', () => {
  it('derives the API base from where the widget script was served', () => {
    expect(apiBaseFromScriptUrl('https://cms.example.nl/begroot/widgets/begroot.js')).to.equal(
      'https://cms.example.nl'
    );
    expect(
      apiBaseFromScriptUrl('https://gemeente.nl/cms/begroot/widgets/begroot-budget-meter-x1.js')
    ).to.equal('https://gemeente.nl/cms');
    expect(apiBaseFromScriptUrl('http://localhost:8000/src/base/api-base.ts')).to.equal(
      'http://localhost:8000'
    );
  });

  it('finds the nearest lang, across shadow roots', () => {
    document.body.innerHTML = '<div lang="en-GB"><span id="host"></span></div>';
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p><b></b></p><i lang="nl"></i>';
    expect(effectiveLang(root.querySelector('b')!)).to.equal('en-GB');
    expect(effectiveLang(root.querySelector('i')!)).to.equal('nl');
    document.body.innerHTML = '<b></b>';
    const previous = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    expect(effectiveLang(document.querySelector('b')!)).to.equal('');
    if (previous !== null) document.documentElement.setAttribute('lang', previous);
  });

  it('defines a tag once and reports a second definition as skipped', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    expect(defineElement('begroot-test-once', First)).to.equal(true);
    expect(defineElement('begroot-test-once', Second)).to.equal(false);
    expect(customElements.get('begroot-test-once')).to.equal(First);
  });
});
