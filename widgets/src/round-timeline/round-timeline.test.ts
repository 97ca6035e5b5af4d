import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RoundPublicView } from '@begroot/core';
import '../define/begroot-round-timeline.js';
import {
  FetchStub,
  ROUND,
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
  providerWith,
  resetPageBetweenTests,
  settledWidget,
  strapiError,
} from '../test/helpers.js';
import { roundTimelineStyles } from './round-timeline.styles.js';
import { daysUntil, stepsOf } from './round-timeline.js';

const DAY = 86_400_000;
/** An instant `days` from now, a little before the hour so whole days count as they read. */
const inDays = (days: number) => new Date(Date.now() + days * DAY - 3_600_000).toISOString();

/** Ideas and review are over (review closed early), deliberation is open, voting and results come. */
function scheduled(): RoundPublicView {
  return {
    ...ROUND,
    currentPhase: 'deliberation',
    phases: [
      // Out of order on purpose: the timeline sorts by date.
      { kind: 'voting', start: inDays(3), end: inDays(20) },
      { kind: 'ideas', start: '2020-01-10T12:00:00.000Z', end: '2020-02-10T12:00:00.000Z' },
      {
        kind: 'review',
        start: '2020-02-10T12:00:00.000Z',
        end: '2020-04-01T12:00:00.000Z',
        closedAt: '2020-03-15T12:00:00.000Z',
      },
      { kind: 'deliberation', start: inDays(-10), end: inDays(5) },
      { kind: 'results', start: inDays(30), end: inDays(60) },
    ],
  };
}

const LINKS = {
  'proposal-href': '/ideeen',
  'discussion-href': '/meepraten',
  'vote-href': 'https://stemmen.example.nl/',
  'results-href': '/uitslag',
};

function timeline(stub: FetchStub, attributes: Record<string, string> = {}) {
  return mountWidget('begroot-round-timeline', providerWith(stub), attributes);
}

async function loaded(round: RoundPublicView, attributes: Record<string, string> = {}) {
  const el = await timeline(
    new FetchStub().on('GET', ROUND_URL, json({ data: round })),
    attributes
  );
  await settledWidget(el);
  return el;
}

describe('<begroot-round-timeline>', () => {
  resetPageBetweenTests();

  it('is registered with its tag and class', () => {
    expect(document.createElement('begroot-round-timeline').constructor.name).to.equal(
      'BegrootRoundTimeline'
    );
  });

  it('shows an accessible busy state while loading', async () => {
    const stub = new FetchStub().hold().reply(json({ data: scheduled() }));
    await expectLoadingState(await timeline(stub), stub, 'De planning wordt geladen…');
  });

  it('lists the steps in date order with the current one marked, dates and what to do now', async () => {
    const el = await loaded(scheduled(), LINKS);
    const title = part(el, 'title')!;
    expect(title.getAttribute('aria-level')).to.equal('2');
    expect(plain(title.textContent)).to.equal('Zo verloopt Voorbeeldstad 2027');
    expect(plain(part(el, 'summary')?.textContent)).to.equal('Nu: meepraten.');
    expect(part(el, 'steps')?.localName).to.equal('ol');

    const steps = parts(el, 'step');
    const names = steps.map((step) => plain(step.querySelector('[part="step-name"]')?.textContent));
    expect(names).to.deep.equal([
      'Ideeën indienen',
      'Beoordeling',
      'Meepraten',
      'Stemmen',
      'Uitslag',
    ]);
    expect(steps.map((step) => step.getAttribute('aria-current'))).to.deep.equal([
      null,
      null,
      'step',
      null,
      null,
    ]);
    expect(
      steps.map((step) => plain(step.querySelector('[part="step-state"]')?.textContent))
    ).to.deep.equal(['Afgerond', 'Afgerond', 'Nu bezig', 'Komt nog', 'Komt nog']);
    expect(steps[0]!.getAttribute('part')).to.equal('step step-done');
    expect(steps[2]!.getAttribute('part')).to.equal('step step-current');
    expect(steps[3]!.getAttribute('part')).to.equal('step step-upcoming');
    expect(steps[0]!.querySelector('[part="step-name"]')?.getAttribute('aria-level')).to.equal('3');

    const text = (index: number, name: string) =>
      plain(steps[index]!.querySelector(`[part="${name}"]`)?.textContent);
    expect(text(0, 'step-dates')).to.equal('10 januari 2020 – 10 februari 2020');
    expect(text(0, 'step-when')).to.equal('Gesloten op 10 februari 2020');
    // Closed early: the dates end when it closed, and the text says so.
    expect(text(1, 'step-dates')).to.equal('10 februari 2020 – 15 maart 2020');
    expect(text(1, 'step-when')).to.equal('Eerder gesloten, op 15 maart 2020');
    expect(text(2, 'step-when')).to.equal('Sluit over 5 dagen');
    expect(text(2, 'step-text')).to.equal(
      'Lees de voorstellen en geef uw argumenten voor of tegen.'
    );
    expect(text(3, 'step-when')).to.equal('Begint over 3 dagen');
    expect(text(3, 'step-text')).to.equal('Bewoners kiezen de voorstellen die worden uitgevoerd.');

    // Links only where they help now: the open step's page (not the closed ideas, not the
    // ballot before voting opens, not the results before they are out).
    const links = parts(el, 'step-link');
    expect(links.map((a) => [plain(a.textContent), a.getAttribute('href')])).to.deep.equal([
      ['Meepraten over de voorstellen', '/meepraten'],
    ]);
    expect(steps[2]!.contains(links[0]!)).to.equal(true);
    expect(liveText(el)).to.equal('Planning geladen: 5 stappen.');
    await expect(el).to.be.accessible();

    // The link is reached with the keyboard.
    (links[0] as HTMLAnchorElement).focus();
    expect(deepActiveElement()).to.equal(links[0]);
  });

  it('says what comes next between steps, and links results once they are out', async () => {
    const between = await loaded(
      {
        ...scheduled(),
        currentPhase: null,
        phases: [
          { kind: 'ideas', start: inDays(-30), end: inDays(-2) },
          { kind: 'voting', start: inDays(1), end: inDays(10) },
        ],
      },
      LINKS
    );
    expect(plain(part(between, 'summary')?.textContent)).to.equal(
      'Volgende stap: stemmen, begint morgen.'
    );
    expect(parts(between, 'step').some((step) => step.hasAttribute('aria-current'))).to.equal(
      false
    );
    expect(parts(between, 'step-link')).to.have.length(0);
    await expect(between).to.be.accessible();

    const over = await loaded(
      {
        ...scheduled(),
        currentPhase: null,
        phases: [
          { kind: 'voting', start: inDays(-30), end: inDays(-20) },
          { kind: 'results', start: inDays(-20), end: inDays(-1) },
        ],
      },
      LINKS
    );
    expect(plain(part(over, 'summary')?.textContent)).to.equal(
      'Alle stappen van deze ronde zijn afgerond.'
    );
    expect(parts(over, 'step-link').map((a) => a.getAttribute('href'))).to.deep.equal(['/uitslag']);
    await expect(over).to.be.accessible();
  });

  it('never links a javascript: address', async () => {
    const el = await loaded(scheduled(), { 'discussion-href': 'javascript:alert(1)' });
    expect(parts(el, 'step-link')).to.have.length(0);
  });

  it('says so when the round has no schedule yet', async () => {
    const el = await loaded({ ...ROUND, phases: [], currentPhase: null });
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'De planning van deze ronde is nog niet bekend.'
    );
    expect(part(el, 'steps')).to.equal(null);
    expect(liveText(el)).to.equal('De planning van deze ronde is nog niet bekend.');
    await expect(el).to.be.accessible();
  });

  it('speaks English and French, dates and relative times included', async () => {
    const en = await loaded(scheduled(), { lang: 'en-GB' });
    const steps = parts(en, 'step');
    expect(plain(part(en, 'title')?.textContent)).to.equal('How Voorbeeldstad 2027 works');
    expect(plain(part(en, 'summary')?.textContent)).to.equal('Now: discussion.');
    expect(plain(steps[0]!.querySelector('[part="step-when"]')?.textContent)).to.equal(
      'Closed on 10 February 2020'
    );
    expect(plain(steps[3]!.querySelector('[part="step-when"]')?.textContent)).to.equal(
      'Opens in 3 days'
    );
    expect(plain(steps[2]!.querySelector('[part="step-state"]')?.textContent)).to.equal('Now open');
    await expect(en).to.be.accessible();

    const fr = await loaded(scheduled(), { lang: 'fr-BE' });
    const frSteps = parts(fr, 'step');
    expect(plain(part(fr, 'title')?.textContent)).to.equal('Le déroulement de Voorbeeldstad 2027');
    expect(plain(frSteps[0]!.querySelector('[part="step-dates"]')?.textContent)).to.equal(
      '10 janvier 2020 – 10 février 2020'
    );
    expect(plain(frSteps[3]!.querySelector('[part="step-when"]')?.textContent)).to.equal(
      'Commence dans 3 jours'
    );
    expect(liveText(fr)).to.equal('Calendrier chargé : 5 étapes.');
    await expect(fr).to.be.accessible();

    fr.lang = 'nl';
    await waitUntil(() => plain(part(fr, 'summary')?.textContent) === 'Nu: meepraten.');
  });

  it('shows an error with a retry button that the keyboard reaches, and recovers', async () => {
    const stub = new FetchStub().on(
      'GET',
      ROUND_URL,
      strapiError(500, 'ApplicationError', 'boom'),
      json({ data: scheduled() })
    );
    const failures: unknown[] = [];
    const container = providerWith(stub);
    container.addEventListener('begroot-request-failed', (event) => failures.push(event.detail));
    const el = await mountWidget('begroot-round-timeline', container);
    await settledWidget(el);
    expect(plain(part(el, 'error')?.querySelector('.message')?.textContent)).to.equal(
      'De server kon de gegevens nu niet leveren.'
    );
    expect(failures).to.have.length(1);
    await expect(el).to.be.accessible();

    const retry = part(el, 'retry-button')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'steps'), 'did not recover');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(part(el, 'title'));
  });

  it('names a missing round instead of requesting anything, without a retry', async () => {
    const stub = new FetchStub();
    const el = document.createElement('begroot-round-timeline');
    providerWith(stub).append(el);
    await settledWidget(el);
    expect(stub.calls).to.have.length(0);
    expect(plain(part(el, 'error')?.textContent)).to.contain('round');
    expect(part(el, 'retry-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('places steps by the server’s current phase and the clock', () => {
    const now = Date.parse('2027-03-10T00:00:00.000Z');
    const phases = [
      {
        kind: 'ideas' as const,
        start: '2027-01-01T00:00:00.000Z',
        end: '2027-04-01T00:00:00.000Z',
      },
      {
        kind: 'voting' as const,
        start: '2027-03-01T00:00:00.000Z',
        end: '2027-03-20T00:00:00.000Z',
      },
      {
        kind: 'results' as const,
        start: '2027-04-01T00:00:00.000Z',
        end: '2027-05-01T00:00:00.000Z',
      },
    ];
    // Overlapping ideas stay open, but only the server's current phase is marked.
    expect(
      stepsOf({ phases, currentPhase: 'voting' }, now).map((s) => [s.phase.kind, s.state, s.marked])
    ).to.deep.equal([
      ['ideas', 'current', false],
      ['voting', 'current', true],
      ['results', 'upcoming', false],
    ]);
    expect(daysUntil(now + 1, now)).to.equal(1);
    expect(daysUntil(now - DAY, now)).to.equal(0);
  });

  it('lists exactly the tokens its styles read, each with a fallback', async () => {
    const cssText = roundTimelineStyles.map((sheet) => sheet.cssText).join('\n');
    await checkTokens('round-timeline', cssText, new URL('./tokens.json', import.meta.url));
  });
});
