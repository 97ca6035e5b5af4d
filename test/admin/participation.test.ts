/** The participation page's logic: days filled in, shares against the population, who is missing. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ParticipationFigures } from '@begroot/core';
import {
  allDistricts,
  bandShares,
  cumulative,
  niceMax,
  perDay,
  share,
  whoIsMissing,
} from '../../cms-plugin/admin/src/lib/participation.ts';

const BANDS = ['16-29', '30-64', '65+'];

const district = (
  slug: string | null,
  ballots: number,
  population: number | null,
  bands: Array<[number, number | null]>,
  notGiven = 0
): ParticipationFigures['districts'][number] => ({
  slug,
  name: slug ? slug[0]!.toUpperCase() + slug.slice(1) : '',
  population,
  ballots,
  proposals: 0,
  ageBands: bands.map(([participants, residents], index) => ({
    band: BANDS[index]!,
    participants,
    population: residents,
  })),
  ageBandNotGiven: notGiven,
});

const figures = (districts: ParticipationFigures['districts']): ParticipationFigures => ({
  round: { slug: 'r', title: 'R', language: 'nl', currentPhase: 'voting' },
  totals: { ballots: districts.reduce((sum, d) => sum + d.ballots, 0), proposals: 0 },
  votesPerDay: [],
  proposalsPerDay: [],
  channels: [],
  askAgeBand: true,
  ageBands: BANDS,
  districts,
});

describe('votes over time', () => {
  const rows = [
    { day: '2027-03-01', district: 'oost', count: 4 },
    { day: '2027-03-01', district: 'west', count: 1 },
    { day: '2027-03-03', district: 'oost', count: 2 },
  ];

  it('fills the days without votes with zero and adds the districts up', () => {
    assert.deepEqual(perDay(rows), [
      { day: '2027-03-01', count: 5 },
      { day: '2027-03-02', count: 0 },
      { day: '2027-03-03', count: 2 },
    ]);
  });

  it('one district, and on to today while voting is open', () => {
    assert.deepEqual(perDay(rows, { district: 'west', until: '2027-03-02' }), [
      { day: '2027-03-01', count: 1 },
      { day: '2027-03-02', count: 0 },
    ]);
    assert.deepEqual(perDay([]), []);
  });

  it('runs a total and scales charts to round numbers', () => {
    assert.deepEqual(
      cumulative(perDay(rows)).map((point) => point.count),
      [5, 5, 7]
    );
    assert.equal(niceMax(0), 1);
    assert.equal(niceMax(7), 10);
    assert.equal(niceMax(13), 20);
    assert.equal(niceMax(420), 500);
    assert.equal(share(1, 0), null);
    assert.equal(share(1, 4), 0.25);
  });
});

describe('age bands against the population', () => {
  it('compares each band’s share of voters with its share of residents', () => {
    // 300/500/200 residents; 2/6/2 voters: the young vote at two thirds of their share.
    const shares = bandShares(
      district(
        'oost',
        12,
        1000,
        [
          [2, 300],
          [6, 500],
          [2, 200],
        ],
        2
      )
    );
    assert.deepEqual(
      shares.map(({ band, state }) => [band, state]),
      [
        ['16-29', 'under'],
        ['30-64', 'fair'],
        ['65+', 'fair'],
      ]
    );
    assert.ok(Math.abs(shares[0]!.ratio! - 2 / 3) < 1e-9);
    assert.equal(shares[1]!.participantShare, 0.6);
    assert.equal(shares[1]!.populationShare, 0.5);
  });

  it('says nothing it cannot know: no population, or no voter gave a band', () => {
    const unknown = bandShares(
      district('west', 3, null, [
        [1, null],
        [2, null],
        [0, null],
      ])
    );
    assert.ok(unknown.every((band) => band.state === 'unknown' && band.populationShare === null));
    const empty = bandShares(
      district(
        'west',
        3,
        900,
        [
          [0, 300],
          [0, 300],
          [0, 300],
        ],
        3
      )
    );
    assert.ok(empty.every((band) => band.participantShare === null && band.state === 'unknown'));
  });

  it('adds the districts up for the whole round', () => {
    const whole = allDistricts(
      figures([
        district(
          'oost',
          10,
          1000,
          [
            [2, 300],
            [6, 500],
            [2, 200],
          ],
          1
        ),
        district(
          'west',
          5,
          2000,
          [
            [1, 600],
            [3, 1000],
            [1, 400],
          ],
          2
        ),
      ])
    );
    assert.equal(whole.population, 3000);
    assert.equal(whole.ballots, 15);
    assert.equal(whole.ageBandNotGiven, 3);
    assert.deepEqual(whole.ageBands[0], { band: '16-29', participants: 3, population: 900 });
  });
});

describe('who is missing', () => {
  it('names districts well below the round’s turnout and bands well below their share', () => {
    const missing = whoIsMissing(
      figures([
        district('oost', 300, 1000, [
          [20, 300],
          [60, 500],
          [20, 200],
        ]),
        district('west', 100, 1000, [
          [1, 300],
          [3, 500],
          [1, 200],
        ]),
        district('noord', 200, 1000, [
          [5, 300],
          [40, 500],
          [5, 200],
        ]),
      ])
    );
    // Most missing first: Noord's young vote at a third of their share, West at half the turnout;
    // West's five answers about age are too few to judge.
    assert.deepEqual(
      missing.map((item) =>
        item.kind === 'band' ? [item.district, item.band] : [item.district, item.turnout]
      ),
      [
        ['Noord', '16-29'],
        ['West', 0.1],
        ['Noord', '65+'],
        ['Oost', '16-29'],
      ]
    );
    assert.deepEqual(missing[1], {
      kind: 'district',
      district: 'West',
      turnout: 0.1,
      average: 0.2,
    });
  });

  it('raises nothing while the numbers are small or in line', () => {
    assert.deepEqual(
      whoIsMissing(
        figures([
          district('oost', 4, null, [
            [1, 300],
            [2, 500],
            [1, 200],
          ]),
        ])
      ),
      []
    );
  });
});
