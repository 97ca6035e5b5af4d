import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import type { RoundPublicView, RoundResults } from '@begroot/core';
import { BegrootApiClient } from '../api/client.js';
import { apiContext, ballotsContext } from '../context/keys.js';
import '../define/begroot-budget-meter.js';
import {
  FetchStub,
  PROPOSALS_URL,
  ROUND,
  ROUND_URL,
  checkTokens,
  json,
  liveText as status,
  mountWidget,
  part,
  parts,
  plain,
  proposal,
  proposalPage,
  providerWith,
  resetPageBetweenTests,
  settledWidget as settled,
  strapiError,
  expectLoadingState,
} from '../test/helpers.js';
import type { BegrootBudgetMeter } from './budget-meter.js';
import { budgetMeterStyles } from './budget-meter.styles.js';

/** A meter of the round inside a container that provides a client with the stubbed fetch. */
function meter(stub: FetchStub, attributes: Record<string, string> = {}) {
  return mountWidget('begroot-budget-meter', providerWith(stub), attributes);
}

describe('<begroot-budget-meter>', () => {
  // The test page's own language must not leak into the default-language tests.
  resetPageBetweenTests();

  // First in this file: once a ballot-mode meter has loaded the ballot code, the page keeps it.
  it('in ballot mode, shows an error with a retry when the ballot code cannot be loaded', async () => {
    await executeServerCommand('fail-requests', { urlPattern: '*/controllers/budget.*' });
    let el: BegrootBudgetMeter;
    try {
      el = await meter(new FetchStub().reply(json({ data: ROUND })), { mode: 'ballot' });
      await waitUntil(() => part(el, 'error'), 'no error state', { timeout: 4000 });
    } finally {
      await executeServerCommand('fail-requests', { urlPattern: null });
    }
    expect(plain(part(el, 'title')?.textContent)).to.equal('Uw budget');
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'Er is geen verbinding met de server. Controleer uw internetverbinding.'
    );
    expect(status(el)).to.equal(plain(part(el, 'message')?.textContent));
    await expect(el).to.be.accessible();
    // The network is back: "try again" loads it, and focus lands on the heading.
    (part(el, 'retry-button') as HTMLButtonElement).click();
    await waitUntil(
      () =>
        plain(part(el, 'message')?.textContent) ===
        'Kies voorstellen in het stemformulier; hier ziet u dan wat u besteedt.',
      'retry did not load the ballot code'
    );
    expect(part(el, 'error')).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'title'));
    await expect(el).to.be.accessible();
  });

  it('is registered with its tag and class', () => {
    const el = document.createElement('begroot-budget-meter');
    expect(el.constructor.name).to.equal('BegrootBudgetMeter');
  });

  it('shows an accessible busy state while loading', async () => {
    const stub = new FetchStub().hold().reply(json({ data: ROUND }));
    await expectLoadingState(await meter(stub), stub, 'Het budget wordt geladen…');
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
    const el = await meter(stub, { district: 'oost' });
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
    const el = await meter(stub, { lang: 'en' });
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
    document.documentElement.lang = 'fr-BE';
    await waitUntil(() => plain(part(el, 'total-amount')?.textContent) === '1 500 000 €');
    expect(plain(part(el, 'title')?.textContent)).to.equal('Budget de Voorbeeldstad 2027');

    // A language without a catalogue: Dutch texts and Dutch numbers, never a mix.
    document.documentElement.lang = 'de';
    await waitUntil(() => plain(part(el, 'total-amount')?.textContent) === '€ 1.500.000');
    expect(plain(part(el, 'title')?.textContent)).to.equal('Budget voor Voorbeeldstad 2027');
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
    const el = await meter(new FetchStub().reply(json({ data: ROUND })), { mode: 'ballot' });
    await settled(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Uw budget');
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'Kies voorstellen in het stemformulier; hier ziet u dan wat u besteedt.'
    );
    expect(status(el)).to.equal(plain(part(el, 'message')?.textContent));
    expect(part(el, 'districts')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('in ballot mode, warns when the budget is nearly spent and says by how much it is over', async () => {
    const { BallotRegistry } = await import('../controllers/budget.js');
    await import('../define/begroot-vote-ballot.js');
    const round: RoundPublicView = {
      ...ROUND,
      currentPhase: 'voting',
      phases: [{ kind: 'voting', start: '2026-01-01T00:00:00Z', end: '2099-01-01T00:00:00Z' }],
      voting: { ...ROUND.voting, method: 'knapsack', minSelections: 1, maxSelections: null },
    };
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: round }))
      .on(
        'GET',
        PROPOSALS_URL,
        proposalPage(
          [
            proposal('oost000000001', { title: 'Park', district: 'oost', officialCost: 400_000 }),
            proposal('oost000000002', { title: 'Bank', district: 'oost', officialCost: 60_000 }),
            proposal('oost000000003', { title: 'Plein', district: 'oost', officialCost: 100_000 }),
          ],
          1,
          1,
          100
        )
      );
    const container = providerWith(stub);
    new ContextProvider(container, { context: ballotsContext, initialValue: new BallotRegistry() });
    const el = await mountWidget('begroot-budget-meter', container, { mode: 'ballot' });
    const ballot = await mountWidget('begroot-vote-ballot', container, { district: 'oost' });
    await settled(ballot);
    await settled(el);
    const choose = async (id: string) => {
      ballot.shadowRoot!.querySelector<HTMLInputElement>(`[id="o-${id}"]`)!.click();
      await ballot.updateComplete;
      await el.updateComplete;
    };
    await choose('oost000000001');
    // € 100.000 of € 500.000 left: not near the limit yet.
    expect(part(el, 'warning')).to.equal(null);
    await choose('oost000000002');
    expect(plain(part(el, 'left')?.textContent)).to.equal('Over: € 40.000 / € 500.000');
    expect(plain(part(el, 'warning')?.textContent)).to.equal('Bijna op: nog € 40.000 over.');
    expect(status(el)).to.equal(
      '€ 460.000 besteed, nog € 40.000 over van € 500.000. Bijna op: nog € 40.000 over.'
    );
    await expect(el).to.be.accessible();
    // Over the budget: never "€ 0 left", but by how much.
    await choose('oost000000003');
    expect(plain(part(el, 'left')?.textContent)).to.equal('Te veel: € 60.000 / € 500.000');
    expect(plain(part(el, 'warning')?.textContent)).to.equal(
      'Let op: u zit € 60.000 boven het budget.'
    );
    expect(status(el)).to.equal(
      '€ 560.000 besteed, € 60.000 meer dan het budget van € 500.000. Let op: u zit € 60.000 boven het budget.'
    );
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

const RESULTS_URL = `${ROUND_URL}/results`;

/** A round whose results are published on 1 May 2099 (after voting). */
const RESULTS_ROUND = {
  ...ROUND,
  currentPhase: null,
  phases: [
    { kind: 'voting', start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' },
    { kind: 'results', start: '2099-05-01T10:00:00.000Z', end: '2099-06-01T00:00:00.000Z' },
  ],
} satisfies typeof ROUND;

const funded = (documentId: string, title: string, cost: number, votes: number) => ({
  documentId,
  title,
  cost,
  votes,
  funded: true,
  explanation: {},
});

/** Published results as `GET …/results` serves them. */
const RESULTS: { data: RoundResults; meta: { ballots: number; countedAt: string } } = {
  data: {
    rule: { rule: 'mes', satisfaction: 'cost', completion: 'add1', tieBreak: 'cost-votes' },
    districts: [
      {
        district: 'noord',
        budget: 400_000,
        spent: 300_000,
        voters: 120,
        proposals: [
          funded('noord00000001', 'Speeltuin Noord', 200_000, 80),
          funded('noord00000002', 'Bomen langs de kade', 100_000, 60),
          { ...funded('noord00000003', 'Fonteinen', 250_000, 10), funded: false },
        ],
      },
      {
        district: 'oost',
        budget: 500_000,
        spent: 0,
        voters: 4,
        proposals: [{ ...funded('oost000000001', 'Kunstgras', 600_000, 3), funded: false }],
      },
      { district: null, budget: 0, spent: 0, voters: 0, proposals: [] },
    ],
  },
  meta: { ballots: 1234, countedAt: '2026-04-02T09:00:00.000Z' },
};

const resultsStub = (...results: Response[]) =>
  new FetchStub()
    .on('GET', ROUND_URL, json({ data: RESULTS_ROUND }))
    .on('GET', RESULTS_URL, ...(results.length > 0 ? results : [json(RESULTS)]));

const notPublished = () =>
  strapiError(404, 'NotFoundError', 'The results of this round are not published yet.');

describe('<begroot-budget-meter mode="results">', () => {
  const results = (stub: FetchStub, attributes: Record<string, string> = {}) =>
    meter(stub, { mode: 'results', ...attributes });

  resetPageBetweenTests();

  it('shows an accessible busy state while the results load', async () => {
    const stub = resultsStub().hold();
    await expectLoadingState(await results(stub), stub, 'De uitslag wordt geladen…');
  });

  it("shows each district's budget as a bar of funded proposals, with a legend in text", async () => {
    const stub = resultsStub();
    const el = await results(stub);
    await settled(el);
    expect(stub.calls.map((call) => call.url)).to.deep.equal([ROUND_URL, RESULTS_URL]);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Uitslag van Voorbeeldstad 2027');
    expect(part(el, 'districts')?.getAttribute('aria-label')).to.equal('Uitslag per wijk');
    const districts = parts(el, 'result');
    expect(districts).to.have.length(3);
    const [noord, oost, stad] = districts as [HTMLElement, HTMLElement, HTMLElement];
    const name = noord.querySelector('[part~="result-name"]')!;
    expect(name.getAttribute('role')).to.equal('heading');
    expect(name.getAttribute('aria-level')).to.equal('3');
    expect(plain(name.textContent)).to.equal('Noord');
    expect(plain(noord.querySelector('[part~="spent"]')?.textContent)).to.equal(
      '€ 300.000 besteed, € 100.000 over van € 400.000'
    );
    // The bar: one segment per funded proposal, its width its share of the district's budget.
    const segments = [...noord.querySelectorAll<HTMLElement>('[part~="segment"]')];
    expect(segments.map((s) => Number(s.style.getPropertyValue('--_begroot-share')))).to.deep.equal(
      [0.5, 0.25]
    );
    const bar = noord.querySelector<HTMLElement>('[part~="bar"]')!;
    expect(bar.getAttribute('aria-hidden')).to.equal('true');
    const barWidth = bar.clientWidth;
    expect(segments[0]!.getBoundingClientRect().width).to.be.closeTo(barWidth / 2, 2);
    expect(getComputedStyle(segments[0]!).backgroundColor).not.to.equal(
      getComputedStyle(segments[1]!).backgroundColor
    );
    // The same as text, for everyone: title, amount and share of each funded proposal.
    const legend = noord.querySelector('[part~="legend"]')!;
    expect(legend.getAttribute('aria-label')).to.equal('Gekozen voorstellen in Noord');
    expect(
      [...legend.querySelectorAll('[part~="legend-item"]')].map((item) => plain(item.textContent))
    ).to.deep.equal([
      'Speeltuin Noord € 200.000 50% van het budget',
      'Bomen langs de kade € 100.000 25% van het budget',
    ]);
    expect(plain(noord.querySelector('[part~="not-funded"]')?.textContent)).to.equal(
      '1 voorstel is niet gekozen.'
    );
    expect(plain(oost.querySelector('[part~="message"]')?.textContent)).to.equal(
      'In deze wijk is geen voorstel gekozen.'
    );
    expect(oost.querySelectorAll('[part~="segment"]')).to.have.length(0);
    expect(plain(stad.querySelector('[part~="result-name"]')?.textContent)).to.equal('Hele stad');
    expect(plain(el.shadowRoot!.textContent)).to.contain('Geteld: 1.234 stemmen.');
    expect(status(el)).to.equal('Uitslag geladen: 2 voorstellen gekozen in 3 wijken.');
    await expect(el).to.be.accessible();
  });

  it('shows one district with district="…", and says when it is not in the results', async () => {
    const el = await results(resultsStub(), { district: 'noord' });
    await settled(el);
    expect(parts(el, 'result')).to.have.length(1);
    expect(parts(el, 'segment')).to.have.length(2);
    expect(status(el)).to.equal('Uitslag geladen: 2 voorstellen gekozen in 1 wijk.');
    el.district = 'zuid';
    await el.updateComplete;
    expect(parts(el, 'result')).to.have.length(0);
    expect(status(el)).to.equal('De wijk ‘zuid’ hoort niet bij deze ronde.');
    await expect(el).to.be.accessible();
  });

  it('follows a language change in results mode, texts and amounts together', async () => {
    const el = await results(resultsStub(), { district: 'noord' });
    await settled(el);
    el.lang = 'fr-BE';
    await waitUntil(
      () => plain(part(el, 'title')?.textContent) === 'Résultats de Voorbeeldstad 2027'
    );
    expect(plain(part(el, 'spent')?.textContent)).to.equal(
      '300 000 € dépensés, reste 100 000 € sur 400 000 €'
    );
    expect(status(el)).to.equal('Résultats chargés : 2 projets retenus dans 1 quartier.');
    await expect(el).to.be.accessible();
  });

  it('before publication, says on which date the results are published', async () => {
    const stub = resultsStub(notPublished());
    const failures: Event[] = [];
    document.addEventListener('begroot-request-failed', (event) => failures.push(event));
    const el = await results(stub);
    await settled(el);
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'De uitslag wordt bekendgemaakt op 1 mei 2099.'
    );
    expect(status(el)).to.equal('De uitslag wordt bekendgemaakt op 1 mei 2099.');
    expect(part(el, 'retry-button')).to.equal(null);
    expect(parts(el, 'result')).to.have.length(0);
    // Not published is a state of the round, not a failure.
    expect(failures).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('before publication without a date to come, says the results are not published yet', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: ROUND }))
      .on('GET', RESULTS_URL, notPublished());
    const el = await results(stub, { lang: 'en' });
    await settled(el);
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'The results have not been published yet.'
    );
    await expect(el).to.be.accessible();
  });

  it('says so when the published results have no districts', async () => {
    const empty = json({ data: { rule: {}, districts: [] }, meta: { ballots: 0 } });
    const el = await results(resultsStub(empty));
    await settled(el);
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'Er stonden geen voorstellen op het stembiljet, dus er is geen uitslag.'
    );
    expect(status(el)).to.equal(plain(part(el, 'message')?.textContent));
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the results cannot be loaded, and recovers', async () => {
    const stub = resultsStub(
      strapiError(500, 'InternalServerError', 'Internal Server Error'),
      json(RESULTS)
    );
    const el = await results(stub, { lang: 'en' });
    await settled(el);
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'The server could not provide the data just now.'
    );
    const retry = part(el, 'retry-button')!;
    expect(retry.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
    retry.click();
    await waitUntil(() => parts(el, 'result').length === 3, 'retry did not load the results');
    expect(plain(part(el, 'title')?.textContent)).to.equal('Results of Voorbeeldstad 2027');
    expect(plain(parts(el, 'legend-item')[0]?.textContent)).to.equal(
      'Speeltuin Noord €200,000 50% of the budget'
    );
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'title'));
  });

  it('uses system colours in forced-colours mode', async () => {
    const el = await results(resultsStub());
    await settled(el);
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      const [first, second] = parts(el, 'segment') as [HTMLElement, HTMLElement];
      expect(getComputedStyle(first).forcedColorAdjust).to.equal('none');
      expect(getComputedStyle(first).backgroundColor).not.to.equal(
        getComputedStyle(second).backgroundColor
      );
      expect(getComputedStyle(parts(el, 'swatch')[1]!).backgroundColor).to.equal(
        getComputedStyle(second).backgroundColor
      );
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('reflows at 320 CSS pixels (400 % zoom) without scrolling sideways', async () => {
    const long = funded('noord00000009', 'Een heel lang voorstel '.repeat(6), 100, 1);
    const body = structuredClone(RESULTS);
    body.data.districts[0]!.proposals.push(long);
    const el = await results(resultsStub(json(body)));
    el.style.inlineSize = '320px';
    await settled(el);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    const right = el.getBoundingClientRect().right;
    for (const item of parts(el, 'legend-item')) {
      expect(item.getBoundingClientRect().right).to.be.at.most(right);
    }
    await expect(el).to.be.accessible();
  });
});

describe('<begroot-budget-meter> tokens', () => {
  it('tokens.json lists exactly the custom properties the styles read, each with a fallback', async () => {
    const css = budgetMeterStyles.map((sheet) => sheet.cssText).join('\n');
    await checkTokens('budget-meter', css, new URL('./tokens.json', import.meta.url));
  });
});
