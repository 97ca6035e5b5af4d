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
    await meter.updateComplete;
    expect(plain(part(meter, 'spent')?.textContent)).to.equal('€ 300.000');
    expect(plain(part(meter, 'left')?.textContent)).to.equal('Over: € 200.000 / € 500.000');
    expect(liveText(meter)).to.equal('€ 300.000 besteed, nog € 200.000 over van € 500.000.');
    const stored = JSON.parse(localStorage.getItem(selectionKey('voorbeeldstad-2027'))!);
    expect(stored).to.deep.equal({
      selections: [{ proposal: 'oost000000001' }, { proposal: 'oost000000003' }],
      district: 'oost',
    });
    await expect(el).to.be.accessible();
    await expect(meter).to.be.accessible();

    // Over the budget: the meter warns, and "Verder" lists what is wrong.
    await check(el, 'oost000000002');
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
      .on('POST', BALLOTS, json({ data: { receipt: 'RCPT-7Q4M' } }, 201));
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

    // Change the vote while voting runs: the receipt goes with the new ballot.
    part(el, 'secondary-button')!.click();
    await el.updateComplete;
    expect(plain(part(el, 'step')?.textContent)).to.equal('Stap 1 van 3: Kiezen');
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
    part(el, 'submit-button')!.click();
    await el.updateComplete;
    expect(plain(part(el, 'step')?.textContent)).to.equal('Stap 1 van 3: Kiezen');
    expect(box(el, 'oost000000001').checked).to.equal(false);
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
