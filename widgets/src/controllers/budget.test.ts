import { expect } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import type { ProposalPublicView, RoundPublicView, VotingSettings } from '@begroot/core';
import '../define/begroot-vote-ballot.js';
import '../define/begroot-budget-meter.js';
import { ballotsContext } from '../context/keys.js';
import { BallotRegistry, BallotStore, selectionKey } from './budget.js';
import {
  FULL_ROUND,
  FetchStub,
  PROPOSALS_URL,
  ROUND_URL,
  json,
  mountWidget,
  part,
  plain,
  proposal,
  proposalPage,
  providerWith,
  resetPageBetweenTests,
  settledWidget,
} from '../test/helpers.js';

const knapsack: VotingSettings = {
  method: 'knapsack',
  minSelections: 1,
  maxSelections: null,
  points: null,
  minSpendShare: 0,
  districtScope: 'own',
  revote: 'forbid',
  askAgeBand: false,
  ageBands: [],
};

/**
 * A round voting by knapsack, except in Noord (approval, at most two choices) and West (ten
 * points to spread), as the public view gives each district's effective settings.
 */
const ROUND: RoundPublicView = {
  ...FULL_ROUND,
  currentPhase: 'voting',
  phases: [{ kind: 'voting', start: '2026-01-01T00:00:00.000Z', end: '2099-01-01T00:00:00.000Z' }],
  voting: knapsack,
  verification: { methods: ['code'] },
  districts: [
    {
      slug: 'noord',
      name: 'Noord',
      budget: 400_000,
      voting: { ...knapsack, method: 'approval', maxSelections: 2 },
      counting: { ...FULL_ROUND.counting, rule: 'greedy' },
    },
    { slug: 'oost', name: 'Oost', budget: 500_000, voting: knapsack },
    {
      slug: 'west',
      name: 'West',
      budget: 600_000,
      voting: { ...knapsack, method: 'points', points: 10 },
    },
  ],
};

const PROPOSALS: ProposalPublicView[] = [
  proposal('noord00000001', { title: 'Speeltuin', district: 'noord', officialCost: 300_000 }),
  proposal('noord00000002', { title: 'Bankjes', district: 'noord', officialCost: 200_000 }),
  proposal('noord00000003', { title: 'Bomen', district: 'noord', officialCost: 50_000 }),
  proposal('oost000000001', { title: 'Plein', district: 'oost', officialCost: 300_000 }),
  proposal('oost000000002', { title: 'Fietspad', district: 'oost', officialCost: 300_000 }),
  proposal('west000000001', { title: 'Moestuin', district: 'west', officialCost: 100_000 }),
];

const codes = (store: BallotStore) => store.issues.map((issue) => issue.code);

describe('BallotStore: each district’s own ballot rules', () => {
  resetPageBetweenTests('begroot:ballot:');

  function store(district: string): BallotStore {
    const ballot = new BallotStore(`districts-${Math.random()}`);
    ballot.persist = false;
    ballot.load(ROUND, PROPOSALS);
    ballot.setDistrict(district);
    return ballot;
  }

  it('follows the voter’s district’s rules, and the round’s before a district is chosen', () => {
    const ballot = new BallotStore(`districts-${Math.random()}`);
    ballot.persist = false;
    ballot.load(ROUND, PROPOSALS);
    expect(ballot.voting.method).to.equal('knapsack');
    ballot.setDistrict('noord');
    expect(ballot.voting.method).to.equal('approval');
    expect(ballot.voting.maxSelections).to.equal(2);
    ballot.setDistrict('oost');
    expect(ballot.voting.method).to.equal('knapsack');
  });

  it('checks Noord’s ballot by approval: over its budget is fine, a third choice is not', () => {
    const noord = store('noord');
    noord.toggle('noord00000001');
    noord.toggle('noord00000002');
    expect(noord.spent).to.equal(500_000);
    expect(codes(noord)).to.deep.equal([]);
    noord.toggle('noord00000003');
    expect(codes(noord)).to.deep.equal(['too_many']);
  });

  it('checks Oost’s ballot by knapsack: over its budget is not fine', () => {
    const oost = store('oost');
    oost.toggle('oost000000001');
    oost.toggle('oost000000002');
    expect(codes(oost)).to.deep.equal(['over_budget']);
  });

  it('gives West’s choices points, and drops them when the voter moves to another district', () => {
    const ballot = store('west');
    ballot.toggle('west000000001');
    expect(ballot.selections).to.deep.equal([{ proposal: 'west000000001', points: 1 }]);
    expect(codes(ballot)).to.deep.equal(['points_total']);
    ballot.setPoints('west000000001', 10);
    expect(codes(ballot)).to.deep.equal([]);
    ballot.setDistrict('noord');
    expect(ballot.selections).to.deep.equal([{ proposal: 'west000000001' }]);
    expect(codes(ballot)).to.deep.equal(['wrong_district']);
  });

  it('follows the round’s rules where the server gives no district settings (older servers)', () => {
    const ballot = new BallotStore(`districts-${Math.random()}`);
    ballot.persist = false;
    ballot.load(
      {
        ...ROUND,
        districts: ROUND.districts.map(({ slug, name, budget }) => ({ slug, name, budget })),
      },
      PROPOSALS
    );
    ballot.setDistrict('noord');
    expect(ballot.voting).to.deep.equal(knapsack);
  });
});

describe('<begroot-vote-ballot> in a round whose districts vote their own way', () => {
  resetPageBetweenTests('begroot:ballot:', 'begroot:receipt:');

  async function ballot(district: string): Promise<HTMLElementTagNameMap['begroot-vote-ballot']> {
    // A new voter each time: not the district the last one chose on this page.
    localStorage.removeItem(selectionKey(ROUND.slug));
    const stub = new FetchStub()
      .on('GET', ROUND_URL, json({ data: ROUND }))
      .on('GET', PROPOSALS_URL, proposalPage(PROPOSALS, 1, 1, 100));
    const container = providerWith(stub);
    new ContextProvider(container, { context: ballotsContext, initialValue: new BallotRegistry() });
    const el = await mountWidget('begroot-vote-ballot', container, { district });
    await settledWidget(el);
    return el;
  }

  it('tells each district’s voters their own rules', async () => {
    const noord = await ballot('noord');
    expect(plain(part(noord, 'instructions')?.textContent)).to.equal('Kies 1 tot 2 voorstellen.');
    await expect(noord).to.be.accessible();
    noord.remove();
    const oost = await ballot('oost');
    expect(plain(part(oost, 'instructions')?.textContent)).to.equal(
      'Kies voorstellen die samen niet meer kosten dan € 500.000.'
    );
    oost.remove();
    const west = await ballot('west');
    expect(plain(part(west, 'instructions')?.textContent)).to.equal(
      'Verdeel 10 punten over de voorstellen die u belangrijk vindt.'
    );
    await expect(west).to.be.accessible();
  });
});
