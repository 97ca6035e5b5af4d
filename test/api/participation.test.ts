/** Participation figures for officials, and the age band counter that keeps the ballot secret. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { participationFiguresSchema, type ParticipationFigures } from '@begroot/core';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import {
  ADMIN_ENV,
  adminToken,
  createCodes,
  createProposals,
  createVotingRound,
  editorToken,
  json,
  verifyCode,
} from '../support/voting.ts';

const SLUG = 'meedoen-2027';
const BANDS = ['16-29', '30-64', '65+'];

let app: TestStrapi;
let admin: string;
let oost: string[];
let west: string[];
let proposals: string[];
let roundId: string;

before(async () => {
  app = await startStrapi({ env: ADMIN_ENV });
  admin = await adminToken(app);
  const round = await createVotingRound(app, SLUG, {
    districts: [
      {
        slug: 'oost',
        name: 'Oost',
        budget: 100000,
        population: 1000,
        ageBands: { '16-29': 300, '30-64': 500, '65+': 200 },
      },
      { slug: 'west', name: 'West', budget: 200000, population: 2000 },
    ],
    voting: {
      method: 'approval',
      minSelections: 1,
      maxSelections: 3,
      askAgeBand: true,
      ageBands: BANDS,
    },
  });
  roundId = round;
  await createVotingRound(app, 'zonder-leeftijd-2027');
  proposals = await createProposals(app, round, [
    { title: 'Bankjes', district: 'oost', cost: 10000 },
    { title: 'Bomen', district: 'west', cost: 20000 },
    { title: 'Idee', district: 'west', cost: 5000, status: 'submitted' },
  ]);
  oost = await createCodes(app, admin, SLUG, 'oost', 4);
  west = await createCodes(app, admin, SLUG, 'west', 2);
});
after(async () => {
  await app?.stop();
});

const auth = () => ({ authorization: `Bearer ${admin}` });
async function vote(code: string, ageBand?: string | null, slug = SLUG) {
  const { token, district } = await verifyCode(app, slug, code);
  const proposal = district === 'oost' ? proposals[0] : proposals[1];
  return app.request(
    `/api/begroot/rounds/${slug}/ballots`,
    json(
      { selections: [{ proposal }], ...(ageBand === undefined ? {} : { ageBand }) },
      { authorization: `Bearer ${token}` }
    )
  );
}
/** This round's rows (the demo seed has ballots of its own in another round). */
const rows = (table: string) =>
  app.strapi.db.connection(table).where({ round_id: roundId }).select('*') as Promise<
    Array<Record<string, unknown>>
  >;

describe('the optional age band on a ballot', () => {
  test('a band the round does not offer is refused, and nothing is used up', async () => {
    const refused = await vote(oost[0]!, '99-100');
    const body = await expectError(refused, 400, 'ValidationError');
    assert.match(JSON.stringify(body), /ageBand/);
    assert.equal((await rows('begroot_ballots')).length, 0);
    assert.equal((await rows('begroot_participation')).length, 0);
    // The same code still votes.
    assert.equal((await vote(oost[0]!, '16-29')).status, 201);
  });

  test('a round that does not ask refuses a band', async () => {
    const [code] = await createCodes(app, admin, 'zonder-leeftijd-2027', 'oost', 1);
    const { token } = await verifyCode(app, 'zonder-leeftijd-2027', code!);
    const response = await app.request(
      '/api/begroot/rounds/zonder-leeftijd-2027/ballots',
      json({ selections: [], ageBand: '16-29' }, { authorization: `Bearer ${token}` })
    );
    await expectError(response, 400, 'ValidationError');
  });

  test('voters may skip it; paper ballots count without one', async () => {
    assert.equal((await vote(oost[1]!, '65+')).status, 201);
    assert.equal((await vote(oost[2]!)).status, 201);
    assert.equal((await vote(oost[3]!, null)).status, 201);
    assert.equal((await vote(west[0]!, '30-64')).status, 201);
    const paper = await app.request(
      `/begroot/rounds/${SLUG}/paper-ballots`,
      json({ code: west[1], selections: [{ proposal: proposals[1] }] }, auth())
    );
    assert.equal(paper.status, 201, await paper.text());
  });
});

describe('GET /begroot/rounds/:slug/participation', () => {
  test('answers votes and proposals per day and district, channels and age bands', async () => {
    const response = await app.request(`/begroot/rounds/${SLUG}/participation`, {
      headers: auth(),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const { data } = (await response.json()) as { data: ParticipationFigures };
    participationFiguresSchema.parse(data);
    const today = new Date().toISOString().slice(0, 10);

    assert.deepEqual(data.totals, { ballots: 6, proposals: 3 });
    assert.deepEqual(data.votesPerDay, [
      { day: today, district: 'oost', count: 4 },
      { day: today, district: 'west', count: 2 },
    ]);
    assert.deepEqual(
      data.proposalsPerDay.map(({ district, count }) => ({ district, count })),
      [
        { district: 'oost', count: 1 },
        { district: 'west', count: 2 },
      ]
    );
    assert.deepEqual(
      [...data.channels].sort((a, b) => a.channel.localeCompare(b.channel)),
      [
        { channel: 'online', count: 5 },
        { channel: 'paper', count: 1 },
      ]
    );
    assert.equal(data.askAgeBand, true);
    assert.deepEqual(data.ageBands, BANDS);
    assert.deepEqual(data.districts, [
      {
        slug: 'oost',
        name: 'Oost',
        population: 1000,
        ballots: 4,
        proposals: 1,
        ageBands: [
          { band: '16-29', participants: 1, population: 300 },
          { band: '30-64', participants: 0, population: 500 },
          { band: '65+', participants: 1, population: 200 },
        ],
        ageBandNotGiven: 2,
      },
      {
        slug: 'west',
        name: 'West',
        population: 2000,
        ballots: 2,
        proposals: 2,
        ageBands: [
          { band: '16-29', participants: 0, population: null },
          { band: '30-64', participants: 1, population: null },
          { band: '65+', participants: 0, population: null },
        ],
        ageBandNotGiven: 1,
      },
    ]);
  });

  test('needs the participation permission; an unknown round is 404', async () => {
    const path = `/begroot/rounds/${SLUG}/participation`;
    assert.equal((await app.request(path)).status, 401);
    const editor = await editorToken(app);
    assert.equal(
      (await app.request(path, { headers: { authorization: `Bearer ${editor}` } })).status,
      403
    );
    await expectError(
      await app.request('/begroot/rounds/bestaat-niet/participation', { headers: auth() }),
      404,
      'NotFoundError'
    );
    await expectError(
      await app.request('/begroot/rounds/Geen_Slug!/participation', { headers: auth() }),
      400,
      'ValidationError'
    );
  });

  test('a dump shows no way to join an age band to a ballot', async () => {
    const ballots = await rows('begroot_ballots');
    const counter = await rows('begroot_participation');
    // The counter holds counts per round, district, band and channel: no id, day or receipt.
    assert.deepEqual(Object.keys(counter[0]!).sort(), [
      'age_band',
      'channel',
      'count',
      'district',
      'round_id',
    ]);
    // The only columns the two tables share are the round and the district, within which several
    // ballots fall under each band row or none. The ballots' channel column (left from before) is
    // always empty: a kiosk's few ballots cannot be matched to the kiosk's band counts.
    const shared = Object.keys(ballots[0]!).filter((column) => column in counter[0]!);
    assert.deepEqual(shared.sort(), ['channel', 'district', 'round_id']);
    assert.deepEqual([...new Set(ballots.map((ballot) => ballot.channel))], ['']);
    // No ballot carries a band, in any column.
    const dump = JSON.stringify(ballots);
    for (const band of BANDS) assert.ok(!dump.includes(band), `a ballot holds ${band}`);
    // Oost: four ballots, indistinguishable by anything but their choices, against three rows.
    const oostBallots = ballots.filter((ballot) => ballot.district === 'oost');
    const oostRows = counter.filter((row) => row.district === 'oost');
    assert.equal(oostBallots.length, 4);
    assert.equal(oostRows.length, 3);
    assert.equal(
      oostRows.reduce((sum, row) => sum + Number(row.count), 0),
      oostBallots.length
    );
  });
});
