import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import type { ProposalPublicView, RoundPublicView, VotingSettings } from '@begroot/core';
import '../define/begroot-vote-ballot.js';
import '../define/begroot-budget-meter.js';
import { ballotsContext } from '../context/keys.js';
import { BallotRegistry, selectionKey } from '../controllers/budget.js';
import {
  API_BASE as BASE,
  FetchStub,
  FULL_ROUND,
  PROPOSALS_URL as LIST,
  ROUND_URL,
  checkTokens,
  deepActiveElement,
  json,
  liveText,
  mountWidget,
  part,
  parts,
  plain,
  postsOf as posts,
  proposal,
  proposalPage,
  providerWith,
  resetPageBetweenTests,
  settledWidget,
  strapiError,
  expectLoadingState,
} from '../test/helpers.js';
import { receiptKey, type BegrootVoteBallot } from './vote-ballot.js';
import { voteBallotStyles } from './vote-ballot.styles.js';

const VERIFY = `${ROUND_URL}/verifications`;
const BALLOTS = `${ROUND_URL}/ballots`;

const voting = (settings: Partial<VotingSettings>): VotingSettings => ({
  method: 'knapsack',
  minSelections: 1,
  maxSelections: null,
  points: null,
  minSpendShare: 0,
  districtScope: 'own',
  revote: 'replace',
  askAgeBand: false,
  ageBands: [],
  ...settings,
});

const VOTING_ROUND: RoundPublicView = {
  ...FULL_ROUND,
  currentPhase: 'voting',
  phases: [{ kind: 'voting', start: '2026-01-01T00:00:00.000Z', end: '2099-01-01T00:00:00.000Z' }],
  voting: voting({}),
  verification: { methods: ['code'] },
};

const PROPOSALS: ProposalPublicView[] = [
  proposal('oost000000001', { title: 'Bankjes', district: 'oost', officialCost: 200_000 }),
  proposal('oost000000002', { title: 'Speeltuin', district: 'oost', officialCost: 250_000 }),
  proposal('oost000000003', { title: 'Bomen', district: 'oost', estimatedCost: 100_000 }),
  proposal('west000000001', { title: 'Fietspad', district: 'west', officialCost: 300_000 }),
  proposal('stad000000001', { title: 'Stadsfeest', district: null, officialCost: 50_000 }),
];

function stubFor(round: RoundPublicView = VOTING_ROUND): FetchStub {
  return new FetchStub()
    .on('GET', ROUND_URL, json({ data: round }))
    .on('GET', LIST, proposalPage(PROPOSALS, 1, 1, 100));
}

/** A container with its own API client and its own ballots, so tests do not share selections. */
function page(stub: FetchStub): HTMLDivElement {
  const container = providerWith(stub);
  new ContextProvider(container, { context: ballotsContext, initialValue: new BallotRegistry() });
  return container;
}

function ballot(
  stub: FetchStub,
  attributes: Record<string, string> = { district: 'oost' },
  container: HTMLElement = page(stub)
): Promise<BegrootVoteBallot> {
  return mountWidget('begroot-vote-ballot', container, attributes);
}

function box(el: Element, id: string): HTMLInputElement {
  return el.shadowRoot!.querySelector<HTMLInputElement>(`[id="o-${id}"]`)!;
}

async function check(el: BegrootVoteBallot, id: string, on = true): Promise<void> {
  const input = box(el, id);
  if (input.checked !== on) input.click();
  await el.updateComplete;
}

/** Waits for step 2 (its chunk loads on the voter's first interaction, so it may take a moment). */
async function atVerifyStep(el: BegrootVoteBallot): Promise<void> {
  await waitUntil(() => plain(part(el, 'step')?.textContent).startsWith('Stap 2'), 'no step 2');
  await el.updateComplete;
}

/** Chooses the first proposal of Oost and verifies with a code: the ballot is at its review step. */
async function chooseAndVerify(el: BegrootVoteBallot): Promise<void> {
  await settledWidget(el);
  await check(el, 'oost000000001');
  part(el, 'submit-button')!.click();
  await atVerifyStep(el);
  const code = el.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
  code.value = 'CODE';
  code.dispatchEvent(new Event('input'));
  part(el, 'submit-button')!.click();
  await waitUntil(() => plain(part(el, 'step')?.textContent).startsWith('Stap 3'));
}

describe('<begroot-vote-ballot>', () => {
  resetPageBetweenTests('begroot:ballot:', 'begroot:receipt:');

  it('shows an accessible busy state while loading', async () => {
    const stub = stubFor().hold();
    await expectLoadingState(await ballot(stub), stub, 'Het stemformulier wordt geladen…');
  });

  it('offers the district’s and city-wide proposals within the budget, and a meter elsewhere follows', async () => {
    const stub = stubFor();
    const container = page(stub);
    const meter = document.createElement('begroot-budget-meter');
    meter.setAttribute('api-base', BASE);
    meter.setAttribute('round', 'voorbeeldstad-2027');
    meter.setAttribute('mode', 'ballot');
    container.append(meter);
    const el = await ballot(stub, { district: 'oost' }, container);
    await settledWidget(el);
    await settledWidget(meter);
    expect(plain(part(el, 'step')?.textContent)).to.equal('Stap 1 van 3: Kiezen');
    const titles = [...el.shadowRoot!.querySelectorAll('.option-title')].map((t) =>
      plain(t.textContent)
    );
    expect(titles).to.have.members(['Bankjes', 'Speeltuin', 'Bomen', 'Stadsfeest']);
    expect(plain(part(el, 'instructions')?.textContent)).to.equal(
      'Kies voorstellen die samen niet meer kosten dan € 500.000.'
    );
    await check(el, 'oost000000001');
    const changed = oneEvent(el, 'begroot-selection-changed');
    await check(el, 'oost000000003');
    const { detail } = await changed;
    expect(detail).to.deep.equal({
      round: 'voorbeeldstad-2027',
      selections: [{ proposal: 'oost000000001' }, { proposal: 'oost000000003' }],
      spent: 300_000,
      left: 200_000,
      valid: true,
    });
    expect(plain(part(el, 'tally')?.textContent)).to.equal(
      'U besteedt € 300.000 van € 500.000. Nog € 200.000 over.'
    );
    expect(liveText(el)).to.equal(plain(part(el, 'tally')?.textContent));
    // The meter's ballot code is a chunk of its own: on a busy machine it may still be on its way.
    await waitUntil(
      () => plain(part(meter, 'spent')?.textContent) === '€ 300.000',
      'the meter did not follow the selection'
    );
    expect(plain(part(meter, 'left')?.textContent)).to.equal('Over: € 200.000 / € 500.000');
    expect(liveText(meter)).to.equal('€ 300.000 besteed, nog € 200.000 over van € 500.000.');
    const stored = JSON.parse(localStorage.getItem(selectionKey('voorbeeldstad-2027'))!);
    expect(stored).to.deep.equal({
      selections: [{ proposal: 'oost000000001' }, { proposal: 'oost000000003' }],
      district: 'oost',
    });
    await expect(el).to.be.accessible();
    await expect(meter).to.be.accessible();

    // Over the budget: the tally and its announcement say by how much, the meter warns, and
    // "Verder" lists what is wrong.
    await check(el, 'oost000000002');
    expect(plain(part(el, 'tally')?.textContent)).to.equal(
      'U besteedt € 550.000 van € 500.000. U zit € 50.000 boven het budget.'
    );
    expect(liveText(el)).to.equal(plain(part(el, 'tally')?.textContent));
    await meter.updateComplete;
    expect(plain(part(meter, 'warning')?.textContent)).to.equal(
      'Let op: u zit € 50.000 boven het budget.'
    );
    part(el, 'submit-button')!.click();
    await el.updateComplete;
    expect(plain(part(el, 'issues')?.textContent)).to.contain(
      'De gekozen voorstellen kosten samen meer dan het budget.'
    );
    await waitUntil(() => deepActiveElement() === part(el, 'issues'));
    expect(plain(part(el, 'step')?.textContent)).to.equal('Stap 1 van 3: Kiezen');
    await expect(el).to.be.accessible();
  });

  it('shows the round budget when voters choose in every district', async () => {
    const round = { ...VOTING_ROUND, voting: voting({ districtScope: 'all' }) };
    const el = await ballot(stubFor(round), {});
    await settledWidget(el);
    expect(el.shadowRoot!.querySelector('#district')).to.equal(null);
    expect(parts(el, 'option')).to.have.length(PROPOSALS.length);
    expect(plain(part(el, 'instructions')?.textContent)).to.equal(
      'Kies voorstellen die samen niet meer kosten dan € 1.500.000.'
    );
  });

  // How soon after the answer is measured by `npm run bench:widgets` (a built bundle, cold
  // browser contexts); here only that all 60 arrive, in the list's order.
  it('renders a ballot of 60 proposals', async () => {
    const sixty = Array.from({ length: 60 }, (_, index) =>
      proposal(`many${String(index).padStart(8, '0')}`, {
        title: `Voorstel ${index}`,
        district: index % 2 ? 'oost' : null,
        officialCost: 10_000 + index * 1_000,
      })
    );
    const stub = new FetchStub().on('GET', ROUND_URL, json({ data: VOTING_ROUND })).on(
      'GET',
      LIST,
      json({
        data: sixty,
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 60 } },
      })
    );
    const el = await ballot(stub);
    await waitUntil(() => parts(el, 'option').length === 60, 'not rendered', { timeout: 4000 });
    const texts = parts(el, 'option').map((option) => plain(option.textContent));
    sixty.forEach((one, index) => expect(texts[index]).to.include(one.title));
  });

  it('keeps the selection through a reload', async () => {
    localStorage.setItem(
      selectionKey('voorbeeldstad-2027'),
      JSON.stringify({ selections: [{ proposal: 'oost000000002' }], district: 'oost' })
    );
    const el = await ballot(stubFor(), {});
    await settledWidget(el);
    expect(box(el, 'oost000000002').checked).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#district')!.value).to.equal('oost');
  });

  it('casts a vote with the keyboard alone: choose, verify with a code, review, cast', async () => {
    const round: RoundPublicView = {
      ...VOTING_ROUND,
      voting: voting({ method: 'approval', minSelections: 1, maxSelections: 2 }),
    };
    const stub = stubFor(round)
      .on(
        'POST',
        VERIFY,
        json({
          data: { token: 'tok-123', district: 'oost', expiresAt: '2099-01-01T00:00:00.000Z' },
        })
      )
      .on(
        'POST',
        BALLOTS,
        json({ data: { receipt: 'RCPT-7Q4M' } }, 201),
        json({ data: { receipt: 'RCPT-9XYZ', replaced: true } }, 201)
      );
    const container = page(stub);
    const before = document.createElement('button');
    before.textContent = 'Naar het stemformulier';
    container.append(before);
    const el = await ballot(stub, { district: 'oost' }, container);
    await settledWidget(el);
    before.focus();
    await sendKeys({ press: 'Tab' }); // district
    await sendKeys({ press: 'Tab' });
    const first = box(el, 'oost000000001');
    const order = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(deepActiveElement()).to.equal(order[0]);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    const chosen = order[0]!.dataset.id!;
    expect(plain(part(el, 'tally')?.textContent)).to.equal('1 voorstel gekozen.');
    for (let i = 1; i < order.length; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(part(el, 'submit-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === part(el, 'step'), 'focus not on step 2');
    expect(plain(part(el, 'step')?.textContent)).to.equal('Stap 2 van 3: Controleren wie u bent');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(el.shadowRoot!.querySelector('#code'));
    await sendKeys({ type: 'ABCD-EFGH-JKLM' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => plain(part(el, 'step')?.textContent).startsWith('Stap 3'));
    expect(JSON.parse(String(posts(stub)[0]?.init?.body))).to.deep.equal({
      method: 'code',
      code: 'ABCD-EFGH-JKLM',
    });
    await waitUntil(() => deepActiveElement() === part(el, 'step'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(part(el, 'submit-button'));
    const cast = oneEvent(el, 'begroot-ballot-cast');
    await sendKeys({ press: 'Enter' });
    expect((await cast).detail).to.deep.equal({
      round: 'voorbeeldstad-2027',
      receipt: 'RCPT-7Q4M',
    });
    const post = posts(stub)[1]!;
    expect(post.url).to.equal(BALLOTS);
    expect(new Headers(post.init?.headers).get('Authorization')).to.equal('Bearer tok-123');
    expect(JSON.parse(String(post.init?.body))).to.deep.equal({
      selections: [{ proposal: chosen }],
    });
    await el.updateComplete;
    expect(plain(part(el, 'receipt')?.textContent)).to.equal('RCPT-7Q4M');
    await waitUntil(() => deepActiveElement() === part(el, 'title'));
    expect(localStorage.getItem(receiptKey('voorbeeldstad-2027'))).to.equal('"RCPT-7Q4M"');
    expect(first).to.be.instanceOf(HTMLInputElement);
    await expect(el).to.be.accessible();

    // Change the vote while voting runs: the choice was cleared after the cast, and the
    // receipt goes with the new ballot.
    part(el, 'secondary-button')!.click();
    await el.updateComplete;
    expect(plain(part(el, 'step')?.textContent)).to.equal('Stap 1 van 3: Kiezen');
    expect(box(el, chosen).checked).to.equal(false);
    expect(plain(el.shadowRoot!.querySelector('.returning')?.textContent)).to.equal(
      'U wijzigt uw stem: uw nieuwe keuze vervangt de vorige. U hebt daarvoor opnieuw uw code nodig.'
    );
    await expect(el).to.be.accessible();
    const other = order[1]!.dataset.id!;
    await check(el, other);
    part(el, 'submit-button')!.click();
    await atVerifyStep(el);
    const code = el.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    code.value = 'ABCD-EFGH-JKLM';
    code.dispatchEvent(new Event('input'));
    part(el, 'submit-button')!.click();
    await waitUntil(() => plain(part(el, 'step')?.textContent).startsWith('Stap 3'));
    part(el, 'submit-button')!.click();
    await waitUntil(() => plain(part(el, 'receipt')?.textContent) === 'RCPT-9XYZ');
    expect(JSON.parse(String(posts(stub)[3]?.init?.body))).to.deep.equal({
      selections: [{ proposal: other }],
      receipt: 'RCPT-7Q4M',
    });
    expect(localStorage.getItem(receiptKey('voorbeeldstad-2027'))).to.equal('"RCPT-9XYZ"');
  });

  it('says what is wrong when the code is refused, and keeps the selection', async () => {
    const stub = stubFor().on(
      'POST',
      VERIFY,
      strapiError(400, 'ValidationError', 'Unknown code'),
      strapiError(429, 'RateLimitError', 'Te veel pogingen. Probeer het over 5 minuten opnieuw.')
    );
    const el = await ballot(stub);
    await settledWidget(el);
    await check(el, 'oost000000003');
    part(el, 'submit-button')!.click();
    await atVerifyStep(el);
    const code = el.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    code.value = 'XXXX';
    code.dispatchEvent(new Event('input'));
    part(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'problem'));
    expect(plain(part(el, 'problem')?.textContent)).to.equal(
      'Deze code klopt niet of is al gebruikt.'
    );
    await waitUntil(() => deepActiveElement() === part(el, 'problem'));
    await expect(el).to.be.accessible();
    part(el, 'submit-button')!.click();
    await waitUntil(() => plain(part(el, 'problem')?.textContent).startsWith('Te veel'));
    part(el, 'secondary-button')!.click();
    await el.updateComplete;
    expect(box(el, 'oost000000003').checked).to.equal(true);
  });

  it('verifies by e-mail: sends a code, then takes it back', async () => {
    const round: RoundPublicView = { ...VOTING_ROUND, verification: { methods: ['email'] } };
    const stub = stubFor(round).on(
      'POST',
      VERIFY,
      new Response(null, { status: 202 }),
      json({ data: { token: 'tok-mail', district: 'oost', expiresAt: '2099-01-01T00:00:00Z' } })
    );
    const el = await ballot(stub);
    await settledWidget(el);
    await check(el, 'oost000000003');
    part(el, 'submit-button')!.click();
    await atVerifyStep(el);
    expect(el.shadowRoot!.querySelector('#code')).to.equal(null);
    const email = el.shadowRoot!.querySelector<HTMLInputElement>('#email')!;
    email.value = 'bewoner@example.nl';
    email.dispatchEvent(new Event('input'));
    part(el, 'submit-button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#otp'), 'no code field');
    expect(plain(el.shadowRoot!.querySelector('.sent')?.textContent)).to.equal(
      'We hebben een code gestuurd naar bewoner@example.nl. Vul die hieronder in.'
    );
    await waitUntil(() => deepActiveElement() === el.shadowRoot!.querySelector('#otp'));
    await expect(el).to.be.accessible();
    const otp = el.shadowRoot!.querySelector<HTMLInputElement>('#otp')!;
    otp.value = '123456';
    otp.dispatchEvent(new Event('input'));
    part(el, 'submit-button')!.click();
    await waitUntil(() => plain(part(el, 'step')?.textContent).startsWith('Stap 3'));
    expect(posts(stub).map((call) => JSON.parse(String(call.init?.body)))).to.deep.equal([
      { method: 'email', email: 'bewoner@example.nl' },
      { method: 'email', email: 'bewoner@example.nl', otp: '123456' },
    ]);
  });

  it('shows a summary per proposal and links to its discussion', async () => {
    const el = await ballot(stubFor(), {
      district: 'oost',
      'discussion-url': '/meepraten?voorstel={id}',
    });
    await settledWidget(el);
    const option = box(el, 'oost000000001').closest('li')!;
    expect(plain(option.querySelector('.text')?.textContent)).to.equal(
      'Een beschrijving van dit voorstel.'
    );
    const link = option.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('/meepraten?voorstel=oost000000001');
    expect(plain(link.textContent)).to.equal('Lees en praat mee');
    expect(link.getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('spreads points, checked live', async () => {
    const round = { ...VOTING_ROUND, voting: voting({ method: 'points', points: 10 }) };
    const el = await ballot(stubFor(round));
    await settledWidget(el);
    expect(plain(part(el, 'instructions')?.textContent)).to.equal(
      'Verdeel 10 punten over de voorstellen die u belangrijk vindt.'
    );
    const points = box(el, 'oost000000001');
    expect(points.type).to.equal('number');
    points.value = '4';
    points.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(plain(part(el, 'tally')?.textContent)).to.equal('Nog 6 punten te verdelen.');
    part(el, 'submit-button')!.click();
    await el.updateComplete;
    expect(plain(part(el, 'issues')?.textContent)).to.contain('Verdeel precies 10 punten.');
    await expect(el).to.be.accessible();
  });

  it('ranks the chosen proposals and moves them up and down', async () => {
    const round = { ...VOTING_ROUND, voting: voting({ method: 'ranking', maxSelections: 3 }) };
    const el = await ballot(stubFor(round));
    await settledWidget(el);
    await check(el, 'oost000000001');
    await check(el, 'oost000000002');
    const rankOf = (id: string) =>
      plain(
        box(el, id).closest('li')?.querySelector('.actions span:not(.visually-hidden)')?.textContent
      );
    expect(rankOf('oost000000002')).to.equal('Plaats 2');
    const up = [...box(el, 'oost000000002').closest('li')!.querySelectorAll('button')].find(
      (button) => plain(button.textContent) === 'Hoger'
    )!;
    up.click();
    await el.updateComplete;
    expect(rankOf('oost000000002')).to.equal('Plaats 1');
    expect(rankOf('oost000000001')).to.equal('Plaats 2');
    await check(el, 'oost000000002', false);
    expect(rankOf('oost000000001')).to.equal('Plaats 1');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the ballot cannot be loaded, and recovers', async () => {
    const stub = new FetchStub()
      .on(
        'GET',
        ROUND_URL,
        strapiError(500, 'InternalServerError', 'Internal Server Error'),
        json({ data: VOTING_ROUND })
      )
      .on('GET', LIST, proposalPage(PROPOSALS, 1, 1, 100));
    const el = await ballot(stub);
    await waitUntil(() => part(el, 'error'), 'no error state');
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('false');
    const text = plain(part(el, 'error')?.querySelector('.message')?.textContent);
    expect(text).to.not.equal('');
    expect(liveText(el)).to.equal(text);
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await waitUntil(() => part(el, 'step'), 'did not recover');
    expect(part(el, 'error')).to.equal(null);
    await waitUntil(() => deepActiveElement() === part(el, 'title'), 'focus not on the title');
    expect(parts(el, 'option')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('says so when there is nothing to vote on', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: VOTING_ROUND }))
      .on('GET', LIST, proposalPage([], 1, 1, 100));
    const el = await ballot(stub);
    await settledWidget(el);
    expect(parts(el, 'option')).to.have.length(0);
    expect(plain(part(el, 'notice')?.textContent)).to.equal(
      'Er zijn geen voorstellen om op te stemmen.'
    );
    await expect(el).to.be.accessible();
  });

  it('says from when voting opens before it has started', async () => {
    const el = await ballot(stubFor({ ...FULL_ROUND, currentPhase: 'ideas' }));
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Stemmen kan nog niet');
    expect(plain(part(el, 'notice')?.textContent)).to.equal('U kunt stemmen vanaf 1 april 2099.');
    expect(parts(el, 'option')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('tells a returning voter their vote is in, and lets the next voter vote without its receipt', async () => {
    localStorage.setItem(receiptKey('voorbeeldstad-2027'), JSON.stringify('EERD-ERE0-STEM-0001'));
    const round = { ...VOTING_ROUND, voting: voting({ method: 'approval' }) };
    const stub = stubFor(round)
      .on('POST', VERIFY, json({ data: { token: 't2', district: 'oost', expiresAt: 'x' } }))
      .on('POST', BALLOTS, json({ data: { receipt: 'NIEU-WEST-EM00-0002' } }, 201));
    const el = await ballot(stub);
    await settledWidget(el);
    // The notice comes with the later steps' chunk, fetched at once for a returning voter.
    await waitUntil(() => el.shadowRoot!.querySelector('.returning'), 'no notice');
    const notice = el.shadowRoot!.querySelector('.returning')!;
    expect(plain(notice.textContent)).to.equal(
      'Op dit apparaat is al gestemd in deze ronde. Ontvangstcode: EERD-ERE0-STEM-0001 Was u dat? Dan kunt u uw stem wijzigen: uw nieuwe keuze vervangt de vorige. Stemt u zelf nog niet? Kies dan hieronder. Stem wijzigen'
    );
    expect(plain(notice.querySelector('[part="receipt"]')?.textContent)).to.equal(
      'EERD-ERE0-STEM-0001'
    );
    await expect(el).to.be.accessible();
    // Another resident just votes: no receipt goes along.
    await chooseAndVerify(el);
    part(el, 'submit-button')!.click();
    await waitUntil(() => plain(part(el, 'receipt')?.textContent) === 'NIEU-WEST-EM00-0002');
    expect(JSON.parse(String(posts(stub)[1]?.init?.body))).to.deep.equal({
      selections: [{ proposal: 'oost000000001' }],
    });
    // Their choice is cleared once counted, and their receipt is the one kept now.
    expect(localStorage.getItem(selectionKey('voorbeeldstad-2027'))).to.equal(null);
    expect(localStorage.getItem(receiptKey('voorbeeldstad-2027'))).to.equal(
      '"NIEU-WEST-EM00-0002"'
    );
  });

  it('says the vote is in where a round does not allow changing it', async () => {
    localStorage.setItem(receiptKey('voorbeeldstad-2027'), JSON.stringify('EERD-ERE0-STEM-0001'));
    const round = { ...VOTING_ROUND, voting: voting({ revote: 'forbid' }) };
    const el = await ballot(stubFor(round), { district: 'oost', lang: 'en' });
    await settledWidget(el);
    // The notice comes with the later steps' chunk, fetched at once for a returning voter.
    await waitUntil(() => el.shadowRoot!.querySelector('.returning'), 'no notice');
    const notice = el.shadowRoot!.querySelector('.returning')!;
    expect(plain(notice.textContent)).to.equal(
      'Someone has already voted in this round on this device. Receipt code: EERD-ERE0-STEM-0001 That vote is in and counts; this round does not allow changing it. Not voted yourself yet? Just choose below.'
    );
    expect(notice.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('when the kept receipt is not this voter’s, says so and casts as a new voter', async () => {
    localStorage.setItem(receiptKey('voorbeeldstad-2027'), JSON.stringify('EERD-ERE0-STEM-0001'));
    const round = { ...VOTING_ROUND, voting: voting({ method: 'approval' }) };
    const mismatch = json(
      {
        data: null,
        error: {
          status: 403,
          name: 'ForbiddenError',
          message:
            'This receipt does not belong to a ballot of yours in this round (or was replaced since).',
          details: {
            errors: [
              {
                path: ['receipt'],
                message: 'Not the receipt of a ballot cast with this credential.',
                name: 'ForbiddenError',
                code: 'receipt_mismatch',
              },
            ],
          },
        },
      },
      403
    );
    const stub = stubFor(round)
      .on('POST', VERIFY, json({ data: { token: 't3', district: 'oost', expiresAt: 'x' } }))
      .on('POST', BALLOTS, mismatch, json({ data: { receipt: 'NIEU-WEST-EM00-0003' } }, 201));
    const el = await ballot(stub);
    await settledWidget(el);
    // This voter thinks the earlier vote was theirs.
    await waitUntil(() => el.shadowRoot!.querySelector('.change-vote'), 'no change button');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.change-vote')!.click();
    await waitUntil(() => deepActiveElement() === el.shadowRoot!.querySelector('.returning'));
    expect(liveText(el)).to.equal(
      'U wijzigt uw stem: uw nieuwe keuze vervangt de vorige. U hebt daarvoor opnieuw uw code nodig.'
    );
    await chooseAndVerify(el);
    part(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'problem'), 'no problem shown');
    expect(JSON.parse(String(posts(stub)[1]?.init?.body))).to.deep.equal({
      selections: [{ proposal: 'oost000000001' }],
      receipt: 'EERD-ERE0-STEM-0001',
    });
    const problem =
      'De ontvangstcode op dit apparaat hoort niet bij uw code: misschien heeft iemand anders hier eerder gestemd. Uw stem is nog niet uitgebracht. Stem als nieuwe kiezer; een eerdere stem van uzelf blijft dan staan.';
    expect(plain(part(el, 'problem')?.textContent)).to.equal(problem);
    expect(liveText(el)).to.equal(problem);
    await waitUntil(() => deepActiveElement() === part(el, 'problem'));
    expect(plain(part(el, 'submit-button')?.textContent)).to.equal('Stem als nieuwe kiezer');
    await expect(el).to.be.accessible();
    // The same token, now without the receipt.
    part(el, 'submit-button')!.click();
    await waitUntil(() => plain(part(el, 'receipt')?.textContent) === 'NIEU-WEST-EM00-0003');
    const last = posts(stub)[2]!;
    expect(new Headers(last.init?.headers).get('Authorization')).to.equal('Bearer t3');
    expect(JSON.parse(String(last.init?.body))).to.deep.equal({
      selections: [{ proposal: 'oost000000001' }],
    });
    await expect(el).to.be.accessible();
  });

  it('says what the server found wrong with a ballot in the voter’s language, by its code', async () => {
    const round = { ...VOTING_ROUND, voting: voting({ method: 'approval' }) };
    const refused = json(
      {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: 'This ballot cannot be counted as it is.',
          details: {
            errors: [
              {
                path: ['selections', 0],
                message: 'Not an admitted proposal.',
                code: 'unknown_proposal',
              },
              { path: ['selections'], message: 'Over budget.', code: 'over_budget' },
              { path: ['ageBand'], message: 'Choose one of: 16-29.', code: 'invalid_value' },
            ],
          },
        },
      },
      400
    );
    const stub = stubFor(round)
      .on('POST', VERIFY, json({ data: { token: 't', district: 'oost', expiresAt: 'x' } }))
      .on('POST', BALLOTS, refused);
    const el = await ballot(stub);
    await chooseAndVerify(el);
    part(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'problem'), 'no problem shown');
    expect(plain(part(el, 'problem')?.textContent)).to.equal(
      [
        'Een van de gekozen voorstellen staat niet meer op het stembiljet. Ga terug naar uw keuze en kijk die na.',
        'De gekozen voorstellen kosten samen meer dan het budget.',
        'Maak een keuze.',
      ].join(' ')
    );
    await expect(el).to.be.accessible();
  });

  it('says the points on the review step in the right plural', async () => {
    const round = { ...VOTING_ROUND, voting: voting({ method: 'points', points: 10 }) };
    const stub = stubFor(round).on(
      'POST',
      VERIFY,
      json({ data: { token: 't', district: 'oost', expiresAt: 'x' } })
    );
    const el = await ballot(stub);
    await settledWidget(el);
    const give = async (id: string, points: number) => {
      const input = box(el, id);
      input.value = String(points);
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await give('oost000000001', 1);
    await give('oost000000002', 11);
    expect(plain(part(el, 'tally')?.textContent)).to.equal('U hebt 2 punten te veel verdeeld.');
    await give('oost000000002', 9);
    part(el, 'submit-button')!.click();
    await atVerifyStep(el);
    const code = el.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    code.value = 'CODE';
    code.dispatchEvent(new Event('input'));
    part(el, 'submit-button')!.click();
    await waitUntil(() => plain(part(el, 'step')?.textContent).startsWith('Stap 3'));
    const lines = [...el.shadowRoot!.querySelectorAll('.chosen li')].map((li) =>
      plain(li.textContent)
    );
    expect(lines).to.have.members([
      'Bankjes — € 200.000 — 1 punt',
      'Speeltuin — € 250.000 — 9 punten',
    ]);
    await expect(el).to.be.accessible();
  });

  it('says when voting is closed', async () => {
    const el = await ballot(
      stubFor({
        ...VOTING_ROUND,
        currentPhase: 'results',
        phases: [
          { kind: 'voting', start: '2020-03-01T00:00:00.000Z', end: '2020-03-21T00:00:00.000Z' },
        ],
      })
    );
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Het stemmen is gesloten');
    expect(plain(part(el, 'notice')?.textContent)).to.equal('Stemmen kon tot 21 maart 2020.');
    await expect(el).to.be.accessible();
  });

  it('starts over for the next voter in kiosk mode and keeps nothing', async () => {
    const round = { ...VOTING_ROUND, voting: voting({ method: 'approval' }) };
    const stub = stubFor(round)
      .on('POST', VERIFY, json({ data: { token: 't', district: 'oost', expiresAt: 'x' } }))
      .on('POST', BALLOTS, json({ data: { receipt: 'K-1' } }, 201));
    const el = await ballot(stub, { district: 'oost', kiosk: '', 'kiosk-key': 'bk_stand' });
    await chooseAndVerify(el);
    // The kiosk's key goes with the verification (and nowhere else).
    const [verification, ...others] = posts(stub);
    expect(new Headers(verification!.init?.headers).get('X-Begroot-Kiosk-Key')).to.equal(
      'bk_stand'
    );
    part(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'receipt'));
    for (const call of [...others, ...posts(stub).slice(1)]) {
      expect(new Headers(call.init?.headers).get('X-Begroot-Kiosk-Key')).to.equal(null);
    }
    expect(localStorage.getItem(receiptKey('voorbeeldstad-2027'))).to.equal(null);
    expect(plain(part(el, 'submit-button')?.textContent)).to.equal('Volgende kiezer');
    await expect(el).to.be.accessible();
    part(el, 'submit-button')!.click();
    // The next voter gets the proposals in an order of their own.
    await waitUntil(() => plain(part(el, 'step')?.textContent) === 'Stap 1 van 3: Kiezen');
    expect(box(el, 'oost000000001').checked).to.equal(false);
    const seeds = stub.calls
      .filter((call) => LIST.test(call.url))
      .map((call) => new URL(call.url).searchParams.get('seed'));
    expect(seeds).to.have.length(2);
    expect(seeds[0]).to.not.equal(seeds[1]);
    // Nor the seed this browser keeps for its own visitor.
    expect(seeds).to.not.include(JSON.parse(localStorage.getItem('begroot:seed') ?? 'null'));
    expect(localStorage.getItem(selectionKey('voorbeeldstad-2027'))).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('in kiosk mode, asks "are you still there?" after a quiet spell and then starts over', async () => {
    const round = { ...VOTING_ROUND, voting: voting({ method: 'approval' }) };
    const stub = stubFor(round).on(
      'POST',
      VERIFY,
      json({ data: { token: 't', district: 'oost', expiresAt: '2099-01-01T00:00:00Z' } })
    );
    const el = await ballot(stub, { district: 'oost', kiosk: '', 'kiosk-timeout': '0.4' });
    await settledWidget(el);
    // Nobody has touched it: nothing to lose, so it does not ask.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(part(el, 'idle-warning')).to.equal(null);
    await check(el, 'oost000000001');
    await waitUntil(() => part(el, 'idle-warning'), 'no warning');
    const warning = part(el, 'idle-warning')!;
    expect(plain(warning.textContent)).to.equal(
      'Bent u er nog? Als u niets doet, begint het stemformulier over 0.4 seconden opnieuw en is uw keuze weg. Ik ben er nog'
    );
    expect(liveText(el)).to.equal(
      'Bent u er nog? Als u niets doet, begint het stemformulier over 0.4 seconden opnieuw en is uw keuze weg.'
    );
    await waitUntil(() => deepActiveElement() === warning.querySelector('button'));
    await expect(el).to.be.accessible();
    // "I'm still here": the warning goes, the choice stays.
    warning.querySelector('button')!.click();
    await el.updateComplete;
    expect(part(el, 'idle-warning')).to.equal(null);
    expect(box(el, 'oost000000001').checked).to.equal(true);

    // On the next step too; this time nobody answers.
    part(el, 'submit-button')!.click();
    await atVerifyStep(el);
    const code = el.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    code.value = 'CODE';
    code.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => part(el, 'idle-warning'), 'no warning on step 2');
    await expect(el).to.be.accessible();
    await waitUntil(
      () => plain(part(el, 'step')?.textContent) === 'Stap 1 van 3: Kiezen',
      'did not start over'
    );
    expect(part(el, 'idle-warning')).to.equal(null);
    expect(box(el, 'oost000000001').checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('asks the optional age band on the review step and sends it beside the selections', async () => {
    const round = {
      ...VOTING_ROUND,
      voting: voting({ method: 'approval', askAgeBand: true, ageBands: ['16-29', '65+'] }),
    };
    const stub = stubFor(round)
      .on('POST', VERIFY, json({ data: { token: 't', district: 'oost', expiresAt: 'x' } }))
      .on('POST', BALLOTS, json({ data: { receipt: 'A-1' } }, 201));
    const el = await ballot(stub, { district: 'oost' });
    await settledWidget(el);
    expect(el.shadowRoot!.querySelector('#age-band')).to.equal(null);
    await chooseAndVerify(el);
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#age-band')!;
    expect([...select.options].map((option) => option.value)).to.deep.equal(['', '16-29', '65+']);
    expect(select.value).to.equal('');
    await expect(el).to.be.accessible();
    select.value = '65+';
    select.dispatchEvent(new Event('change'));
    part(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'receipt'));
    expect(JSON.parse(String(posts(stub)[1]?.init?.body))).to.deep.equal({
      selections: [{ proposal: 'oost000000001' }],
      ageBand: '65+',
    });
  });

  it('speaks English with lang="en"', async () => {
    const el = await ballot(stubFor(), { district: 'oost', lang: 'en' });
    await settledWidget(el);
    expect(plain(part(el, 'step')?.textContent)).to.equal('Step 1 of 3: Choose');
    await check(el, 'stad000000001');
    expect(plain(part(el, 'tally')?.textContent)).to.equal(
      'You spend €50,000 of €500,000. €450,000 left.'
    );
    await expect(el).to.be.accessible();
  });

  it('reflows at 320 CSS pixels (400 % zoom) without scrolling sideways', async () => {
    const el = await ballot(stubFor());
    await settledWidget(el);
    el.style.inlineSize = '320px';
    await check(el, 'oost000000001');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 2);
  });

  it('uses system colours in forced-colours mode', async () => {
    const el = await ballot(stubFor());
    await settledWidget(el);
    await check(el, 'oost000000001');
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      const option = box(el, 'oost000000001').closest('li')!;
      expect(getComputedStyle(option).outlineStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
    expect(parts(el, 'option').length).to.equal(4);
  });
});

describe('<begroot-vote-ballot> tokens', () => {
  it('tokens.json lists exactly the custom properties the styles read, each with a fallback', async () => {
    const css = voteBallotStyles.map((sheet) => sheet.cssText).join('\n');
    await checkTokens('vote-ballot', css, new URL('./tokens.json', import.meta.url));
  });
});
