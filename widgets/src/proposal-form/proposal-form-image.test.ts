import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/begroot-proposal-form.js';
import {
  FULL_ROUND,
  FetchStub,
  clearStored,
  deepActiveElement,
  json,
  liveText,
  part,
  parts,
  plain,
  providerWith,
  settledWidget,
  strapiError,
  validationError,
} from '../test/helpers.js';
import type { BegrootProposalForm } from './proposal-form.js';

const BASE = 'https://cms.example.nl';
const ROUND_URL = `${BASE}/api/begroot/rounds/voorbeeldstad-2027`;
const POST_URL = `${ROUND_URL}/proposals`;
const UPLOAD_URL = `${ROUND_URL}/uploads`;
const UPLOAD_ID = 'k2m9x0abcd12efgh34ijkl56';

/** The first bytes of a PNG: the widget trusts the declared type; the server checks the bytes. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function stubWith(...uploadReplies: Response[]): FetchStub {
  return new FetchStub()
    .on('GET', ROUND_URL, json({ data: FULL_ROUND }))
    .on('POST', UPLOAD_URL, ...uploadReplies)
    .on(
      'POST',
      POST_URL,
      json({ data: { documentId: 'image000000001', status: 'submitted' } }, 201)
    );
}

const uploaded = () => json({ data: { id: UPLOAD_ID, mime: 'image/png', size: 12 } }, 201);

async function form(stub: FetchStub): Promise<BegrootProposalForm> {
  const container = providerWith(stub);
  const start = document.createElement('button');
  start.textContent = 'Naar het formulier';
  container.append(start);
  const el = document.createElement('begroot-proposal-form');
  el.setAttribute('api-base', BASE);
  el.setAttribute('round', 'voorbeeldstad-2027');
  container.append(el);
  await settledWidget(el);
  return el;
}

const byId = <T extends HTMLElement = HTMLInputElement>(el: Element, id: string) =>
  el.shadowRoot!.querySelector<T>(`#${id}`)!;

/** What the file dialog hands back when a file is chosen there. */
async function choose(el: BegrootProposalForm, file: File) {
  const input = byId(el, 'field-image');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function fillRequired(el: BegrootProposalForm) {
  for (const [id, value] of [
    ['field-title', 'Een bankje met uitzicht'],
    ['field-description', 'Een bankje aan de vijver, zodat ouderen kunnen uitrusten.'],
    ['field-district', 'oost'],
  ] as const) {
    const field = byId<HTMLInputElement | HTMLSelectElement>(el, id);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

const posts = (stub: FetchStub, url: string) =>
  stub.calls.filter((call) => call.init?.method === 'POST' && call.url === url);

describe('<begroot-proposal-form> image field', () => {
  beforeEach(() => {
    document.documentElement.removeAttribute('lang');
    clearStored('begroot:proposal-draft:');
  });

  afterEach(() => {
    document.body.replaceChildren();
    document.documentElement.lang = 'en';
    clearStored('begroot:proposal-draft:');
  });

  it('offers an optional image field that accepts images only', async () => {
    const el = await form(stubWith(uploaded()));
    const input = byId(el, 'field-image');
    expect(input.type).to.equal('file');
    expect(input.accept).to.equal('image/jpeg,image/png,image/gif,image/webp');
    expect(plain(el.shadowRoot!.querySelector('label[for="field-image"]')?.textContent)).to.equal(
      'Foto of afbeelding (niet verplicht)'
    );
    expect(input.getAttribute('aria-describedby')).to.equal('field-image-hint');
    expect(plain(byId(el, 'field-image-hint').textContent)).to.contain('hoogstens 5 MB');
    expect(part(el, 'image-preview')).to.equal(null);
    expect(input.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('is not there when the round’s form does not ask for an image', async () => {
    const round = {
      ...FULL_ROUND,
      proposalForm: { ...FULL_ROUND.proposalForm!, optionalFields: ['summary' as const] },
    };
    const el = await form(new FetchStub().on('GET', ROUND_URL, json({ data: round })));
    expect(el.shadowRoot!.querySelector('#field-image') === null).to.equal(true);
  });

  it('with the keyboard: reach the field, describe the chosen image, send; the upload comes first', async () => {
    const stub = stubWith(uploaded());
    const el = await form(stub);
    byId(el, 'field-location').focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(byId(el, 'field-image'));
    // Space opens the browser's file dialog; the test hands over what the dialog would.
    await choose(el, new File([PNG], 'bankje.png', { type: 'image/png' }));
    const preview = part(el, 'image-preview') as HTMLImageElement;
    expect(preview.src).to.match(/^blob:/);
    expect(liveText(el)).to.contain('bankje.png');
    await sendKeys({ press: 'Tab' });
    expect(plain(deepActiveElement()?.textContent)).to.equal('Afbeelding verwijderen');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(byId(el, 'field-imageAlt'));
    expect(byId(el, 'field-imageAlt').getAttribute('aria-required')).to.equal('true');
    await sendKeys({ type: 'Een bankje aan de vijver' });
    expect(preview.alt).to.equal('Een bankje aan de vijver');
    await expect(el).to.be.accessible();

    await fillRequired(el);
    byId(el, 'field-imageAlt').focus();
    const submitted = oneEvent(el, 'begroot-proposal-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
    const [upload] = posts(stub, UPLOAD_URL);
    const body = upload?.init?.body as FormData;
    expect(body).to.be.instanceOf(FormData);
    expect((body.get('file') as File).size).to.equal(PNG.length);
    expect(body.get('alternativeText')).to.equal('Een bankje aan de vijver');
    expect(new Headers(upload?.init?.headers).get('Content-Type')).to.equal(null);
    const [proposal] = posts(stub, POST_URL);
    expect(JSON.parse(String(proposal?.init?.body)).image).to.equal(UPLOAD_ID);
    expect(stub.calls.indexOf(upload!)).to.be.below(stub.calls.indexOf(proposal!));
  });

  it('requires a description once an image is chosen, in the summary and at the field', async () => {
    const stub = stubWith(uploaded());
    const el = await form(stub);
    await fillRequired(el);
    await choose(el, new File([PNG], 'bankje.png', { type: 'image/png' }));
    await el.submit();
    await el.updateComplete;
    expect(plain(byId(el, 'field-imageAlt-error').textContent)).to.not.equal('');
    expect(parts(el, 'error-link').map((link) => plain(link.textContent))[0]).to.match(
      /^Wat is er op de afbeelding te zien\?/
    );
    await waitUntil(() => deepActiveElement() === part(el, 'error-summary'));
    expect(stub.calls.filter((call) => call.init?.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  for (const [label, file, text] of [
    [
      'an SVG',
      new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.svg', {
        type: 'image/svg+xml',
      }),
      'geen SVG',
    ],
    ['a PDF', new File(['%PDF-1.4'], 'plan.pdf', { type: 'application/pdf' }), 'JPEG'],
    [
      'an image over 5 MB',
      new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'groot.png', { type: 'image/png' }),
      'te groot',
    ],
  ] as const) {
    it(`refuses ${label} at the field, with a clear error`, async () => {
      const el = await form(stubWith(uploaded()));
      await choose(el, file);
      const input = byId(el, 'field-image');
      expect(plain(byId(el, 'field-image-error').textContent)).to.contain(text);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('field-image-hint field-image-error');
      expect(input.value).to.equal('');
      expect(part(el, 'image-preview')).to.equal(null);
      expect(liveText(el)).to.contain(text);
      await expect(el).to.be.accessible();
    });
  }

  it('shows the server’s refusal of the upload at the image field, and sends nothing else', async () => {
    const stub = stubWith(
      validationError([{ path: ['file'], message: 'Choose a photo or picture.' }]),
      strapiError(413, 'PayloadTooLargeError', 'The image is larger than 5120 kB.'),
      uploaded()
    );
    const el = await form(stub);
    await fillRequired(el);
    await choose(el, new File([PNG], 'bankje.png', { type: 'image/png' }));
    const alt = byId(el, 'field-imageAlt');
    alt.value = 'Een bankje';
    alt.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.submit();
    await el.updateComplete;
    expect(plain(byId(el, 'field-image-error').textContent)).to.equal(
      'Kies een foto of afbeelding: een JPEG-, PNG-, GIF- of WebP-bestand (geen SVG).'
    );
    await el.submit();
    await el.updateComplete;
    expect(plain(byId(el, 'field-image-error').textContent)).to.contain('te groot');
    expect(posts(stub, POST_URL)).to.have.length(0);
    await expect(el).to.be.accessible();
    await el.submit();
    expect(posts(stub, POST_URL)).to.have.length(1);
  });

  it('uploads again when the server says the upload is no longer usable', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: FULL_ROUND }))
      .on('POST', UPLOAD_URL, uploaded())
      .on(
        'POST',
        POST_URL,
        validationError([{ path: ['image'], message: 'This image is no longer available.' }]),
        json({ data: { documentId: 'image000000002', status: 'submitted' } }, 201)
      );
    const el = await form(stub);
    await fillRequired(el);
    await choose(el, new File([PNG], 'bankje.png', { type: 'image/png' }));
    const alt = byId(el, 'field-imageAlt');
    alt.value = 'Een bankje';
    alt.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.submit();
    await el.updateComplete;
    expect(plain(byId(el, 'field-image-error').textContent)).to.equal(
      'Deze afbeelding is niet meer beschikbaar. Kies haar opnieuw en verstuur uw idee nog eens.'
    );
    await el.submit();
    expect(posts(stub, UPLOAD_URL)).to.have.length(2);
    expect(posts(stub, POST_URL)).to.have.length(2);
  });

  it('removes the image with the keyboard and returns focus to the field', async () => {
    const el = await form(stubWith(uploaded()));
    await choose(el, new File([PNG], 'bankje.png', { type: 'image/png' }));
    const remove = parts(el, 'secondary-button').find(
      (button) => plain(button.textContent) === 'Afbeelding verwijderen'
    )!;
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'image-preview')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#field-imageAlt')).to.equal(null);
    expect(byId(el, 'field-image').value).to.equal('');
    await waitUntil(() => deepActiveElement() === byId(el, 'field-image'));
    expect(liveText(el)).to.equal('De afbeelding is verwijderd.');
  });

  it('speaks English with lang="en"', async () => {
    document.documentElement.lang = 'en';
    const el = await form(stubWith(uploaded()));
    await choose(el, new File([PNG], 'bench.png', { type: 'image/png' }));
    expect(plain(el.shadowRoot!.querySelector('label[for="field-image"]')?.textContent)).to.equal(
      'Photo or picture (optional)'
    );
    expect(
      plain(el.shadowRoot!.querySelector('label[for="field-imageAlt"]')?.textContent)
    ).to.equal('What does the picture show?');
    await expect(el).to.be.accessible();
  });
});
