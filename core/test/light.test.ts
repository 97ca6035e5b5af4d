import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_VOTING_SETTINGS,
  argumentPublicViewSchema,
  countingSettingsSchema,
  errorResponseSchema,
  lightArgumentPublicViewSchema,
  lightErrorResponseSchema,
  lightProposalPublicViewSchema,
  lightRoundPublicViewSchema,
  lightRoundResultsSchema,
  proposalFormSettingsSchema,
  proposalPublicViewSchema,
  roundPublicViewSchema,
  roundResultsSchema,
  verificationSettingsSchema,
  votingSettingsSchema,
  type ArgumentPublicView,
  type ProposalPublicView,
  type RoundPublicView,
} from '../src/index.js';

// Every document the full schema accepts must pass the light one unchanged (a widget must never
// refuse what the server serves), and the light one must still refuse data of the wrong kind.

const round: RoundPublicView = roundPublicViewSchema.parse({
  slug: 'voorbeeldstad-2027',
  title: 'Burgerbegroting Voorbeeldstad 2027',
  description: 'Bepaal mee waar € 300.000 aan wordt besteed.',
  language: 'nl',
  currency: 'EUR',
  budget: 300000,
  phases: [
    { kind: 'ideas', start: '2027-01-01T00:00:00.000Z', end: '2027-02-01T00:00:00.000Z' },
    {
      kind: 'voting',
      start: '2027-03-01T00:00:00+01:00',
      end: '2027-03-15T00:00:00.000Z',
      closedAt: '2027-03-10T12:00:00.000Z',
    },
  ],
  currentPhase: null,
  districts: [
    {
      slug: 'noord',
      name: 'Noord',
      budget: 100000,
      neighbourhoods: [{ slug: 'dorp', name: 'Dorp', cap: 20000.5 }],
    },
    { slug: 'oost', name: 'Oost', budget: 120000.5 },
  ],
  mode: 'advise',
  themes: [{ slug: 'groen', name: 'Groen' }],
  proposalForm: proposalFormSettingsSchema.parse({ optionalFields: [] }),
  voting: votingSettingsSchema.parse({ method: 'points', points: 10, maxSelections: 4 }),
  counting: countingSettingsSchema.parse({ rule: 'greedy' }),
  verification: verificationSettingsSchema.parse({ methods: ['email', 'open'] }),
});

const proposal: ProposalPublicView = proposalPublicViewSchema.parse({
  documentId: 'abcdefghij0123456789',
  round: 'voorbeeldstad-2027',
  title: 'Bankjes in het park',
  summary: null,
  description: 'Meer bankjes langs het water.',
  estimatedCost: 12000,
  officialCost: 13500.25,
  district: 'noord',
  theme: null,
  location: 'Het park',
  imageUrl: null,
  authorName: null,
  status: 'funded',
  publicReason: null,
  mergedInto: null,
  history: [{ status: 'admitted', at: '2027-01-20T10:00:00.000Z', reason: null }],
  updates: [{ date: '2027-05-01T10:00:00.000Z', text: 'De bankjes zijn besteld.' }],
  argumentCounts: { for: 3, against: 1, question: 0 },
  submittedAt: '2027-01-05T10:00:00.000Z',
});

const argument: ArgumentPublicView = argumentPublicViewSchema.parse({
  documentId: 'zyxwvutsrq9876543210',
  proposal: 'abcdefghij0123456789',
  stance: 'question',
  body: 'Komen er ook prullenbakken?',
  authorName: 'Ahmed',
  replyTo: null,
  official: true,
  postedAt: '2027-02-02T10:00:00.000Z',
});

const errorBody = errorResponseSchema.parse({
  data: null,
  error: {
    status: 400,
    name: 'ValidationError',
    message: 'Check the fields.',
    details: {
      errors: [{ path: ['title'], message: 'Too short.', code: 'begroot.text.tooShort' }],
    },
  },
});

describe('light response schemas', () => {
  it('accept what the full schemas accept, unchanged', () => {
    assert.deepEqual(lightRoundPublicViewSchema.parse(round), round);
    assert.deepEqual(lightProposalPublicViewSchema.parse(proposal), proposal);
    assert.deepEqual(lightArgumentPublicViewSchema.parse(argument), argument);
    assert.deepEqual(lightErrorResponseSchema.parse(errorBody), errorBody);
    // Each phase kind, status, method and stance the full schemas know.
    for (const kind of ['ideas', 'review', 'deliberation', 'voting', 'results', 'execution']) {
      const full = roundPublicViewSchema.parse({ ...round, currentPhase: kind });
      assert.equal(lightRoundPublicViewSchema.safeParse(full).success, true, kind);
    }
    for (const method of ['approval', 'knapsack', 'ranking'] as const) {
      const voting = votingSettingsSchema.parse({ method });
      const full = roundPublicViewSchema.parse({ ...round, voting });
      assert.equal(lightRoundPublicViewSchema.safeParse(full).success, true, method);
    }
    for (const status of ['submitted', 'not_funded', 'in_progress', 'completed'] as const) {
      const full = proposalPublicViewSchema.parse({ ...proposal, status });
      assert.equal(lightProposalPublicViewSchema.safeParse(full).success, true, status);
    }
  });

  it('keep fields a newer server adds', () => {
    const newer = { ...round, kioskNotice: 'Welkom', voting: { ...round.voting, ageBands: [] } };
    assert.deepEqual(lightRoundPublicViewSchema.parse(newer), newer);
  });

  it('refuse data of the wrong kind', () => {
    const bad: [string, unknown][] = [
      ['a budget as text', { ...round, budget: '300000' }],
      ['an infinite budget', { ...round, budget: Infinity }],
      ['a negative budget', { ...round, budget: -1 }],
      ['no phases', { ...round, phases: undefined }],
      ['an unknown phase kind', { ...round, phases: [{ ...round.phases[0], kind: 'party' }] }],
      ['an unknown current phase', { ...round, currentPhase: 'party' }],
      ['no voting settings', { ...round, voting: undefined }],
      ['an unknown voting method', { ...round, voting: { ...round.voting, method: 'lottery' } }],
      ['fractional selections', { ...round, voting: { ...round.voting, minSelections: 1.5 } }],
      ['a district without budget', { ...round, districts: [{ slug: 'x', name: 'X' }] }],
      ['not an object', 'round'],
    ];
    for (const [what, value] of bad) {
      assert.equal(lightRoundPublicViewSchema.safeParse(value).success, false, what);
    }
    const badProposals: [string, unknown][] = [
      ['a cost as text', { ...proposal, estimatedCost: '12000' }],
      ['a negative cost', { ...proposal, officialCost: -5 }],
      ['an unknown status', { ...proposal, status: 'maybe' }],
      ['no title', { ...proposal, title: undefined }],
      ['counts as text', { ...proposal, argumentCounts: { for: '3', against: 1, question: 0 } }],
      ['history not a list', { ...proposal, history: {} }],
    ];
    for (const [what, value] of badProposals) {
      assert.equal(lightProposalPublicViewSchema.safeParse(value).success, false, what);
    }
    assert.equal(
      lightArgumentPublicViewSchema.safeParse({ ...argument, stance: 'maybe' }).success,
      false
    );
    assert.equal(
      lightArgumentPublicViewSchema.safeParse({ ...argument, official: 'yes' }).success,
      false
    );
    assert.equal(lightErrorResponseSchema.safeParse({ data: null, error: {} }).success, false);
    assert.equal(lightErrorResponseSchema.safeParse('Bad Gateway').success, false);
  });
});

describe('light results schema', () => {
  const results = roundResultsSchema.parse({
    rule: { rule: 'mes', satisfaction: 'cost' },
    districts: [
      {
        district: 'oost',
        budget: 100000,
        spent: 95000,
        proposals: [
          {
            documentId: 'abcdefghij1234',
            title: 'Bankjes',
            cost: 30000,
            votes: 12,
            funded: true,
            explanation: { reason: 'funded' },
          },
        ],
      },
      { district: null, budget: 0, spent: 0, proposals: [] },
    ],
  });

  it('accepts what the full schema accepts, unchanged', () => {
    assert.deepEqual(lightRoundResultsSchema.parse(results), results);
  });

  it('refuses data of the wrong kind', () => {
    const [oost] = results.districts;
    const bad: [string, unknown][] = [
      ['no districts', { rule: {} }],
      ['a budget as text', { ...results, districts: [{ ...oost, budget: '1' }] }],
      ['a negative amount spent', { ...results, districts: [{ ...oost, spent: -1 }] }],
      [
        'funded as text',
        {
          ...results,
          districts: [{ ...oost, proposals: [{ ...oost!.proposals[0], funded: 'ja' }] }],
        },
      ],
    ];
    for (const [what, value] of bad) {
      assert.equal(lightRoundResultsSchema.safeParse(value).success, false, what);
    }
  });
});

describe('DEFAULT_VOTING_SETTINGS', () => {
  it('are the voting settings schema’s defaults', () => {
    assert.deepEqual(DEFAULT_VOTING_SETTINGS, votingSettingsSchema.parse({}));
  });
});
