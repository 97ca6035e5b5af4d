// Every widget on a foreign page: the city's CSS cannot break it, nothing leaks out of its shadow
// root, it keeps working with forced colours and at 400 % zoom (a 320 CSS px wide viewport).
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import type { PanelPublicView, RoundPublicView } from '@begroot/core';
import './define/begroot-budget-meter.js';
import './define/begroot-deliberation-board.js';
import './define/begroot-proposal-form.js';
import './define/begroot-vote-ballot.js';
import './define/begroot-round-timeline.js';
import './define/begroot-project-tracker.js';
import './define/begroot-panel-signup.js';
import { ballotsContext } from './context/keys.js';
import { BallotRegistry } from './controllers/budget.js';
import {
  FULL_ROUND,
  FetchStub,
  PROPOSALS_URL,
  ROUND_URL,
  argument,
  json,
  mountWidget,
  proposal,
  proposalPage,
  providerWith,
  resetPageBetweenTests,
  settledWidget,
} from './test/helpers.js';

const LONG_TITLE =
  'Een bijzonder lang voorstel met woorden als fietsenstallingsuitbreiding '.repeat(3);

const PROPOSALS = [
  proposal('oost000000001', {
    title: LONG_TITLE,
    officialCost: 200_000,
    argumentCounts: { for: 1, against: 0, question: 0 },
  }),
  proposal('oost000000002', { title: 'Speeltuin', officialCost: 30_000 }),
];

const ROUND: RoundPublicView = {
  ...FULL_ROUND,
  currentPhase: 'voting',
  phases: [
    { kind: 'ideas', start: '2026-01-01T00:00:00.000Z', end: '2099-01-01T00:00:00.000Z' },
    { kind: 'deliberation', start: '2026-01-01T00:00:00.000Z', end: '2099-01-01T00:00:00.000Z' },
    { kind: 'voting', start: '2026-01-01T00:00:00.000Z', end: '2099-01-01T00:00:00.000Z' },
  ],
  voting: { ...FULL_ROUND.voting, method: 'knapsack', districtScope: 'own' },
  verification: { methods: ['code'] },
};

/** The citizens' panel open for sign-ups. */
const PANEL: PanelPublicView = {
  round: 'voorbeeldstad-2027',
  algorithm: 'begroot-panel-draw/1',
  status: 'open',
  seats: null,
  seed: null,
  stratifyBy: ['district'],
  volunteers: 0,
  poolSha256: '0'.repeat(64),
  strata: [],
  draw: null,
  voidedDraws: [],
};

function pageStub(): FetchStub {
  return new FetchStub()
    .on('GET', ROUND_URL, json({ data: ROUND }))
    .on('GET', PROPOSALS_URL, proposalPage(PROPOSALS))
    .on('GET', /\/arguments$/, json({ data: [argument('arg0000001', 'oost000000001')] }))
    .on('GET', `${ROUND_URL}/panel`, json({ data: PANEL }));
}

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

/** Each widget in its everyday state, on a page of its own (with its own ballots for the ballot). */
const WIDGETS: { tag: keyof HTMLElementTagNameMap; attributes: Record<string, string> }[] = [
  { tag: 'begroot-budget-meter', attributes: {} },
  { tag: 'begroot-proposal-form', attributes: {} },
  { tag: 'begroot-deliberation-board', attributes: {} },
  { tag: 'begroot-vote-ballot', attributes: { district: 'oost' } },
  { tag: 'begroot-round-timeline', attributes: { 'vote-href': '/stemmen' } },
  { tag: 'begroot-project-tracker', attributes: { show: 'all' } },
  { tag: 'begroot-panel-signup', attributes: {} },
];

async function mount(tag: keyof HTMLElementTagNameMap, attributes: Record<string, string>) {
  const container = providerWith(pageStub());
  new ContextProvider(container, { context: ballotsContext, initialValue: new BallotRegistry() });
  const el = (await mountWidget(tag, container, attributes)) as unknown as Widget;
  await settledWidget(el);
  return el;
}

/** Everything in a shadow root (and nested ones), the way a person sees the widget. */
function inside(root: ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].flatMap((node) =>
    node.shadowRoot ? [node, ...inside(node.shadowRoot)] : [node]
  );
}

/** The widget's own text and controls that should be on screen in this state. */
function visibleParts(el: Widget): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="title"], button, input')].filter(
    (node) =>
      !node.closest('[hidden]') &&
      node.getAttribute('type') !== 'hidden' &&
      !node.closest('.visually-hidden, .honeypot')
  );
}

/** A page stylesheet that is as hostile as page styles get. */
const HOSTILE = `
  *, *::before, *::after { all: unset !important; }
  button, input, select, textarea, p, span, li, ul, ol, label, h1, h2, h3, [part], [role] {
    display: none !important;
  }
  div, section { color: rgb(255, 0, 0) !important; font: italic 4px/1 serif !important; }
  html { font-size: 62.5% !important; }
`;

describe('every widget on a foreign page', () => {
  // Drafts, selections and receipts only: the visitor's seed belongs to the board's suite, which
  // runs in a parallel tab and checks that the seed outlives a visit.
  resetPageBetweenTests('begroot:ballot:', 'begroot:receipt:', 'begroot:proposal-draft:');

  for (const { tag, attributes } of WIDGETS) {
    describe(`<${tag}>`, () => {
      it("is not broken by the page's own CSS", async () => {
        const style = document.createElement('style');
        style.textContent = HOSTILE;
        document.head.append(style);
        try {
          const el = await mount(tag, attributes);
          expect(getComputedStyle(el).display).to.equal('block');
          const shown = visibleParts(el);
          expect(shown.length, 'nothing to look at').to.be.greaterThan(0);
          for (const node of shown) {
            const box = node.getBoundingClientRect();
            const style = getComputedStyle(node);
            expect(
              box.height,
              `${node.localName}.${node.className} is not shown`
            ).to.be.greaterThan(0);
            expect(style.color).not.to.equal('rgb(255, 0, 0)');
            expect(parseFloat(style.fontSize)).to.be.at.least(12);
            if (node.localName === 'button') expect(box.height).to.be.at.least(44);
          }
        } finally {
          style.remove();
        }
      });

      it('leaves the page as it was: no styles, globals or elements outside its shadow root', async () => {
        const probe = document.createElement('p');
        probe.innerHTML = 'Tekst van de stad <button type="button">Knop</button>';
        document.body.append(probe);
        const look = () =>
          [probe, probe.firstElementChild!].map((node) => {
            const style = getComputedStyle(node);
            return [
              style.color,
              style.fontFamily,
              style.fontSize,
              style.display,
              style.boxSizing,
              style.margin,
            ];
          });
        const before = {
          look: look(),
          globals: Object.keys(window).sort(),
          head: document.head.children.length,
          sheets: document.styleSheets.length,
          adopted: document.adoptedStyleSheets.length,
          html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
        };
        const el = await mount(tag, attributes);
        const container = el.parentElement!;
        expect(look()).to.deep.equal(before.look);
        expect(Object.keys(window).sort()).to.deep.equal(before.globals);
        expect(document.head.children.length).to.equal(before.head);
        expect(document.styleSheets.length).to.equal(before.sheets);
        expect(document.adoptedStyleSheets.length).to.equal(before.adopted);
        expect(
          [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`)
        ).to.deep.equal(before.html);
        // Light DOM: only what the page put there.
        expect([...container.children]).to.deep.equal([el]);
        expect(el.children).to.have.length(0);
        expect(document.querySelectorAll('[part], [role="status"]')).to.have.length(0);
      });

      it('uses system colours in forced-colours mode: every control keeps a visible edge', async () => {
        const el = await mount(tag, attributes);
        await executeServerCommand('emulate-forced-colors', { active: true });
        try {
          expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
          for (const node of inside(el.shadowRoot!)) {
            if (
              !node.matches(
                'button, input:not([type="hidden"], [type="checkbox"], [type="radio"]), select, textarea'
              )
            )
              continue;
            if ((node as HTMLElement).offsetParent === null) continue;
            const style = getComputedStyle(node);
            expect(style.borderTopStyle, `${node.localName}#${node.id} has no edge`).not.to.equal(
              'none'
            );
            expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
          }
          await expect(el).to.be.accessible();
        } finally {
          await executeServerCommand('emulate-forced-colors', { active: false });
        }
      });

      it('reflows in a 320 CSS px viewport (400 % zoom) without scrolling sideways', async () => {
        await setViewport({ width: 320, height: 640 });
        try {
          const el = await mount(tag, attributes);
          expect(el.scrollWidth, 'the widget scrolls sideways').to.be.at.most(el.clientWidth + 1);
          expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(
            320
          );
          const right = el.getBoundingClientRect().right;
          for (const node of inside(el.shadowRoot!)) {
            const box = node.getBoundingClientRect();
            if (box.width === 0) continue;
            expect(box.right, `${node.localName}.${node.className} sticks out`).to.be.at.most(
              right + 1
            );
          }
          await expect(el).to.be.accessible();
        } finally {
          await setViewport({ width: 800, height: 600 });
        }
      });
    });
  }
});
