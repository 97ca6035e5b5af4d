/** The voting page's logic: code files, counts, the paper-ballot form and kiosks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ballotProposals,
  checkPaperBallot,
  codesCsv,
  codesFilename,
  draftSelections,
  kioskInput,
  kioskSnippet,
  kioskState,
  knapsackTotals,
  parseCodesCsv,
  placeIssues,
  pointsLeft,
  totalCounts,
  type Kiosk,
  type PaperForm,
} from '../../cms-plugin/admin/src/lib/voting.ts';
import { canOpen, rightsOf } from '../../cms-plugin/admin/src/lib/permissions.ts';

const form = (voting: Partial<PaperForm['voting']> = {}): PaperForm => ({
  district: 'oost',
  voting: {
    method: 'approval',
    minSelections: 1,
    maxSelections: 2,
    points: null,
    minSpendShare: 0,
    districtScope: 'own',
    ...voting,
  },
  budgets: { '': 300000, oost: 100000, west: 200000 },
  proposals: [
    { documentId: 'bank', title: 'Bankjes', cost: 30000, district: 'oost' },
    { documentId: 'plein', title: 'Plein', cost: 80000, district: 'oost' },
    { documentId: 'fiets', title: 'Fietspad', cost: 90000, district: 'west' },
    { documentId: 'bieb', title: 'Bibliotheek', cost: 50000, district: null },
  ],
});

describe('codes', () => {
  it('reads and writes the code,district CSV, and refuses another file', () => {
    const csv = codesCsv([
      { code: 'AAAA-BBBB-CCCC-D', district: 'oost' },
      { code: 'EEEE-FFFF-GGGG-H', district: 'oost' },
    ]);
    assert.equal(csv, 'code,district\nAAAA-BBBB-CCCC-D,oost\nEEEE-FFFF-GGGG-H,oost\n');
    assert.deepEqual(parseCodesCsv(csv.replace(/\n/g, '\r\n')), [
      { code: 'AAAA-BBBB-CCCC-D', district: 'oost' },
      { code: 'EEEE-FFFF-GGGG-H', district: 'oost' },
    ]);
    assert.throws(() => parseCodesCsv('name,address\nx,y\n'), /code,district/);
    assert.equal(codesFilename('noord-2027', 'oost'), 'codes-noord-2027-oost.csv');
    assert.equal(codesFilename('noord-2027', null, 'reissued'), 'codes-noord-2027-reissued.csv');
  });

  it('adds up codes and ballots per channel over the districts', () => {
    const row = (district: string, n: number) => ({
      district,
      issued: 10 * n,
      used: 4 * n,
      unused: 5 * n,
      voided: n,
      ballots: { online: 2 * n, kiosk: n, paper: n },
    });
    assert.deepEqual(totalCounts([row('oost', 1), row('west', 2)]), {
      issued: 30,
      used: 12,
      unused: 15,
      voided: 3,
      ballots: { online: 6, kiosk: 3, paper: 3 },
    });
  });
});

describe('the paper-ballot form', () => {
  it('shows the code’s district and the city-wide proposals where voters vote in their own', () => {
    assert.deepEqual(
      ballotProposals(form()).map((p) => p.documentId),
      ['bieb', 'bank', 'plein']
    );
    assert.equal(ballotProposals(form({ districtScope: 'any' })).length, 4);
  });

  it('approval: the ticked proposals, checked with core’s rules', () => {
    const paper = form();
    const { selections } = draftSelections(paper, {
      checked: ['bank', 'plein', 'bieb'],
      numbers: {},
    });
    assert.deepEqual(selections, [
      { proposal: 'bank' },
      { proposal: 'plein' },
      { proposal: 'bieb' },
    ]);
    const issues = checkPaperBallot(paper, selections);
    assert.deepEqual(
      issues.map((issue) => issue.code),
      ['too_many']
    );
    assert.deepEqual(checkPaperBallot(paper, [{ proposal: 'bank' }]), []);
    assert.deepEqual(
      checkPaperBallot(paper, []).map((issue) => issue.code),
      ['too_few']
    );
  });

  it('knapsack: a running total against the district’s budget', () => {
    const paper = form({ method: 'knapsack', maxSelections: null });
    const { selections } = draftSelections(paper, { checked: ['bank', 'plein'], numbers: {} });
    assert.deepEqual(knapsackTotals(paper, selections), [
      { district: 'oost', spent: 110000, budget: 100000 },
    ]);
    assert.deepEqual(
      checkPaperBallot(paper, selections).map((issue) => issue.code),
      ['over_budget']
    );
    assert.deepEqual(knapsackTotals(paper, []), [{ district: 'oost', spent: 0, budget: 100000 }]);
  });

  it('points: typed numbers, empty is none, a bad number is reported at its proposal', () => {
    const paper = form({ method: 'points', points: 10, maxSelections: null });
    const draft = { checked: [], numbers: { bank: '6', plein: ' ', bieb: '4' } };
    const { selections, problems } = draftSelections(paper, draft);
    assert.deepEqual(selections, [
      { proposal: 'bieb', points: 4 },
      { proposal: 'bank', points: 6 },
    ]);
    assert.deepEqual(problems, []);
    assert.equal(pointsLeft(paper, selections), 0);
    assert.deepEqual(checkPaperBallot(paper, selections), []);
    const bad = draftSelections(paper, { checked: [], numbers: { bank: '2.5', plein: '-1' } });
    assert.deepEqual(
      bad.problems.map((p) => p.proposal),
      ['bank', 'plein']
    );
    assert.equal(pointsLeft(form(), []), null);
  });

  it('ranking: ranks must run 1, 2, 3', () => {
    const paper = form({ method: 'ranking', maxSelections: null });
    const { selections } = draftSelections(paper, {
      checked: [],
      numbers: { bank: '1', plein: '3' },
    });
    assert.deepEqual(
      checkPaperBallot(paper, selections).map((issue) => issue.code),
      ['rank_sequence']
    );
  });

  it('places issues at the code, at the proposal of a selection, or on the whole ballot', () => {
    const selections = [{ proposal: 'bank' }, { proposal: 'fiets' }];
    assert.deepEqual(
      placeIssues(
        [
          { path: ['code'], message: 'Unknown or voided code.' },
          { path: ['selections', 1, 'proposal'], message: 'Own district only.' },
          { path: 'selections.0.points', message: 'No points here.' },
          { path: ['selections'], message: 'Too many.' },
          { path: '', message: 'Refused.' },
        ],
        selections
      ),
      {
        code: ['Unknown or voided code.'],
        byProposal: { fiets: ['Own district only.'], bank: ['No points here.'] },
        ballot: ['Too many.', 'Refused.'],
      }
    );
  });
});

describe('kiosks', () => {
  const kiosk = (over: Partial<Kiosk> = {}): Kiosk => ({
    id: 'k',
    name: 'Bieb',
    districts: [],
    activeFrom: null,
    activeUntil: null,
    revoked: false,
    createdAt: '2027-01-01T00:00:00.000Z',
    ...over,
  });
  const now = new Date('2027-03-01T12:00:00Z');

  it('state: revoked, scheduled, ended or active', () => {
    assert.equal(kioskState(kiosk(), now), 'active');
    assert.equal(kioskState(kiosk({ revoked: true }), now), 'revoked');
    assert.equal(kioskState(kiosk({ activeFrom: '2027-03-02T00:00:00Z' }), now), 'scheduled');
    assert.equal(kioskState(kiosk({ activeUntil: '2027-03-01T12:00:00Z' }), now), 'ended');
  });

  it('the form as the server’s input, and the snippet with the key', () => {
    assert.deepEqual(kioskInput({ name: '  Markt ', districts: ['oost'], from: '', until: '' }), {
      name: 'Markt',
      districts: ['oost'],
      activeFrom: null,
      activeUntil: null,
    });
    const withWindow = kioskInput({
      name: 'M',
      districts: [],
      from: '2027-03-01T09:00',
      until: '',
    });
    assert.equal(withWindow.activeFrom, new Date('2027-03-01T09:00').toISOString());
    assert.equal(
      kioskSnippet('https://cms.example.nl/', 'noord-2027', 'bk_a"b'),
      '<script type="module" src="https://cms.example.nl/begroot/widgets/begroot.js"></script>\n\n' +
        '<begroot-vote-ballot round="noord-2027" kiosk kiosk-key="bk_a&quot;b"></begroot-vote-ballot>'
    );
  });

  it('a clerk with only the paper-ballot right opens the voting section', () => {
    const clerk = rightsOf([{ action: 'plugin::begroot.paper-ballots.create' }]);
    assert.equal(canOpen(clerk, 'voting'), true);
    assert.equal(clerk.manageCodes, false);
    assert.equal(canOpen(rightsOf([]), 'voting'), false);
  });
});
