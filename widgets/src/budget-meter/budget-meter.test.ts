import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import { BegrootApiClient } from '../api/client.js';
import { apiContext } from '../context/keys.js';
import '../define/begroot-budget-meter.js';
import { FetchStub, ROUND, json, providerWith, strapiError } from '../test/helpers.js';
import type { BegrootBudgetMeter } from './budget-meter.js';
import { budgetMeterStyles } from './budget-meter.styles.js';

const plain = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function part(el: BegrootBudgetMeter, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

function parts(el: BegrootBudgetMeter, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function status(el: BegrootBudgetMeter): string {
  return plain(el.shadowRoot!.querySelector('[role="status"]')?.textContent);
}

/** A meter inside a container that provides a client with the stubbed fetch. */
async function meter(
  stub: FetchStub,
  attributes: Record<string, string> = { round: 'voorbeeldstad-2027' }
): Promise<BegrootBudgetMeter> {
  const container = providerWith(stub);
  const el = document.createElement('begroot-budget-meter');
  el.setAttribute('api-base', 'https://cms.example.nl');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  container.append(el);
  await el.updateComplete;
  return el;
}

async function settled(el: BegrootBudgetMeter): Promise<void> {
  await waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'never settled', {
    timeout: 4000,
  });
  await el.updateComplete;
}

describe('<begroot-budget-meter>', () => {
  afterEach(() => {
    fixtureCleanup();
    document.body.replaceChildren();
    document.documentElement.lang = 'en';
  });

  beforeEach(() => {
    // The test page's own language must not leak into the default-language tests.
    document.documentElement.removeAttribute('lang');
  });

  it('is registered with its tag and class', () => {
    const el = document.createElement('begroot-budget-meter');
    expect(el.constructor.name).to.equal('BegrootBudgetMeter');
  });

  it('shows an accessible busy state while loading', async () => {
    const stub = new FetchStub().hold().reply(json({ data: ROUND }));
    const el = await meter(stub);
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'loading')).to.be.instanceOf(HTMLElement);
    expect(status(el)).to.equal('Het budget wordt geladen…');
    await expect(el).to.be.accessible();
    stub.release();
    await settled(el);
  });

  it('shows the total and each district with its share, in Dutch by default', async () => {
    const stub = new FetchStub().reply(json({ data: ROUND }));
    const el = await meter(stub);
    await settled(el);
    expect(stub.calls.map((call) => call.url)).to.deep.equal([
      'https://cms.example.nl/api/begroot/rounds/voorbeeldstad-2027',
    ]);
    const title = part(el, 'title')!;
    expect(title.getAttribute('role')).to.equal('heading');
    expect(title.getAttribute('aria-level')).to.equal('2');
    expect(plain(title.textContent)).to.equal('Budget voor Voorbeeldstad 2027');
    expect(plain(part(el, 'total-amount')?.textContent)).to.equal('€ 1.500.000');
    const districts = parts(el, 'district');
    expect(districts).to.have.length(3);
    expect(plain(districts[1]?.textContent)).to.equal('Oost € 500.000 33% van het totaal');
    expect(part(el, 'districts')?.getAttribute('aria-label')).to.equal('Budget per wijk');
    const fills = parts(el, 'bar-fill').map((fill) =>
      fill.style.getPropertyValue('--_begroot-share')
    );
    expect(fills.map(Number)).to.deep.equal([400 / 1500, 500 / 1500, 600 / 1500]);
    expect(parts(el, 'bar')[0]?.getAttribute('aria-hidden')).to.equal('true');
    expect(status(el)).to.equal('Budget geladen: € 1.500.000 in 3 wijken.');
    await expect(el).to.be.accessible();
  });

  it('shows one district with district="…"', async () => {
    const stub = new FetchStub().reply(json({ data: ROUND }));
    const el = await meter(stub, { round: 'voorbeeldstad-2027', district: 'oost' });
    await settled(el);
    const districts = parts(el, 'district');
    expect(districts).to.have.length(1);
    expect(plain(part(el, 'district-name')?.textContent)).to.equal('Oost');
    expect(status(el)).to.equal('Budget voor Oost geladen: € 500.000.');
    await expect(el).to.be.accessible();

    el.district = 'zuid';
    await el.updateComplete;
    expect(parts(el, 'district')).to.have.length(0);
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'De wijk ‘zuid’ hoort niet bij deze ronde.'
    );
    expect(status(el)).to.equal('De wijk ‘zuid’ hoort niet bij deze ronde.');
    expect(stub.calls).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('says so when a round has no districts', async () => {
    const stub = new FetchStub().reply(json({ data: { ...ROUND, districts: [] } }));
    const el = await meter(stub);
    await settled(el);
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'Deze ronde heeft geen budget per wijk.'
    );
    await expect(el).to.be.accessible();
  });

  it('formats in English with lang="en" on the element, and follows lang changes', async () => {
    const stub = new FetchStub().reply(json({ data: ROUND }));
    const el = await meter(stub, { round: 'voorbeeldstad-2027', lang: 'en' });
    await settled(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Budget for Voorbeeldstad 2027');
    expect(plain(part(el, 'total-amount')?.textContent)).to.equal('€1,500,000');
    expect(plain(parts(el, 'share')[0]?.textContent)).to.equal('27% of the total');
    expect(status(el)).to.equal('Budget loaded: €1,500,000 across 3 districts.');
    await expect(el).to.be.accessible();

    el.lang = 'nl';
    await waitUntil(() => plain(part(el, 'total-amount')?.textContent) === '€ 1.500.000');
  });

  it("follows the page's language, and an ancestor's", async () => {
    document.documentElement.lang = 'en-GB';
    const stub = new FetchStub().reply(json({ data: ROUND }));
    const el = await meter(stub);
    await settled(el);
    expect(plain(part(el, 'total-amount')?.textContent)).to.equal('€1,500,000');

    el.parentElement!.lang = 'nl-NL';
    await waitUntil(() => plain(part(el, 'total-amount')?.textContent) === '€ 1.500.000');

    el.parentElement!.removeAttribute('lang');
    document.documentElement.lang = 'fr';
    await waitUntil(
      () => plain(part(el, 'title')?.textContent) === 'Budget voor Voorbeeldstad 2027'
    );
  });

  it('shows an error with a retry button that the keyboard reaches, and recovers', async () => {
    const stub = new FetchStub().reply(new TypeError('Failed to fetch'), json({ data: ROUND }));
    const container = providerWith(stub);
    const el = document.createElement('begroot-budget-meter');
    el.setAttribute('api-base', 'https://cms.example.nl');
    el.round = 'voorbeeldstad-2027';
    const failed = oneEvent(container, 'begroot-request-failed');
    container.append(el);
    const event = await failed;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.detail).to.include({ kind: 'network', status: null, name: 'NetworkError' });
    await settled(el);

    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'Er is geen verbinding met de server. Controleer uw internetverbinding.'
    );
    expect(status(el)).to.equal(plain(part(el, 'message')?.textContent));
    const retry = part(el, 'retry-button') as HTMLButtonElement;
    expect(plain(retry.textContent)).to.equal('Opnieuw proberen');
    expect(retry.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();

    // Keyboard only: Tab from the start of the page reaches the button; Enter retries.
    const before = document.createElement('button');
    before.textContent = 'before';
    container.prepend(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    const ring = getComputedStyle(retry);
    expect(ring.outlineStyle).to.equal('solid');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(el, 'district').length === 3, 'retry did not load the round');
    expect(stub.calls).to.have.length(2);
    // Focus is not lost with the button: it moves to the heading of what loaded.
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'title'));
    await expect(el).to.be.accessible();
  });

  it("shows a not-found error from Strapi's error format", async () => {
    const stub = new FetchStub().reply(strapiError(404, 'NotFoundError', 'Round not found'));
    const container = providerWith(stub);
    const el = document.createElement('begroot-budget-meter');
    el.setAttribute('api-base', 'https://cms.example.nl');
    el.setAttribute('round', 'bestaat-niet');
    el.lang = 'en';
    const failed = oneEvent(document, 'begroot-request-failed');
    container.append(el);
    const { detail } = await failed;
    expect(detail).to.deep.equal({
      kind: 'http',
      status: 404,
      name: 'NotFoundError',
      message: 'Round not found',
      url: 'https://cms.example.nl/api/begroot/rounds/bestaat-niet',
    });
    await settled(el);
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'This budgeting round does not exist (any more).'
    );
    expect(part(el, 'retry-button')).to.be.instanceOf(HTMLElement);
    await expect(el).to.be.accessible();
  });

  it('tells the web editor when the round attribute is missing', async () => {
    const stub = new FetchStub().reply(json({ data: ROUND }));
    const container = providerWith(stub);
    const el = document.createElement('begroot-budget-meter');
    const failed = oneEvent(container, 'begroot-request-failed');
    container.append(el);
    expect((await failed).detail).to.include({
      kind: 'configuration',
      url: null,
      attribute: 'round',
    });
    await settled(el);
    expect(plain(part(el, 'message')?.textContent)).to.contain('round');
    expect(part(el, 'retry-button')).to.equal(null);
    expect(stub.calls).to.have.length(0);
    await expect(el).to.be.accessible();

    el.round = 'Voorbeeldstad 2027';
    await waitUntil(() => plain(part(el, 'message')?.textContent).includes('round'));
    el.round = 'voorbeeldstad-2027';
    el.apiBase = 'https://';
    await waitUntil(() => plain(part(el, 'message')?.textContent).includes('api-base'));
    expect(stub.calls).to.have.length(0);
    el.apiBase = 'https://cms.example.nl';
    await waitUntil(() => parts(el, 'district').length === 3);
  });

  it('in ballot mode, says where to choose until a ballot on the page has loaded', async () => {
    const el = await meter(new FetchStub().reply(json({ data: ROUND })), {
      round: 'voorbeeldstad-2027',
      mode: 'ballot',
    });
    await settled(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Uw budget');
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'Kies voorstellen in het stemformulier; hier ziet u dan wat u besteedt.'
    );
    expect(status(el)).to.equal(plain(part(el, 'message')?.textContent));
    expect(part(el, 'districts')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("takes on the page's NL Design System tokens, and its own tokens win", async () => {
    const el = await meter(new FetchStub().reply(json({ data: ROUND })));
    await settled(el);
    const container = el.parentElement!;
    const fill = () => getComputedStyle(parts(el, 'bar-fill')[0]!).backgroundColor;
    const font = () => getComputedStyle(part(el, 'title')!).fontFamily;
    expect(fill()).to.equal('rgb(11, 92, 173)');
    container.style.setProperty('--basis-color-accent-1-color-default', 'rgb(0, 104, 158)');
    container.style.setProperty('--basis-text-font-family-default', 'serif');
    expect(fill()).to.equal('rgb(0, 104, 158)');
    expect(font()).to.equal('serif');
    container.style.setProperty('--begroot-budget-meter-bar-fill-color', 'rgb(120, 0, 60)');
    expect(fill()).to.equal('rgb(120, 0, 60)');
  });

  it('uses system colours in forced-colours mode', async () => {
    const el = await meter(new FetchStub().reply(json({ data: ROUND })));
    await settled(el);
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const probe = document.createElement('span');
      probe.style.color = 'Highlight';
      document.body.append(probe);
      const highlight = getComputedStyle(probe).color;
      probe.remove();
      const fill = getComputedStyle(parts(el, 'bar-fill')[0]!);
      expect(fill.forcedColorAdjust).to.equal('none');
      expect(fill.backgroundColor).to.equal(highlight);
      expect(getComputedStyle(parts(el, 'bar')[0]!).borderTopStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it("is not broken by the page's own CSS", async () => {
    const style = document.createElement('style');
    style.textContent =
      'p, ul, li, span, button, [part], [role] { display: none !important; color: rgb(255, 0, 0) !important; }';
    document.head.append(style);
    try {
      const el = await meter(new FetchStub().reply(json({ data: ROUND })));
      await settled(el);
      const amount = part(el, 'total-amount')!;
      expect(amount.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(getComputedStyle(amount).color).not.to.equal('rgb(255, 0, 0)');
      expect(parts(el, 'district')[0]!.getBoundingClientRect().height).to.be.greaterThan(0);
    } finally {
      style.remove();
    }
  });

  it('stops waiting when taken off the page, and loads again when put back', async () => {
    const stub = new FetchStub().hold().reply(json({ data: ROUND }));
    const el = await meter(stub);
    const container = el.parentElement!;
    el.remove();
    expect(stub.calls[0]?.init?.signal?.aborted).to.equal(true);
    container.append(el);
    await waitUntil(() => stub.calls.length === 2);
    stub.release();
    await settled(el);
    expect(parts(el, 'district')).to.have.length(3);
  });

  it('shares one request between widgets showing the same round', async () => {
    const stub = new FetchStub().hold().reply(json({ data: ROUND }));
    const container = providerWith(stub);
    container.innerHTML = `
      <begroot-budget-meter api-base="https://cms.example.nl" round="voorbeeldstad-2027"></begroot-budget-meter>
      <begroot-budget-meter api-base="https://cms.example.nl" round="voorbeeldstad-2027" district="west"></begroot-budget-meter>`;
    const [first, second] = container.querySelectorAll('begroot-budget-meter');
    stub.release();
    await settled(first!);
    await settled(second!);
    expect(stub.calls).to.have.length(1);
    expect(parts(second!, 'district')).to.have.length(1);
  });

  it("uses the page's shared client when nobody provides one, with the script's CMS as API base", async () => {
    const original = window.fetch;
    const stub = new FetchStub().reply(json({ data: ROUND }));
    window.fetch = stub.fetch;
    try {
      document.body.innerHTML = `
        <begroot-budget-meter round="voorbeeldstad-2027"></begroot-budget-meter>
        <p><begroot-budget-meter round="voorbeeldstad-2027" lang="en"></begroot-budget-meter></p>`;
      const meters = [...document.querySelectorAll('begroot-budget-meter')];
      for (const el of meters) await settled(el);
      // One fetch for both, to the origin that served the widget modules (here the test server).
      expect(stub.calls.map((call) => call.url)).to.deep.equal([
        `${location.origin}/api/begroot/rounds/voorbeeldstad-2027`,
      ]);
      expect(parts(meters[1]!, 'district')).to.have.length(3);
    } finally {
      window.fetch = original;
    }
  });

  it('switches to a provider that appears later around it', async () => {
    const original = window.fetch;
    window.fetch = new FetchStub().reply(strapiError(503, 'ServiceUnavailableError', 'down')).fetch;
    try {
      // A wrapper whose provider is set up only after the meter connected (an element upgraded
      // later, a city's script that runs after ours).
      const wrapper = document.createElement('div');
      wrapper.innerHTML = '<begroot-budget-meter round="late-provider"></begroot-budget-meter>';
      document.body.append(wrapper);
      const el = wrapper.querySelector('begroot-budget-meter')!;
      await settled(el);
      expect(part(el, 'error')).to.be.instanceOf(HTMLElement);

      const stub = new FetchStub().reply(json({ data: ROUND }));
      const provider = new ContextProvider(wrapper, {
        context: apiContext,
        initialValue: new BegrootApiClient({ fetch: stub.fetch }),
      });
      provider.hostConnected();
      await waitUntil(() => parts(el, 'district').length === 3, 'did not switch to the new client');
      expect(stub.calls).to.have.length(1);
    } finally {
      window.fetch = original;
    }
  });
});

describe('<begroot-budget-meter> tokens', () => {
  it('tokens.json lists exactly the custom properties the styles read, each with a fallback', async () => {
    const response = await fetch(new URL('./tokens.json', import.meta.url));
    const tokens = ((await response.json()) as { begroot: { 'budget-meter': object } }).begroot[
      'budget-meter'
    ];
    const listed = Object.keys(tokens).map((key) => `--begroot-budget-meter-${key}`);
    const css = budgetMeterStyles.cssText;
    const used = [...new Set(css.match(/--begroot-budget-meter-[a-z0-9-]+/g))];
    expect(listed.sort()).to.deep.equal(used.sort());
    // Every public property falls back: `var(--begroot-…, <fallback>)`.
    for (const name of used) {
      expect(css).to.match(new RegExp(`var\\(\\s*${name},\\s*\\S`), name);
    }
  });
});
