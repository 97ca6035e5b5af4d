import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PanelPublicView, RoundPublicView } from '@begroot/core';
import '../define/begroot-panel-signup.js';
import {
  FetchStub,
  FULL_ROUND,
  ROUND_URL,
  checkTokens,
  deepActiveElement,
  expectLoadingState,
  json,
  liveText,
  mountWidget,
  part,
  parts,
  plain,
  postsOf as posts,
  providerWith,
  resetPageBetweenTests,
  settledWidget,
  strapiError,
} from '../test/helpers.js';
import type { BegrootPanelSignup } from './panel-signup.js';
import { panelSignupStyles } from './panel-signup.styles.js';

const PANEL_URL = `${ROUND_URL}/panel`;
const VOLUNTEERS_URL = `${PANEL_URL}/volunteers`;

/** A round whose districts give residents per age band: the panel asks for an age band. */
const ROUND: RoundPublicView = {
  ...FULL_ROUND,
  voting: { ...FULL_ROUND.voting, ageBands: ['16-34', '35-64', '65+'] },
};

const POOL = 'a'.repeat(64);

const OPEN: PanelPublicView = {
  round: 'voorbeeldstad-2027',
  algorithm: 'begroot-panel-draw/1',
  status: 'open',
  seats: null,
  seed: null,
  stratifyBy: ['district', 'ageBand'],
  volunteers: 3,
  poolSha256: POOL,
  strata: [],
  draw: null,
  voidedDraws: [],
};

const CLOSED: PanelPublicView = {
  ...OPEN,
  status: 'closed',
  seats: 24,
  seed: '7-19-23-31-40-42',
  stratifyBy: ['district'],
  strata: [
    { stratum: { district: 'noord' }, target: 8, volunteers: 11, selected: null },
    { stratum: { district: 'oost' }, target: 10, volunteers: 4, selected: null },
  ],
};

const DRAWN: PanelPublicView = {
  ...CLOSED,
  status: 'drawn',
  strata: [
    { stratum: { district: 'noord' }, target: 8, volunteers: 11, selected: 8 },
    { stratum: { district: 'oost' }, target: 10, volunteers: 4, selected: 4 },
  ],
  draw: {
    number: 2,
    drawnAt: '2027-02-01T10:00:00.000Z',
    sha256: 'b'.repeat(64),
    selected: 12,
    unfilled: 12,
  },
  voidedDraws: [
    {
      number: 1,
      drawnAt: '2027-01-20T10:00:00.000Z',
      voidedAt: '2027-01-21T10:00:00.000Z',
      reason: 'Het verkeerde lotingsgetal was ingevoerd.',
      sha256: 'c'.repeat(64),
    },
  ],
};

function panelStub(panel: PanelPublicView = OPEN, round: RoundPublicView = ROUND): FetchStub {
  return new FetchStub()
    .on('GET', ROUND_URL, json({ data: round }))
    .on('GET', PANEL_URL, json({ data: panel }));
}

function signup(
  stub: FetchStub,
  attributes: Record<string, string> = {}
): Promise<BegrootPanelSignup> {
  return mountWidget('begroot-panel-signup', providerWith(stub), attributes);
}

function control<T extends HTMLElement = HTMLInputElement>(el: Element, name: string): T {
  return el.shadowRoot!.querySelector<T>(`#field-${name}`)!;
}

async function fill(el: BegrootPanelSignup, name: string, value: string): Promise<void> {
  const field = control<HTMLInputElement | HTMLSelectElement>(el, name);
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function tick(el: BegrootPanelSignup): Promise<void> {
  const box = control(el, 'consent');
  box.checked = true;
  box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const fieldError = (el: Element, name: string) =>
  plain(el.shadowRoot!.querySelector(`#field-${name}-error`)?.textContent);

describe('<begroot-panel-signup>', () => {
  resetPageBetweenTests();

  it('is registered with its tag and class', () => {
    expect(document.createElement('begroot-panel-signup').constructor.name).to.equal(
      'BegrootPanelSignup'
    );
  });

  it('shows an accessible busy state while the panel loads', async () => {
    const stub = panelStub().hold();
    await expectLoadingState(await signup(stub), stub, 'Het burgerpanel wordt geladen…');
  });

  it('shows an error with a retry that loads the panel again', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: ROUND }))
      .on('GET', PANEL_URL, strapiError(500, 'InternalServerError', 'boom'), json({ data: OPEN }));
    const failed = new Promise<Event>((resolve) =>
      document.addEventListener('begroot-request-failed', resolve, { once: true })
    );
    const el = await signup(stub);
    await settledWidget(el);
    await failed;
    expect(part(el, 'error')).to.be.instanceOf(HTMLElement);
    expect(liveText(el)).not.to.equal('');
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await settledWidget(el);
    expect(part(el, 'form')).to.be.instanceOf(HTMLElement);
    await waitUntil(() => deepActiveElement() === part(el, 'title'), 'the title took no focus');
  });

  it("shows the round's sign-up form: district, age band when the panel asks for it, consent", async () => {
    const el = await signup(panelStub(), { 'heading-level': '3' });
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Burgerpanel van Voorbeeldstad 2027');
    expect(part(el, 'title')?.getAttribute('aria-level')).to.equal('3');
    expect(parts(el, 'input').map((input) => input.getAttribute('name'))).to.deep.equal([
      'displayName',
      'email',
      'district',
      'ageBand',
    ]);
    expect(control(el, 'ageBand').getAttribute('aria-required')).to.equal('true');
    expect(control(el, 'consent').type).to.equal('checkbox');
    expect(control(el, 'consent').getAttribute('aria-describedby')).to.contain('privacy');
    expect(plain(part(el, 'privacy')?.textContent)).to.contain('lotnummer');
    expect(liveText(el)).to.equal('Aanmelden voor het burgerpanel kan.');
    // The honeypot is out of reach of people and assistive technology.
    const honeypot = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.closest('[aria-hidden="true"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('leaves out the age band when the round has none, and marks it optional when not stratified', async () => {
    const none = await signup(panelStub(OPEN, FULL_ROUND));
    await settledWidget(none);
    expect(control(none, 'ageBand')).to.equal(null);
    const optional = await signup(panelStub({ ...OPEN, stratifyBy: ['district'] }));
    await settledWidget(optional);
    expect(control(optional, 'ageBand').getAttribute('aria-required')).to.equal('false');
  });

  it('signs up with the keyboard only, then says what happens next', async () => {
    const stub = panelStub().on(
      'POST',
      VOLUNTEERS_URL,
      json({ data: { status: 'registered' } }, 201)
    );
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.append(before);
    const el = await signup(stub);
    await settledWidget(el);
    before.focus();
    const tab = () => sendKeys({ press: 'Tab' });
    await tab();
    expect(deepActiveElement()).to.equal(control(el, 'displayName'));
    await sendKeys({ type: 'Sanne de Vries' });
    await tab();
    expect(deepActiveElement()).to.equal(control(el, 'email'));
    await sendKeys({ type: ' Sanne@Example.nl ' });
    await tab();
    expect(deepActiveElement()).to.equal(control(el, 'district'));
    await sendKeys({ press: 'ArrowDown' });
    await tab();
    expect(deepActiveElement()).to.equal(control(el, 'ageBand'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await tab();
    expect(deepActiveElement()).to.equal(control(el, 'consent'));
    await sendKeys({ press: 'Space' });
    await tab(); // the honeypot is skipped
    expect(deepActiveElement()).to.equal(part(el, 'submit-button'));
    const signedUp = oneEvent(el, 'begroot-panel-signed-up');
    await sendKeys({ press: 'Enter' });
    const event = await signedUp;
    expect(event.detail).to.deep.equal({ round: 'voorbeeldstad-2027', status: 'registered' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(JSON.parse(String(posts(stub)[0]?.init?.body))).to.deep.equal({
      displayName: 'Sanne de Vries',
      email: 'sanne@example.nl',
      district: 'noord',
      ageBand: '35-64',
      consent: true,
    });
    await el.updateComplete;
    expect(plain(part(el, 'title')?.textContent)).to.equal('Bedankt! U bent aangemeld.');
    await waitUntil(() => deepActiveElement() === part(el, 'title'), 'the title took no focus');
    expect(liveText(el)).to.equal('Bedankt! U bent aangemeld.');
    expect(plain(part(el, 'notice')?.textContent)).to.contain('lotnummer');
    await expect(el).to.be.accessible();
    // Another sign-up: the form again, empty, focus in its first field.
    (parts(el, 'secondary-button')[0] as HTMLButtonElement).click();
    await settledWidget(el);
    await waitUntil(() => deepActiveElement() === control(el, 'displayName'));
    expect(control(el, 'displayName').value).to.equal('');
    before.remove();
  });

  it("checks with core's schema before sending: errors at the fields, summary focused", async () => {
    const stub = panelStub();
    const el = await signup(stub);
    await settledWidget(el);
    await fill(el, 'email', 'geen-adres');
    control(el, 'displayName').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === part(el, 'error-summary'));
    expect(posts(stub)).to.have.length(0);
    expect(parts(el, 'error-link').map((link) => plain(link.textContent))).to.deep.equal([
      'Uw naam: Vul dit veld in.',
      `Uw e-mailadres: ${fieldError(el, 'email')}`,
      `Uw wijk: ${fieldError(el, 'district')}`,
      `Uw leeftijd: ${fieldError(el, 'ageBand')}`,
      'Ik wil meedoen en mag hierover gemaild worden: Vink dit aan om u aan te melden.',
    ]);
    expect(control(el, 'consent').getAttribute('aria-invalid')).to.equal('true');
    expect(liveText(el)).to.match(/5/);
    await expect(el).to.be.accessible();
    // Fixing a field takes its error away.
    await tick(el);
    expect(fieldError(el, 'consent')).to.equal('');
  });

  it("shows the server's objections at their fields, worded by issue code in the page's language", async () => {
    const stub = panelStub().on(
      'POST',
      VOLUNTEERS_URL,
      json(
        {
          data: null,
          error: {
            status: 400,
            name: 'ValidationError',
            message: 'The sign-up is not valid.',
            details: {
              errors: [
                {
                  path: ['email'],
                  message: 'Give a valid e-mail address.',
                  code: 'invalid_format',
                },
                { path: ['district'], message: 'Choose one.', code: 'invalid_value' },
              ],
            },
          },
        },
        400
      )
    );
    const el = await signup(stub, { lang: 'en' });
    await settledWidget(el);
    await fill(el, 'displayName', 'Sanne');
    await fill(el, 'email', 'sanne@example.nl');
    await fill(el, 'district', 'oost');
    await fill(el, 'ageBand', '65+');
    await tick(el);
    await el.submit();
    await waitUntil(() => deepActiveElement() === part(el, 'error-summary'));
    expect(posts(stub)).to.have.length(1);
    expect(fieldError(el, 'email')).to.equal(
      'Enter a valid e-mail address, for example name@example.com.'
    );
    expect(fieldError(el, 'district')).to.equal('Make a choice.');
    expect(fieldError(el, 'email')).not.to.equal('Give a valid e-mail address.');
    await expect(el).to.be.accessible();
  });

  it('says so when sign-up closed while the resident filled in the form (409)', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: ROUND }))
      .on('GET', PANEL_URL, json({ data: OPEN }), json({ data: CLOSED }))
      .on('POST', VOLUNTEERS_URL, strapiError(409, 'ConflictError', 'The seed is set.'));
    const el = await signup(stub);
    await settledWidget(el);
    await fill(el, 'displayName', 'Sanne');
    await fill(el, 'email', 'sanne@example.nl');
    await fill(el, 'district', 'oost');
    await fill(el, 'ageBand', '65+');
    await tick(el);
    await el.submit();
    await settledWidget(el);
    await waitUntil(() => part(el, 'facts') !== null, 'the closed state never came');
    expect(plain(part(el, 'title')?.textContent)).to.equal('Aanmelden is gesloten');
    expect(plain(part(el, 'problem')?.textContent)).to.contain('net gesloten');
    expect(part(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when sign-up opens, or that it is off, without a form', async () => {
    const later = await signup(
      panelStub({
        ...OPEN,
        signup: {
          enabled: true,
          open: false,
          opensAt: '2099-03-01T09:00:00.000Z',
          closesAt: null,
        },
      })
    );
    await settledWidget(later);
    expect(part(later, 'form')).to.equal(null);
    expect(plain(part(later, 'title')?.textContent)).to.equal('Aanmelden kan nu niet');
    expect(plain(part(later, 'notice')?.textContent)).to.match(
      /^Aanmelden voor het burgerpanel kan vanaf .*2099\.$/
    );
    expect(liveText(later)).to.equal('Aanmelden kan nu niet');
    await expect(later).to.be.accessible();
    later.remove();

    const off = await signup(
      panelStub({
        ...OPEN,
        signup: { enabled: false, open: false, opensAt: null, closesAt: null },
      })
    );
    await settledWidget(off);
    expect(part(off, 'form')).to.equal(null);
    expect(plain(part(off, 'notice')?.textContent)).to.equal(
      'Voor het burgerpanel van deze ronde kunt u zich (nog) niet aanmelden.'
    );
    await expect(off).to.be.accessible();
  });

  it('says sign-up is closed once the seed is set: the seed, the pool and its fingerprint', async () => {
    const el = await signup(panelStub(CLOSED));
    await settledWidget(el);
    expect(part(el, 'form')).to.equal(null);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Aanmelden is gesloten');
    const facts = plain(part(el, 'facts')?.textContent);
    expect(facts).to.contain('7-19-23-31-40-42');
    expect(facts).to.contain(POOL);
    expect(facts).to.contain('24');
    expect(liveText(el)).to.equal('Aanmelden is gesloten');
    // Groups by district name, no "selected" column before the draw.
    const rows = [...part(el, 'groups')!.querySelectorAll('tbody tr')].map((row) =>
      plain(row.textContent)
    );
    expect(rows).to.deep.equal(['Noord 8 11', 'Oost 10 4']);
    await expect(el).to.be.accessible();
  });

  it('shows the drawn panel in public numbers only, with the draw file and how to check it', async () => {
    const el = await signup(panelStub(DRAWN));
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Het burgerpanel is geloot');
    const facts = plain(part(el, 'facts')?.textContent);
    expect(facts).to.contain('b'.repeat(64));
    expect(facts).to.contain('Niet gevuld 12');
    const rows = [...part(el, 'groups')!.querySelectorAll('tbody tr')].map((row) =>
      plain(row.textContent)
    );
    expect(rows).to.deep.equal(['Noord 8 11 8', 'Oost 10 4 4']);
    const links = parts(el, 'draw-link') as HTMLAnchorElement[];
    expect(links.map((link) => link.href)).to.deep.equal([
      `${PANEL_URL}/draw.json`,
      `${PANEL_URL}/draw.json?number=1`,
    ]);
    expect(plain(links[1]!.textContent)).to.contain('Het verkeerde lotingsgetal');
    expect(plain(el.shadowRoot!.querySelector('.command')?.textContent)).to.equal(
      `npm run --silent panel-draw -- ${PANEL_URL}/draw.json`
    );
    expect(part(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks French with French typography', async () => {
    const el = await signup(panelStub(CLOSED), { lang: 'fr' });
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Les inscriptions sont closes');
    expect(part(el, 'notice')?.textContent).to.contain('arrêté\u00a0:');
    await expect(el).to.be.accessible();
  });

  it('tokens.json lists exactly the custom properties the styles read, each with a fallback', async () => {
    const css = panelSignupStyles.map((style) => style.cssText).join('\n');
    await checkTokens('panel-signup', css, new URL('./tokens.json', import.meta.url));
  });
});
