import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { ArgumentPublicView, ProposalPublicView, RoundPublicView } from '@begroot/core';
import '../define/begroot-deliberation-board.js';
import {
  API_BASE as BASE,
  FetchStub,
  FULL_ROUND,
  PROPOSALS_URL as LIST,
  ROUND_URL,
  argument,
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
  proposalPage as list,
  providerWith,
  resetPageBetweenTests,
  settledWidget,
  strapiError,
  validationError,
  expectLoadingState,
} from '../test/helpers.js';
import type { BegrootDeliberationBoard } from './deliberation-board.js';
import { deliberationBoardStyles } from './deliberation-board.styles.js';
import { buildThreads } from './threads.js';

const P1 = 'proposal00001';
const P2 = 'proposal00002';
const argumentsUrl = (id: string) => `${BASE}/api/begroot/proposals/${id}/arguments`;

const PROPOSALS: ProposalPublicView[] = [
  proposal(P1, {
    title: 'Bankjes in het Oosterpark',
    summary: 'Meer bankjes langs het pad.',
    argumentCounts: { for: 2, against: 1, question: 1 },
  }),
  proposal(P2, {
    title: 'Speeltuin bij de school',
    district: 'west',
    theme: 'verkeer',
    officialCost: 30_000,
  }),
];

const ARGUMENTS: ArgumentPublicView[] = [
  argument('arg0000001', P1, { stance: 'for', body: 'Ouderen kunnen rusten.' }),
  argument('arg0000002', P1, {
    stance: 'against',
    body: 'Het pad is te smal.',
    authorName: 'Bram',
    postedAt: '2026-11-04T10:00:00.000Z',
  }),
  argument('arg0000003', P1, {
    stance: 'question',
    body: 'Wie maakt ze schoon?',
    authorName: 'Chris',
    postedAt: '2026-11-05T10:00:00.000Z',
  }),
  argument('arg0000004', P1, {
    stance: 'for',
    body: 'De gemeente maakt ze schoon.',
    authorName: 'Gemeente Voorbeeldstad',
    official: true,
    replyTo: 'arg0000003',
    postedAt: '2026-11-06T10:00:00.000Z',
  }),
  argument('arg0000005', P1, {
    stance: 'for',
    body: 'Ook fijn voor wandelaars.',
    authorName: 'Dana',
    postedAt: '2026-11-07T10:00:00.000Z',
  }),
];

function boardStub(
  round: RoundPublicView = FULL_ROUND,
  proposals = PROPOSALS,
  args = ARGUMENTS
): FetchStub {
  return new FetchStub()
    .on('GET', ROUND_URL, json({ data: round }))
    .on('GET', LIST, list(proposals))
    .on('GET', argumentsUrl(P1), json({ data: args }))
    .on('GET', argumentsUrl(P2), json({ data: [] }));
}

function board(
  stub: FetchStub,
  attributes: Record<string, string> = {},
  container: HTMLElement = providerWith(stub)
): Promise<BegrootDeliberationBoard> {
  return mountWidget('begroot-deliberation-board', container, attributes);
}

function toggle(el: Element, id: string): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-toggle="${id}"]`)!;
}

function discussion(el: Element, id: string): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`[id="p-${id}-discussion"]`)!;
}

async function open(el: BegrootDeliberationBoard, id: string): Promise<HTMLElement> {
  toggle(el, id).click();
  await waitUntil(
    () => discussion(el, id).querySelector('.column, .error'),
    'the discussion did not load',
    { timeout: 4000 }
  );
  await el.updateComplete;
  return discussion(el, id);
}

function column(area: HTMLElement, stance: string): HTMLElement {
  return area.querySelector<HTMLElement>(`.column.${stance}`)!;
}

function field<T extends HTMLElement = HTMLInputElement>(el: Element, id: string, name: string): T {
  return el.shadowRoot!.querySelector<T>(`[id="p-${id}-field-${name}"]`)!;
}

async function type(
  el: BegrootDeliberationBoard,
  target: HTMLInputElement | HTMLTextAreaElement,
  value: string
) {
  target.focus();
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<begroot-deliberation-board>', () => {
  resetPageBetweenTests('begroot:seed');

  // First in this file: once the discussions' chunk has loaded, the page keeps it.
  it('shows an error with a retry when the discussions cannot be loaded, and loads them on retry', async () => {
    await executeServerCommand('fail-requests', {
      urlPattern: '*/deliberation-board/discussion.*',
    });
    let el: BegrootDeliberationBoard;
    let area: HTMLElement;
    try {
      el = await board(boardStub());
      await settledWidget(el);
      area = await open(el, P1);
      await waitUntil(() => area.querySelector('[part~="error"]'), 'no error state', {
        timeout: 4000,
      });
    } finally {
      await executeServerCommand('fail-requests', { urlPattern: null });
    }
    expect(area.querySelector('form')).to.equal(null);
    expect(plain(area.querySelector('[part~="message"]')?.textContent)).to.equal(
      'Er is geen verbinding met de server. Controleer uw internetverbinding.'
    );
    expect(toggle(el, P1).getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    // The network is back: "try again" loads the chunk and focus lands in the discussion.
    area.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => area.querySelector('.column'), 'retry did not load the discussions', {
      timeout: 4000,
    });
    expect(area.querySelector('[part~="error"]')).to.equal(null);
    await waitUntil(() => deepActiveElement() === area.querySelector('.column-title'));
    await expect(el).to.be.accessible();
  });

  it('is registered with its tag and class', () => {
    expect(document.createElement('begroot-deliberation-board').constructor.name).to.equal(
      'BegrootDeliberationBoard'
    );
  });

  it('shows an accessible busy state while loading', async () => {
    const stub = boardStub().hold();
    await expectLoadingState(await board(stub), stub, 'De ideeën worden geladen…');
  });

  it('lists proposals in a random order that stays the same for each visitor', async () => {
    const stub = boardStub();
    const el = await board(stub);
    await settledWidget(el);
    const seed = JSON.parse(localStorage.getItem('begroot:seed')!) as string;
    expect(seed).to.match(/^[a-z0-9]{8,40}$/);
    const listCall = stub.calls.find((call) => LIST.test(call.url))!;
    const query = new URL(listCall.url).searchParams;
    expect(Object.fromEntries(query)).to.deep.equal({
      sort: 'random',
      seed,
      page: '1',
      pageSize: '50',
    });
    expect(plain(part(el, 'title')?.textContent)).to.equal(
      'Praat mee over de ideeën voor Voorbeeldstad 2027'
    );
    const titles = parts(el, 'proposal-title').map((title) => plain(title.textContent));
    expect(titles).to.deep.equal(['Bankjes in het Oosterpark', 'Speeltuin bij de school']);
    expect(parts(el, 'proposal-title')[0]?.getAttribute('aria-level')).to.equal('3');
    const meta = parts(el, 'proposal')[1]!.querySelectorAll('[part="proposal-meta"]');
    expect(plain(meta[0]?.textContent)).to.equal(
      'West · Verkeer · Kosten volgens de gemeente: € 30.000'
    );
    expect(plain(parts(el, 'proposal')[0]!.textContent)).to.contain('2 voor, 1 tegen, 1 vraag');
    expect(liveText(el)).to.equal('2 ideeën geladen.');
    await expect(el).to.be.accessible();

    // A second board (another visit) asks with the same seed.
    const again = await board(stub);
    await settledWidget(again);
    const calls = stub.calls.filter((call) => LIST.test(call.url));
    expect(new URL(calls.at(-1)!.url).searchParams.get('seed')).to.equal(seed);
  });

  it('filters by district and theme', async () => {
    const stub = boardStub();
    const el = await board(stub, { district: 'oost' });
    await settledWidget(el);
    const district = el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-district')!;
    expect(district.value).to.equal('oost');
    expect(part(el, 'filters')?.getAttribute('role')).to.equal('group');
    const theme = el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-theme')!;
    theme.focus();
    theme.value = 'groen';
    theme.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => stub.calls.some((call) => call.url.includes('theme=groen')));
    await settledWidget(el);
    const last = new URL(stub.calls.filter((call) => LIST.test(call.url)).at(-1)!.url);
    expect(last.searchParams.get('district')).to.equal('oost');
    expect(last.searchParams.get('theme')).to.equal('groen');
    expect(el.theme).to.equal('groen');
    // Focus stays on the filter while the list reloads.
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('#filter-theme'));
    await expect(el).to.be.accessible();
  });

  it('shows a filter set by the page after the visitor chose one', async () => {
    const stub = boardStub();
    const el = await board(stub);
    await settledWidget(el);
    const theme = el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-theme')!;
    theme.value = 'groen';
    theme.dispatchEvent(new Event('change', { bubbles: true }));
    await settledWidget(el);
    el.theme = '';
    await settledWidget(el);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-theme')!.value).to.equal('');
    el.theme = 'groen';
    await settledWidget(el);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-theme')!.value).to.equal(
      'groen'
    );
  });

  it('says when there are no proposals, or none for the filter', async () => {
    const el = await board(boardStub(FULL_ROUND, []));
    await settledWidget(el);
    expect(plain(part(el, 'notice')?.textContent)).to.equal(
      'Er zijn nog geen ideeën om over mee te praten.'
    );
    await expect(el).to.be.accessible();
    el.district = 'noord';
    await settledWidget(el);
    await waitUntil(
      () => plain(part(el, 'notice')?.textContent) === 'Er zijn geen ideeën voor deze keuze.'
    );
  });

  it('loads arguments when a proposal is opened: for and against side by side, questions, replies, official answers', async () => {
    const stub = boardStub();
    const el = await board(stub);
    await settledWidget(el);
    expect(stub.calls.some((call) => call.url.endsWith('/arguments'))).to.equal(false);
    const button = toggle(el, P1);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(discussion(el, P1).hidden).to.equal(true);
    const area = await open(el, P1);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal(`p-${P1}-discussion`);
    expect(plain(button.textContent)).to.equal('Argumenten verbergen');
    expect(liveText(el)).to.equal('5 bijdragen geladen.');

    const forColumn = column(area, 'for');
    const against = column(area, 'against');
    const questions = column(area, 'question');
    expect(plain(forColumn.querySelector('[role="heading"]')?.textContent)).to.equal('Voor (3)');
    expect(plain(against.querySelector('[role="heading"]')?.textContent)).to.equal('Tegen (1)');
    expect(plain(questions.querySelector('[role="heading"]')?.textContent)).to.equal('Vragen (1)');
    // Side by side on a wide widget.
    el.style.inlineSize = '60rem';
    const a = forColumn.getBoundingClientRect();
    const b = against.getBoundingClientRect();
    expect(Math.abs(a.top - b.top)).to.be.below(1);
    expect(b.left).to.be.greaterThan(a.right - 1);
    // Stacked on a narrow one.
    el.style.inlineSize = '20rem';
    expect(against.getBoundingClientRect().top).to.be.at.least(
      forColumn.getBoundingClientRect().bottom - 1
    );
    el.style.inlineSize = '';

    // The official answer sits under the question it answers, marked in words.
    const question = questions.querySelector<HTMLElement>('[id="a-arg0000003"]')!;
    const reply = question.querySelector<HTMLElement>('[part~="replies"] [id="a-arg0000004"]')!;
    expect(reply).to.be.instanceOf(HTMLElement);
    expect(reply.getAttribute('part')).to.equal('argument official');
    expect(plain(reply.querySelector('[part="official-badge"]')?.textContent)).to.equal(
      'Officieel antwoord van de gemeente'
    );
    expect(plain(forColumn.textContent)).not.to.contain('De gemeente maakt ze schoon.');
    expect(plain(forColumn.querySelector('.argument')?.textContent)).to.contain(
      'Ouderen kunnen rusten. Ahmed, 3 november 2026'
    );
    // Counts follow what loaded.
    expect(plain(parts(el, 'proposal')[0]!.textContent)).to.contain('3 voor, 1 tegen, 1 vraag');
    for (const action of area.querySelectorAll<HTMLElement>('[part~="action-button"]')) {
      expect(action.getBoundingClientRect().height).to.be.at.least(44);
    }
    await expect(el).to.be.accessible();

    // Closing and opening again does not fetch again.
    button.click();
    await el.updateComplete;
    expect(discussion(el, P1).hidden).to.equal(true);
    button.click();
    await el.updateComplete;
    expect(stub.calls.filter((call) => call.url === argumentsUrl(P1))).to.have.length(1);
  });

  it('posts an argument with the keyboard alone', async () => {
    const stub = boardStub(FULL_ROUND, [PROPOSALS[1]!]).on(
      'POST',
      argumentsUrl(P2),
      json(
        {
          data: argument('arg0000099', P2, {
            stance: 'against',
            body: 'Te veel verkeer bij de school.',
            authorName: 'Eva',
            postedAt: '2026-11-20T10:00:00.000Z',
          }),
        },
        201
      )
    );
    const container = providerWith(stub);
    const before = document.createElement('button');
    before.textContent = 'Naar de discussie';
    container.append(before);
    const el = await board(stub, {}, container);
    await settledWidget(el);
    before.focus();
    const tab = () => sendKeys({ press: 'Tab' });
    await tab(); // district filter
    await tab(); // theme filter
    await tab();
    expect(deepActiveElement()).to.equal(toggle(el, P2));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => field(el, P2, 'stance'), 'no form');
    await tab();
    expect(deepActiveElement()).to.equal(field(el, P2, 'stance'));
    await sendKeys({ press: 'ArrowRight' }); // "een argument tegen"
    await tab();
    expect(deepActiveElement()).to.equal(field(el, P2, 'body'));
    await sendKeys({ type: 'Te veel verkeer bij de school.' });
    await tab();
    expect(deepActiveElement()).to.equal(field(el, P2, 'authorName'));
    await sendKeys({ type: 'Eva' });
    await tab();
    const submit = discussion(el, P2).querySelector('[part="submit-button"]');
    expect(deepActiveElement()).to.equal(submit);
    const posted = oneEvent(el, 'begroot-argument-posted');
    await sendKeys({ press: 'Enter' });
    const event = await posted;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.proposal).to.equal(P2);
    expect(event.detail.argument.documentId).to.equal('arg0000099');
    expect(JSON.parse(String(posts(stub)[0]?.init?.body))).to.deep.equal({
      stance: 'against',
      body: 'Te veel verkeer bij de school.',
      authorName: 'Eva',
      replyTo: null,
    });
    await el.updateComplete;
    // The new argument is in its column and has focus; the form is empty but keeps the name.
    const mine = el.shadowRoot!.querySelector('[id="a-arg0000099"]');
    expect(mine?.closest('.column.against')).to.be.instanceOf(HTMLElement);
    await waitUntil(() => deepActiveElement() === mine, 'focus did not move to the argument');
    expect(field<HTMLTextAreaElement>(el, P2, 'body').value).to.equal('');
    expect(field(el, P2, 'authorName').value).to.equal('Eva');
    expect(liveText(el)).to.equal('Uw bijdrage is geplaatst.');
    await expect(el).to.be.accessible();
  });

  it('checks an argument before posting, and shows what the server refuses', async () => {
    const stub = boardStub().on(
      'POST',
      argumentsUrl(P1),
      validationError([
        { path: ['body'], message: 'Text must not contain markup', code: 'begroot.text.markup' },
      ]),
      strapiError(429, 'RateLimitError', 'U plaatst te snel. Wacht een minuut.')
    );
    const el = await board(stub);
    await settledWidget(el);
    const area = await open(el, P1);
    area.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await el.updateComplete;
    const summary = area.querySelector<HTMLElement>('[part="error-summary"]')!;
    await waitUntil(() => deepActiveElement() === summary, 'summary not focused');
    expect([...summary.querySelectorAll('a')].map((link) => plain(link.textContent))).to.deep.equal(
      [
        'Uw bijdrage is: Maak een keuze.',
        'Uw bijdrage: Vul dit veld in.',
        'Uw naam: Vul dit veld in.',
      ]
    );
    expect(posts(stub)).to.have.length(0);
    expect(liveText(el)).to.equal('Er zijn 3 fouten in het formulier.');
    await expect(el).to.be.accessible();

    summary.querySelector('a')!.click();
    expect(deepActiveElement()).to.equal(field(el, P1, 'stance'));
    field(el, P1, 'stance').click();
    await type(el, field<HTMLTextAreaElement>(el, P1, 'body'), 'Goed idee!');
    await type(el, field(el, P1, 'authorName'), 'Fleur');
    expect(area.querySelector('[part="error-summary"]')).to.equal(null);
    area.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await waitUntil(() => field(el, P1, 'body').getAttribute('aria-invalid') === 'true');
    expect(
      plain(el.shadowRoot!.querySelector(`[id="p-${P1}-field-body-error"]`)?.textContent)
    ).to.equal('Schrijf gewone tekst, zonder HTML-codes.');

    area.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await waitUntil(() => area.querySelector('[part~="problem"]'));
    expect(plain(area.querySelector('[part~="problem"]')?.textContent)).to.equal(
      'U plaatst te snel. Wacht een minuut.'
    );
    await waitUntil(() => deepActiveElement() === area.querySelector('[part~="problem"]'));
  });

  it('replies to an argument', async () => {
    const stub = boardStub().on(
      'POST',
      argumentsUrl(P1),
      json(
        {
          data: argument('arg0000100', P1, {
            stance: 'question',
            body: 'Hoe breed is het pad?',
            authorName: 'Gijs',
            replyTo: 'arg0000002',
            postedAt: '2026-11-21T10:00:00.000Z',
          }),
        },
        201
      )
    );
    const el = await board(stub);
    await settledWidget(el);
    const area = await open(el, P1);
    const replyButton = area.querySelector<HTMLButtonElement>(
      '[id="a-arg0000002"] [part="action-button"]'
    )!;
    expect(plain(replyButton.textContent)).to.equal('Reageren');
    replyButton.click();
    await el.updateComplete;
    expect(plain(area.querySelector('.argument-form [part="notice"]')?.textContent)).to.contain(
      'U reageert op Bram.'
    );
    await waitUntil(() => deepActiveElement() === field(el, P1, 'stance'));
    expect(liveText(el)).to.equal('U reageert op Bram.');
    expect(area.querySelector('fieldset')?.getAttribute('aria-describedby')).to.equal(
      `p-${P1}-replying`
    );
    area.querySelector<HTMLInputElement>('input[value="question"]')!.click();
    await type(el, field<HTMLTextAreaElement>(el, P1, 'body'), 'Hoe breed is het pad?');
    await type(el, field(el, P1, 'authorName'), 'Gijs');
    area.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await waitUntil(() => posts(stub).length === 1);
    expect(JSON.parse(String(posts(stub)[0]?.init?.body))).to.include({
      replyTo: 'arg0000002',
      stance: 'question',
    });
    await waitUntil(() => area.querySelector('[id="a-arg0000002"] [id="a-arg0000100"]'));
  });

  it('reports an argument after asking, then thanks', async () => {
    const stub = boardStub().on(
      'POST',
      `${BASE}/api/begroot/arguments/arg0000002/report`,
      new Response(null, { status: 202 })
    );
    const el = await board(stub);
    await settledWidget(el);
    const area = await open(el, P1);
    const reportButton = () =>
      [
        ...area.querySelectorAll<HTMLButtonElement>('[id="a-arg0000002"] [part="action-button"]'),
      ].find((button) => plain(button.textContent) === 'Melden')!;
    reportButton().click();
    await el.updateComplete;
    const confirm = area.querySelector<HTMLElement>('[part="report-confirm"]')!;
    expect(plain(confirm.textContent)).to.contain('Deze bijdrage melden?');
    await waitUntil(() => deepActiveElement() === confirm.querySelector('.confirm-report'));
    expect(reportButton().getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();

    // Cancel returns focus to the report button.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(area.querySelector('[part="report-confirm"]')).to.equal(null);
    await waitUntil(() => deepActiveElement() === reportButton());

    reportButton().click();
    await el.updateComplete;
    const reported = oneEvent(el, 'begroot-argument-reported');
    area.querySelector<HTMLButtonElement>('.confirm-report')!.click();
    expect((await reported).detail).to.deep.equal({ proposal: P1, argument: 'arg0000002' });
    expect(posts(stub)[0]?.url).to.equal(`${BASE}/api/begroot/arguments/arg0000002/report`);
    expect(JSON.parse(String(posts(stub)[0]?.init?.body))).to.deep.equal({});
    await el.updateComplete;
    const thanks = area.querySelector('[id="a-arg0000002-reported"]');
    expect(plain(thanks?.textContent)).to.equal(
      'Bedankt voor uw melding. Een moderator kijkt ernaar.'
    );
    await waitUntil(() => deepActiveElement() === thanks);
    expect(reportButton()).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows a failed report in its confirmation, moves focus there, and can try again or cancel', async () => {
    const stub = boardStub().on(
      'POST',
      `${BASE}/api/begroot/arguments/arg0000002/report`,
      strapiError(500, 'InternalServerError', 'Internal Server Error'),
      new Response(null, { status: 202 })
    );
    const el = await board(stub);
    await settledWidget(el);
    const area = await open(el, P1);
    const reportButton = () =>
      [
        ...area.querySelectorAll<HTMLButtonElement>('[id="a-arg0000002"] [part="action-button"]'),
      ].find((button) => plain(button.textContent) === 'Melden');
    reportButton()!.click();
    await el.updateComplete;
    area.querySelector<HTMLButtonElement>('.confirm-report')!.click();
    await waitUntil(() => area.querySelector('[id="a-arg0000002-report-problem"]'), 'no problem');
    const problem = area.querySelector<HTMLElement>('[id="a-arg0000002-report-problem"]')!;
    expect(problem.closest('[part="report-confirm"]')).not.to.equal(null);
    expect(plain(problem.textContent)).not.to.equal('');
    await waitUntil(() => deepActiveElement() === problem, 'focus not on the problem');
    expect(liveText(el)).to.equal(plain(problem.textContent));
    expect(reportButton()!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    // Cancel closes the confirmation and forgets the problem.
    area.querySelector<HTMLButtonElement>('[part="report-confirm"] .button.secondary')!.click();
    await el.updateComplete;
    expect(area.querySelector('[part="report-confirm"]')).to.equal(null);
    reportButton()!.click();
    await el.updateComplete;
    expect(area.querySelector('[id="a-arg0000002-report-problem"]')).to.equal(null);
    area.querySelector<HTMLButtonElement>('.confirm-report')!.click();
    await waitUntil(() => area.querySelector('[id="a-arg0000002-reported"]'));
    expect(area.querySelector('[part="report-confirm"]')).to.equal(null);
    expect(posts(stub)).to.have.length(2);
  });

  // How fast is measured by `npm run bench:widgets` (a built bundle, cold browser contexts);
  // here only that all 500 arrive, threaded.
  it('renders 500 arguments, threaded', async () => {
    const many = Array.from({ length: 500 }, (_, index) =>
      argument(`bulk${String(index).padStart(6, '0')}`, P1, {
        stance: (['for', 'against', 'question'] as const)[index % 3],
        replyTo: index % 5 === 4 ? `bulk${String(index - 1).padStart(6, '0')}` : null,
        body: `Argument nummer ${index} met wat tekst erbij om het echt te laten lijken.`,
        authorName: `Bewoner ${index}`,
        postedAt: new Date(Date.UTC(2026, 10, 3) + index * 60_000).toISOString(),
      })
    );
    const stub = boardStub(FULL_ROUND, PROPOSALS, many);
    const el = await board(stub);
    await settledWidget(el);
    const area = await open(el, P1);
    expect(area.querySelectorAll('.argument')).to.have.length(500);
    // Every fifth is a reply, shown under the argument it answers.
    expect(area.querySelectorAll('.replies .argument')).to.have.length(100);
    const threads = buildThreads(many);
    expect(threads.counts.for + threads.counts.against + threads.counts.question).to.equal(500);
  });

  it('shows one proposal with its discussion open', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: FULL_ROUND }))
      .on('GET', `${BASE}/api/begroot/proposals/${P1}`, json({ data: PROPOSALS[0] }))
      .on('GET', argumentsUrl(P1), json({ data: ARGUMENTS }));
    const el = await board(stub, { proposal: P1 });
    await settledWidget(el);
    await waitUntil(() => discussion(el, P1)?.querySelector('.column'), 'not opened');
    expect(parts(el, 'proposal')).to.have.length(1);
    expect(part(el, 'filters')).to.equal(null);
    expect(stub.calls.some((call) => LIST.test(call.url))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('with proposal-param, opens the proposal the page address names and follows Back and Forward', async () => {
    const start = window.location.href;
    const stub = boardStub().on(
      'GET',
      `${BASE}/api/begroot/proposals/${P1}`,
      json({ data: PROPOSALS[0] })
    );
    const withParam = new URL(start);
    withParam.searchParams.set('voorstel', P1);
    window.history.replaceState(null, '', withParam);
    try {
      const el = await board(stub, { 'proposal-param': 'voorstel' });
      await settledWidget(el);
      await waitUntil(() => discussion(el, P1)?.querySelector('.column'), 'not opened');
      expect(parts(el, 'proposal')).to.have.length(1);
      expect(plain(part(el, 'proposal-title')?.textContent)).to.equal('Bankjes in het Oosterpark');
      const showAll = el.shadowRoot!.querySelector<HTMLButtonElement>('.show-all')!;
      expect(plain(showAll.textContent)).to.equal('Alle ideeën tonen');
      await expect(el).to.be.accessible();

      showAll.click();
      await waitUntil(() => parts(el, 'proposal').length === 2, 'no list');
      expect(new URL(window.location.href).searchParams.has('voorstel')).to.equal(false);
      expect(el.shadowRoot!.querySelector('.show-all')).to.equal(null);
      await waitUntil(() => deepActiveElement() === part(el, 'title'));

      // Back returns to the proposal the address named, Forward to the list.
      const back = oneEvent(window, 'popstate');
      window.history.back();
      await back;
      await waitUntil(() => parts(el, 'proposal').length === 1, 'Back not followed');
      await waitUntil(() => discussion(el, P1)?.querySelector('.column'), 'not opened again');
      const forward = oneEvent(window, 'popstate');
      window.history.forward();
      await forward;
      await waitUntil(() => parts(el, 'proposal').length === 2, 'Forward not followed');
    } finally {
      window.history.replaceState(null, '', start);
    }
  });

  it('ignores the page address without proposal-param, and proposal wins over it', async () => {
    const start = window.location.href;
    const withParam = new URL(start);
    withParam.searchParams.set('voorstel', P2);
    window.history.replaceState(null, '', withParam);
    try {
      const el = await board(boardStub());
      await settledWidget(el);
      expect(parts(el, 'proposal')).to.have.length(2);
      const stub = new FetchStub()
        .on('GET', ROUND_URL, json({ data: FULL_ROUND }))
        .on('GET', `${BASE}/api/begroot/proposals/${P1}`, json({ data: PROPOSALS[0] }))
        .on('GET', argumentsUrl(P1), json({ data: ARGUMENTS }));
      const one = await board(stub, { 'proposal-param': 'voorstel', proposal: P1 });
      await settledWidget(one);
      expect(plain(part(one, 'proposal-title')?.textContent)).to.equal('Bankjes in het Oosterpark');
      expect(one.shadowRoot!.querySelector('.show-all')).to.equal(null);
    } finally {
      window.history.replaceState(null, '', start);
    }
  });

  it('says when the proposal does not exist', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: FULL_ROUND }))
      .on('GET', /\/proposals\/missing0001$/, strapiError(404, 'NotFoundError', 'Not found'));
    const el = await board(stub, { proposal: 'missing0001' });
    await settledWidget(el);
    expect(plain(part(el, 'message')?.textContent)).to.equal('Dit idee bestaat niet (meer).');
    await expect(el).to.be.accessible();
  });

  it('shows the discussion without a form when the discussion is closed: until when, and what now', async () => {
    const ended: RoundPublicView = {
      ...FULL_ROUND,
      currentPhase: 'results',
      phases: [
        { kind: 'ideas', start: '2026-01-10T12:00:00.000Z', end: '2026-02-10T12:00:00.000Z' },
        {
          kind: 'deliberation',
          start: '2026-03-01T12:00:00.000Z',
          end: '2026-03-21T12:00:00.000Z',
        },
        { kind: 'voting', start: '2026-04-01T12:00:00.000Z', end: '2026-04-21T12:00:00.000Z' },
        { kind: 'results', start: '2026-05-01T12:00:00.000Z', end: '2099-01-01T12:00:00.000Z' },
      ],
    };
    const el = await board(boardStub(ended));
    await settledWidget(el);
    const area = await open(el, P1);
    expect(area.querySelector('form')).to.equal(null);
    const notice = area.querySelector('[part="notice"]');
    expect(plain(notice?.querySelector('p')?.textContent)).to.equal(
      'Meepraten kon tot 21 april 2026. De bijdragen blijven hier te lezen; nieuwe plaatsen kan niet meer.'
    );
    expect([...notice!.querySelectorAll('li')].map((li) => plain(li.textContent))).to.deep.equal([
      'Van 1 mei 2026 tot 1 januari 2099: de uitslag.',
    ]);
    expect(area.querySelectorAll('[part="action-button"]').length).to.be.greaterThan(0);
    expect(
      [...area.querySelectorAll('[part="action-button"]')].every(
        (button) => plain(button.textContent) === 'Melden'
      )
    ).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says when the discussion opens, in the page language', async () => {
    const later: RoundPublicView = {
      ...FULL_ROUND,
      currentPhase: null,
      phases: [
        { kind: 'ideas', start: '2099-01-10T12:00:00.000Z', end: '2099-02-10T12:00:00.000Z' },
        { kind: 'voting', start: '2099-04-01T12:00:00.000Z', end: '2099-04-21T12:00:00.000Z' },
      ],
    };
    const el = await board(boardStub(later), { lang: 'en' });
    await settledWidget(el);
    const area = await open(el, P1);
    expect(area.querySelector('form')).to.equal(null);
    const notice = area.querySelector('[part="notice"]');
    expect(plain(notice?.textContent)).to.equal(
      'You can join the discussion from January 10, 2099. Until then, read the ideas and what others wrote.'
    );
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await board(boardStub(), { lang: 'en' });
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal(
      'Discuss the ideas for Voorbeeldstad 2027'
    );
    const area = await open(el, P1);
    expect(plain(column(area, 'for').querySelector('[role="heading"]')?.textContent)).to.equal(
      'For (3)'
    );
    expect(plain(area.querySelector('[part="official-badge"]')?.textContent)).to.equal(
      'Official answer from the council'
    );
    expect(plain(area.querySelector('legend')?.textContent)).to.equal('Your contribution is');
    await expect(el).to.be.accessible();
  });

  it('speaks French in an opened discussion, and follows a change of language', async () => {
    const el = await board(boardStub(), { lang: 'fr' });
    await settledWidget(el);
    const area = await open(el, P1);
    expect(plain(column(area, 'for').querySelector('[role="heading"]')?.textContent)).to.equal(
      'Pour (3)'
    );
    expect(plain(area.querySelector('legend')?.textContent)).to.equal('Votre contribution est');
    // The discussions' texts arrive with the board's own in the new language.
    el.lang = 'en';
    await waitUntil(
      () => plain(area.querySelector('legend')?.textContent) === 'Your contribution is'
    );
    expect(plain(part(el, 'title')?.textContent)).to.equal(
      'Discuss the ideas for Voorbeeldstad 2027'
    );
    await expect(el).to.be.accessible();
  });

  it('recovers from failed loads with a retry, for the list and for arguments', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: FULL_ROUND }))
      .on('GET', LIST, new TypeError('Failed to fetch'), list(PROPOSALS))
      .on(
        'GET',
        argumentsUrl(P1),
        strapiError(500, 'InternalServerError', 'boom'),
        json({ data: ARGUMENTS })
      );
    const container = providerWith(stub);
    const failed = oneEvent(container, 'begroot-request-failed');
    const el = await board(stub, {}, container);
    expect((await failed).detail.kind).to.equal('network');
    await settledWidget(el);
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await waitUntil(() => parts(el, 'proposal').length === 2);
    await waitUntil(() => deepActiveElement() === part(el, 'title'));

    const area = await open(el, P1);
    expect(plain(area.querySelector('[part="message"]')?.textContent)).to.equal(
      'De server kon de gegevens nu niet leveren.'
    );
    await expect(el).to.be.accessible();
    area.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitUntil(() => area.querySelectorAll('.argument').length === 5);
  });

  it('loads more proposals on request and moves focus to the first new one', async () => {
    const more = proposal('proposal00003', { title: 'Fietsenrekken' });
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: FULL_ROUND }))
      .on('GET', /page=1&/, list(PROPOSALS, 1, 2))
      .on('GET', /page=2&/, list([more], 2, 2));
    const el = await board(stub);
    await settledWidget(el);
    const button = part(el, 'secondary-button')!;
    expect(plain(button.textContent)).to.equal('Meer ideeën tonen');
    button.click();
    await waitUntil(() => parts(el, 'proposal').length === 3);
    await waitUntil(
      () => deepActiveElement() === el.shadowRoot!.querySelector('[id="p-proposal00003-title"]')
    );
    expect(part(el, 'secondary-button')).to.equal(null);
  });

  it('shows a failure to load more proposals, moves focus to it, and tries again', async () => {
    const more = proposal('proposal00003', { title: 'Fietsenrekken' });
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: FULL_ROUND }))
      .on('GET', /page=1&/, list(PROPOSALS, 1, 2))
      .on('GET', /page=2&/, new TypeError('Failed to fetch'), list([more], 2, 2));
    const el = await board(stub);
    await settledWidget(el);
    part(el, 'secondary-button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.more-problem'), 'no visible problem');
    const problem = el.shadowRoot!.querySelector<HTMLElement>('.more-problem')!;
    expect(plain(problem.textContent)).to.contain('geen verbinding');
    await waitUntil(() => deepActiveElement() === problem, 'focus not on the problem');
    expect(liveText(el)).to.equal(plain(problem.textContent));
    expect(parts(el, 'proposal')).to.have.length(2);
    await expect(el).to.be.accessible();
    part(el, 'secondary-button')!.click();
    await waitUntil(() => parts(el, 'proposal').length === 3);
    expect(el.shadowRoot!.querySelector('.more-problem')).to.equal(null);
  });

  it('reflows at 320 CSS pixels (400 % zoom) without scrolling sideways', async () => {
    const el = await board(boardStub());
    await settledWidget(el);
    el.style.inlineSize = '320px';
    await open(el, P1);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 2);
  });

  it('uses system colours in forced-colours mode', async () => {
    const el = await board(boardStub());
    await settledWidget(el);
    const area = await open(el, P1);
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      const official = area.querySelector<HTMLElement>('.argument.official')!;
      expect(getComputedStyle(official).borderTopStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });
});

describe('<begroot-deliberation-board> tokens', () => {
  it('tokens.json lists exactly the custom properties the styles read, each with a fallback', async () => {
    const css = deliberationBoardStyles.map((sheet) => sheet.cssText).join('\n');
    await checkTokens('deliberation-board', css, new URL('./tokens.json', import.meta.url));
  });
});
