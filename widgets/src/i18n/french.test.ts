// French (Brussels) in every widget: `lang="fr"` on the page, an ancestor or the element picks it,
// texts and amounts alike; axe finds nothing in French either.
import { expect } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import type { RoundPublicView } from '@begroot/core';
import '../define/begroot-budget-meter.js';
import '../define/begroot-deliberation-board.js';
import '../define/begroot-proposal-form.js';
import '../define/begroot-vote-ballot.js';
import { ballotsContext } from '../context/keys.js';
import { BallotRegistry } from '../controllers/budget.js';
import {
  FULL_ROUND,
  FetchStub,
  PROPOSALS_URL,
  ROUND,
  ROUND_URL,
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
} from '../test/helpers.js';

const PROPOSALS = [
  proposal('oost000000001', { title: 'Bancs au parc', officialCost: 200_000 }),
  proposal('oost000000002', { title: 'Plaine de jeux', district: 'west', officialCost: 30_000 }),
];

const VOTING_ROUND: RoundPublicView = {
  ...FULL_ROUND,
  currentPhase: 'voting',
  phases: [{ kind: 'voting', start: '2026-01-01T00:00:00.000Z', end: '2099-01-01T00:00:00.000Z' }],
  voting: { ...FULL_ROUND.voting, method: 'knapsack', districtScope: 'own' },
  verification: { methods: ['code'] },
};

const stubWith = (round: RoundPublicView) =>
  new FetchStub()
    .on('GET', ROUND_URL, json({ data: round }))
    .on('GET', PROPOSALS_URL, proposalPage(PROPOSALS))
    .on('GET', /\/arguments$/, json({ data: [] }));

describe('French in every widget', () => {
  // Drafts, selections and receipts only: the visitor's seed belongs to the board's suite, which
  // runs in a parallel tab and checks that the seed outlives a visit.
  resetPageBetweenTests('begroot:ballot:', 'begroot:receipt:', 'begroot:proposal-draft:');

  it('the budget meter speaks French with lang="fr" on the page, and formats the Belgian way', async () => {
    document.documentElement.lang = 'fr';
    const el = await mountWidget('begroot-budget-meter', providerWith(stubWith(ROUND)));
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Budget de Voorbeeldstad 2027');
    expect(plain(part(el, 'total-amount')?.textContent)).to.equal('1 500 000 €');
    expect(plain(parts(el, 'share')[0]?.textContent)).to.equal('27 % du total');
    expect(liveText(el)).to.equal('Budget chargé : 1 500 000 € réparti sur 3 quartiers.');
    await expect(el).to.be.accessible();

    el.lang = 'nl-BE';
    await settledWidget(el);
    expect(plain(part(el, 'total-amount')?.textContent)).to.equal('€ 1.500.000');
  });

  it('the budget meter shows results in French with lang="fr-BE" on the element', async () => {
    const stub = stubWith(ROUND).on(
      'GET',
      `${ROUND_URL}/results`,
      json({
        data: {
          rule: {},
          districts: [
            {
              district: 'noord',
              budget: 400_000,
              spent: 200_000,
              proposals: [
                {
                  documentId: 'n1',
                  title: 'Bancs',
                  cost: 200_000,
                  votes: 3,
                  funded: true,
                  explanation: {},
                },
              ],
            },
          ],
        },
        meta: { ballots: 1 },
      })
    );
    const el = await mountWidget('begroot-budget-meter', providerWith(stub), {
      mode: 'results',
      lang: 'fr-BE',
    });
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Résultats de Voorbeeldstad 2027');
    expect(plain(part(el, 'spent')?.textContent)).to.equal(
      '200 000 € dépensés, reste 200 000 € sur 400 000 €'
    );
    expect(plain(part(el, 'legend-item')?.textContent)).to.equal('Bancs 200 000 € 50 % du budget');
    expect(plain(el.shadowRoot!.textContent)).to.contain('Dépouillés : 1 bulletin.');
    expect(liveText(el)).to.equal('Résultats chargés : 1 projet retenu dans 1 quartier.');
    await expect(el).to.be.accessible();
  });

  it('the proposal form speaks French with lang="fr" on an ancestor', async () => {
    const container = providerWith(stubWith(FULL_ROUND));
    container.lang = 'fr';
    const el = await mountWidget('begroot-proposal-form', container);
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal('Votre idée pour Voorbeeldstad 2027');
    const label = el.shadowRoot!.querySelector('label[for="field-estimatedCost"]');
    expect(plain(label?.textContent)).to.contain('Coût estimé (en EUR)');
    expect(plain(label?.textContent)).to.contain('(facultatif)');
    await expect(el).to.be.accessible();
  });

  it('the deliberation board speaks French with lang="fr" on the element', async () => {
    const el = await mountWidget('begroot-deliberation-board', providerWith(stubWith(FULL_ROUND)), {
      lang: 'fr',
    });
    await settledWidget(el);
    expect(plain(part(el, 'title')?.textContent)).to.equal(
      'Discutez des idées pour Voorbeeldstad 2027'
    );
    const meta = parts(el, 'proposal')[1]!.querySelector('[part="proposal-meta"]');
    expect(plain(meta?.textContent)).to.contain('Coût selon la commune : 30 000 €');
    expect(liveText(el)).to.equal('2 idées chargées.');
    await expect(el).to.be.accessible();
  });

  it('the vote ballot speaks French with lang="fr" on the page', async () => {
    document.documentElement.lang = 'fr';
    const container = providerWith(stubWith(VOTING_ROUND));
    new ContextProvider(container, { context: ballotsContext, initialValue: new BallotRegistry() });
    const el = await mountWidget('begroot-vote-ballot', container, { district: 'oost' });
    await settledWidget(el);
    expect(plain(part(el, 'step')?.textContent)).to.equal('Étape 1 sur 3 : Choisir');
    expect(plain(part(el, 'instructions')?.textContent)).to.equal(
      'Choisissez des projets qui, ensemble, ne coûtent pas plus de 500 000 €.'
    );
    await expect(el).to.be.accessible();
  });
});
