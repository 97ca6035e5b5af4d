import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type {
  ExecutionView,
  ProposalOutcomeView,
  ProposalPublicView,
  RejectedProposalView,
} from '@begroot/core';
import '../define/begroot-project-tracker.js';
import {
  FetchStub,
  PROPOSALS_URL,
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
  proposal,
  proposalPage,
  providerWith,
  resetPageBetweenTests,
  settledWidget,
  strapiError,
} from '../test/helpers.js';
import { projectTrackerStyles } from './project-tracker.styles.js';
import { projectOf } from './project-tracker.js';

function funded(
  id: string,
  district: string,
  execution: ExecutionView,
  overrides: Partial<ProposalPublicView> = {}
): ProposalPublicView {
  return proposal(id, {
    district,
    status: execution.status,
    officialCost: execution.granted,
    updates: execution.updates,
    execution,
    ...overrides,
  });
}

const SPEELTUIN = funded('oost00000001', 'oost', {
  status: 'in_progress',
  progress: 60,
  spent: 12_000,
  granted: 20_000,
  updates: [
    { date: '2027-05-01T10:00:00.000Z', text: 'De eerste toestellen staan er.' },
    { date: '2027-06-15T10:00:00.000Z', text: 'De glijbaan is geplaatst.' },
  ],
});
const BANKEN = funded('noord0000001', 'noord', {
  status: 'completed',
  progress: 100,
  spent: 33_000,
  granted: 30_000,
  updates: [{ date: '2027-04-01T10:00:00.000Z', text: 'Alle banken staan er.' }],
});
const BOMEN = funded('west00000001', 'west', {
  status: 'planned',
  progress: 0,
  spent: 0,
  granted: 50_000,
  updates: [],
});
const FIETSEN = funded('oost00000002', 'oost', {
  status: 'funded',
  progress: 0,
  spent: 0,
  granted: 8_000,
  updates: [],
});
const NOT_FUNDED = proposal('oost00000003', {
  title: 'Hondenveld',
  status: 'not_funded',
  history: [
    { status: 'admitted', at: '2027-02-01T10:00:00.000Z', reason: null },
    { status: 'not_funded', at: '2027-04-25T10:00:00.000Z', reason: 'Te weinig stemmen.' },
  ],
});
const MERGED = proposal('oost00000004', {
  title: 'Schommel',
  status: 'merged',
  mergedInto: 'oost00000001',
});
/** A rejected idea as the server serves it: the city's decision, without the resident's text. */
const REJECTED: RejectedProposalView = {
  documentId: 'west00000002',
  round: 'voorbeeldstad-2027',
  district: 'west',
  theme: null,
  title: 'Zwembad',
  status: 'rejected',
  publicReason: 'Dit past niet in het budget van een wijk.',
  history: [{ status: 'rejected', at: '2027-02-01T10:00:00.000Z', reason: null }],
  updates: [],
  submittedAt: '2027-01-05T10:00:00.000Z',
};

const ALL: ProposalOutcomeView[] = [
  FIETSEN,
  BANKEN,
  SPEELTUIN,
  NOT_FUNDED,
  MERGED,
  BOMEN,
  REJECTED,
];

/**
 * The server's two lists: `?outcome=all` with every reviewed idea and the count of those awaiting
 * review; the default one with the public statuses only.
 */
function stubWith(proposals: ProposalOutcomeView[] = ALL, awaitingReview = 0): FetchStub {
  const closed = new Set(['rejected', 'merged']);
  return new FetchStub()
    .on('GET', ROUND_URL, json({ data: ROUND }))
    .on(
      'GET',
      /\/proposals\?.*outcome=all/,
      json({
        data: proposals,
        meta: {
          pagination: { page: 1, pageSize: 100, pageCount: 1, total: proposals.length },
          awaitingReview,
        },
      })
    )
    .on(
      'GET',
      PROPOSALS_URL,
      proposalPage(
        proposals.filter((p) => !closed.has(p.status)) as ProposalPublicView[],
        1,
        1,
        100
      )
    );
}

async function tracker(stub: FetchStub, attributes: Record<string, string> = {}) {
  const el = await mountWidget('begroot-project-tracker', providerWith(stub), attributes);
  await settledWidget(el);
  return el;
}

const titles = (el: HTMLElement, list: string) =>
  [...(part(el, list)?.querySelectorAll('[part="project-title"]') ?? [])].map((node) =>
    plain(node.textContent)
  );

describe('<begroot-project-tracker>', () => {
  resetPageBetweenTests();

  it('is registered with its tag and class', () => {
    expect(document.createElement('begroot-project-tracker').constructor.name).to.equal(
      'BegrootProjectTracker'
    );
  });

  it('shows an accessible busy state while loading', async () => {
    const stub = stubWith().hold();
    const el = await mountWidget('begroot-project-tracker', providerWith(stub));
    await expectLoadingState(el, stub, 'De projecten worden geladen…');
  });

  it('shows the funded projects: status, progress, money spent against granted and updates', async () => {
    const stub = stubWith();
    const el = await tracker(stub);
    expect(stub.calls.map((call) => call.url)).to.deep.equal([
      'https://cms.example.nl/api/begroot/rounds/voorbeeldstad-2027',
      'https://cms.example.nl/api/begroot/rounds/voorbeeldstad-2027/proposals?sort=newest&pageSize=100&page=1',
    ]);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Wat er gebeurt met Voorbeeldstad 2027');
    expect(plain(part(el, 'section-title')?.textContent)).to.equal('Gekozen projecten');
    expect(part(el, 'section-title')?.getAttribute('aria-level')).to.equal('3');
    expect(plain(part(el, 'summary')?.textContent)).to.equal(
      '4 projecten gekozen: € 108.000 toegekend, € 45.000 besteed. 1 klaar, 1 in uitvoering, 1 gepland, 1 nog niet begonnen.'
    );
    // Busy first, done last.
    expect(titles(el, 'projects')).to.deep.equal([
      'Voorstel oost00000001',
      'Voorstel west00000001',
      'Voorstel oost00000002',
      'Voorstel noord0000001',
    ]);
    const [speeltuin, bomen, fietsen, banken] = parts(el, 'project');
    const text = (item: HTMLElement | undefined, name: string) =>
      plain(item?.querySelector(`[part~="${name}"]`)?.textContent);
    expect(item(speeltuin, 'project-title')?.getAttribute('aria-level')).to.equal('4');
    expect(text(speeltuin, 'status')).to.equal('In uitvoering');
    expect(text(speeltuin, 'meta')).to.equal('Oost');
    expect(text(speeltuin, 'progress')).to.equal('60% klaar');
    expect(text(speeltuin, 'money')).to.equal('€ 12.000 besteed van € 20.000');
    const fills = [...speeltuin!.querySelectorAll<HTMLElement>('[part="bar-fill"]')].map((fill) =>
      Number(fill.style.getPropertyValue('--_begroot-share'))
    );
    expect(fills).to.deep.equal([0.6, 0.6]);
    expect(speeltuin!.querySelector('[part="bar"]')?.getAttribute('aria-hidden')).to.equal('true');
    // The latest update shows; earlier ones are folded away.
    expect(text(speeltuin, 'updates')).to.equal('15 juni 2027 De glijbaan is geplaatst.');
    expect(speeltuin!.querySelector('[part="updates"]')?.getAttribute('aria-label')).to.equal(
      'Berichten over Voorstel oost00000001'
    );
    const older = speeltuin!.querySelector<HTMLDetailsElement>('[part="older-updates"]')!;
    expect(plain(older.querySelector('summary')?.textContent)).to.equal('1 eerder bericht');
    expect(plain(older.querySelector('.update')?.textContent)).to.equal(
      '1 mei 2027 De eerste toestellen staan er.'
    );
    expect(text(bomen, 'status')).to.equal('Gepland');
    expect(text(fietsen, 'status')).to.equal('Gekozen, nog niet begonnen');
    expect(text(banken, 'status')).to.equal('Klaar');
    expect(banken!.getAttribute('part')).to.equal('project project-completed');
    expect(text(banken, 'overspent')).to.equal('€ 3.000 meer uitgegeven dan toegekend.');
    expect(fietsen!.querySelector('[part="overspent"]')).to.equal(null);
    // Only funded projects unless show="all".
    expect(part(el, 'others')).to.equal(null);
    expect(liveText(el)).to.equal('4 gekozen projecten.');
    await expect(el).to.be.accessible();

    // The folded updates open with the keyboard.
    older.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(older.open).to.equal(true);
  });

  it('filters by district without asking the server again', async () => {
    const stub = stubWith();
    const el = await tracker(stub, { district: 'noord' });
    expect(titles(el, 'projects')).to.deep.equal(['Voorstel noord0000001']);
    const select = part(el, 'select') as HTMLSelectElement;
    expect(select.value).to.equal('noord');
    expect(el.shadowRoot!.querySelector('label[for="district"]')?.textContent?.trim()).to.equal(
      'Wijk'
    );

    select.focus();
    select.value = 'oost';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.getAttribute('district')).to.equal('oost');
    expect(titles(el, 'projects')).to.deep.equal([
      'Voorstel oost00000001',
      'Voorstel oost00000002',
    ]);
    expect(liveText(el)).to.equal('2 gekozen projecten.');
    expect(stub.calls).to.have.length(2);
    await expect(el).to.be.accessible();

    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(parts(el, 'project')).to.have.length(4);

    el.district = 'zuid';
    await el.updateComplete;
    expect(plain(part(el, 'message')?.textContent)).to.equal(
      'De wijk ‘zuid’ hoort niet bij deze ronde.'
    );
    expect(liveText(el)).to.equal('De wijk ‘zuid’ hoort niet bij deze ronde.');
  });

  it('with show="all" also says what became of the other ideas, and why', async () => {
    const stub = stubWith(ALL, 2);
    const el = await tracker(stub, { show: 'all' });
    expect(stub.calls.map((call) => call.url)[1]).to.equal(
      'https://cms.example.nl/api/begroot/rounds/voorbeeldstad-2027/proposals?sort=newest&pageSize=100&page=1&outcome=all'
    );
    expect(plain(part(el, 'awaiting')?.textContent)).to.equal(
      'Nog 2 ideeën wachten op beoordeling door de gemeente.'
    );
    const sections = parts(el, 'section-title').map((node) => plain(node.textContent));
    expect(sections).to.deep.equal(['Gekozen projecten', 'Andere ideeën']);
    const others = parts(el, 'other').map((item) => [
      plain(item.querySelector('[part="project-title"]')?.textContent),
      plain(item.querySelector('[part="status"]')?.textContent),
      plain(item.querySelector('[part="reason"]')?.textContent),
    ]);
    expect(others).to.deep.equal([
      ['Hondenveld', 'Niet gekozen', 'Te weinig stemmen.'],
      ['Schommel', 'Samengevoegd', 'Samengevoegd met ‘Voorstel oost00000001’.'],
      ['Zwembad', 'Afgewezen', 'Dit past niet in het budget van een wijk.'],
    ]);
    expect(liveText(el)).to.equal('4 gekozen projecten, 3 andere ideeën.');
    await expect(el).to.be.accessible();

    el.district = 'west';
    await el.updateComplete;
    expect(
      parts(el, 'other').map((item) =>
        plain(item.querySelector('[part="project-title"]')?.textContent)
      )
    ).to.deep.equal(['Zwembad']);
    // The count is the whole round's, so it goes with a district filter.
    expect(part(el, 'awaiting')).to.equal(null);
  });

  it('reads every page of a long list', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: ROUND }))
      .on('GET', /proposals\?.*page=1$/, proposalPage([SPEELTUIN], 1, 2, 100))
      .on('GET', /proposals\?.*page=2$/, proposalPage([BANKEN], 2, 2, 100));
    const el = await tracker(stub);
    expect(stub.calls.map((call) => call.url.split('&').pop())).to.deep.equal([
      'https://cms.example.nl/api/begroot/rounds/voorbeeldstad-2027',
      'page=1',
      'page=2',
    ]);
    expect(parts(el, 'project')).to.have.length(2);
  });

  it('says so when nothing has been funded (yet), for the round and for a district', async () => {
    const el = await tracker(stubWith([NOT_FUNDED]));
    expect(plain(part(el, 'message')?.textContent)).to.equal('Er zijn nog geen gekozen projecten.');
    expect(part(el, 'summary')).to.equal(null);
    expect(liveText(el)).to.equal('0 gekozen projecten.');
    await expect(el).to.be.accessible();

    const west = await tracker(stubWith([SPEELTUIN]), { district: 'west', show: 'all' });
    expect(parts(west, 'message').map((node) => plain(node.textContent))).to.deep.equal([
      'In West zijn (nog) geen projecten gekozen.',
      'Er zijn geen andere ideeën om te tonen.',
    ]);
    await expect(west).to.be.accessible();
  });

  it('speaks English and French, amounts and dates included', async () => {
    const en = await tracker(stubWith(ALL, 1), { lang: 'en-GB', show: 'all' });
    expect(plain(part(en, 'awaiting')?.textContent)).to.equal(
      '1 more idea is waiting to be reviewed by the city.'
    );
    expect(plain(part(en, 'summary')?.textContent)).to.equal(
      '4 projects funded: €108,000 granted, €45,000 spent. 1 completed, 1 in progress, 1 planned, 1 not started yet.'
    );
    const first = parts(en, 'project')[0]!;
    expect(plain(first.querySelector('[part="money"]')?.textContent)).to.equal(
      '€12,000 spent of €20,000'
    );
    expect(plain(first.querySelector('[part="update-date"]')?.textContent)).to.equal(
      '15 June 2027'
    );
    expect(plain(part(en, 'label')?.textContent)).to.equal('District');
    await expect(en).to.be.accessible();

    const fr = await tracker(stubWith(), { lang: 'fr-BE' });
    expect(plain(part(fr, 'title')?.textContent)).to.equal('Ce que devient Voorbeeldstad 2027');
    expect(
      plain(parts(fr, 'project')[0]!.querySelector('[part="progress"]')?.textContent)
    ).to.equal('60 % réalisé');
    expect(liveText(fr)).to.equal('4 projets retenus.');
    await expect(fr).to.be.accessible();
  });

  it('shows an error with a retry button that the keyboard reaches, and recovers', async () => {
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: ROUND }))
      .on(
        'GET',
        PROPOSALS_URL,
        strapiError(503, 'ServiceUnavailableError', 'busy'),
        proposalPage(ALL.slice(0, 4) as ProposalPublicView[], 1, 1, 100)
      );
    const failures: unknown[] = [];
    const container = providerWith(stub);
    container.addEventListener('begroot-request-failed', (event) => failures.push(event.detail));
    const el = await mountWidget('begroot-project-tracker', container);
    await settledWidget(el);
    expect(plain(part(el, 'error')?.querySelector('.message')?.textContent)).to.equal(
      'De server kon de gegevens nu niet leveren.'
    );
    expect(failures).to.have.length(1);
    await expect(el).to.be.accessible();

    part(el, 'retry-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'projects'), 'did not recover');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(part(el, 'title'));
  });

  it('names a missing round instead of requesting anything', async () => {
    const stub = new FetchStub();
    const el = document.createElement('begroot-project-tracker');
    providerWith(stub).append(el);
    await settledWidget(el);
    expect(stub.calls).to.have.length(0);
    expect(part(el, 'retry-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fits 320 CSS px (400 % zoom) and keeps its bars in forced-colours mode', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const long = funded(
        'oost00000005',
        'oost',
        {
          status: 'in_progress',
          progress: 35,
          spent: 1_234_567,
          granted: 2_345_678,
          updates: [
            { date: '2027-06-15T10:00:00.000Z', text: 'Fietsenstallingsuitbreiding '.repeat(5) },
          ],
        },
        { title: 'Fietsenstallingsuitbreidingsproject '.repeat(3) }
      );
      const el = await tracker(stubWith([long, REJECTED]), { show: 'all' });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const right = el.getBoundingClientRect().right;
      for (const node of el.shadowRoot!.querySelectorAll('*')) {
        const box = node.getBoundingClientRect();
        if (box.width > 0) expect(box.right, node.className).to.be.at.most(right + 1);
      }
      await executeServerCommand('emulate-forced-colors', { active: true });
      try {
        const fill = part(el, 'bar-fill')!;
        expect(getComputedStyle(fill).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
        expect(fill.getBoundingClientRect().width).to.be.greaterThan(0);
        await expect(el).to.be.accessible();
      } finally {
        await executeServerCommand('emulate-forced-colors', { active: false });
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('falls back to the proposal’s own status, cost and updates without execution data', () => {
    const project = projectOf(
      proposal('oost00000009', {
        status: 'planned',
        officialCost: null,
        estimatedCost: 7_500,
        updates: [
          { date: '2027-01-01T00:00:00.000Z', text: 'Eerst' },
          { date: '2027-02-01T00:00:00.000Z', text: 'Later' },
        ],
      })
    )!;
    expect(project.status).to.equal('planned');
    expect([project.progress, project.spent, project.granted]).to.deep.equal([null, null, 7_500]);
    expect(project.updates.map((update) => update.text)).to.deep.equal(['Later', 'Eerst']);
    expect(projectOf(proposal('oost00000010', { status: 'not_funded' }))).to.equal(null);
  });

  it('lists exactly the tokens its styles read, each with a fallback', async () => {
    const cssText = projectTrackerStyles.map((sheet) => sheet.cssText).join('\n');
    await checkTokens('project-tracker', cssText, new URL('./tokens.json', import.meta.url));
  });
});

function item(parent: HTMLElement | undefined, name: string): HTMLElement | null {
  return parent?.querySelector(`[part~="${name}"]`) ?? null;
}
