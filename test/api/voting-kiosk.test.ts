/**
 * Event kiosks (set-up, key, limits, revocation, window), ballots counted per channel (never
 * recorded on the ballot), and the cache of what casting reads about a round (invalidated by
 * writes).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import {
  ADMIN_ENV,
  PROPOSAL_UID,
  ROUND_UID,
  adminToken,
  createCodes,
  createProposals,
  createVotingRound,
  editorToken,
  json,
} from '../support/voting.ts';
import { ExpiringCache } from '../../cms-plugin/server/src/voting/cache.ts';
import { ensureVotingTables } from '../../cms-plugin/server/src/voting/tables.ts';
import {
  normalizeCode,
  normalizeReceipt,
  votingKeys,
} from '../../cms-plugin/server/src/voting/crypto.ts';
import { forgetBallotChannels } from '../../cms-plugin/server/src/participation/ballot-channels.ts';

/** Per client address and round; per round. Low, so the limits are reached in a few requests. */
const LIMIT_CLIENT = 6;
const LIMIT_ROUND = 10;
const KEY_HEADER = 'x-begroot-kiosk-key';

let app: TestStrapi;
let admin: string;
before(async () => {
  app = await startStrapi({
    env: {
      ...ADMIN_ENV,
      BEGROOT_VERIFY_LIMIT_CLIENT: String(LIMIT_CLIENT),
      BEGROOT_VERIFY_LIMIT_ROUND: String(LIMIT_ROUND),
    },
  });
  admin = await adminToken(app);
});
after(async () => {
  await app?.stop();
});

const auth = (token = admin) => ({ authorization: `Bearer ${token}` });
const verify = (slug: string, body: unknown, key?: string) =>
  app.request(
    `/api/begroot/rounds/${slug}/verifications`,
    json(body, key ? { [KEY_HEADER]: key } : {})
  );
type KioskView = {
  id: string;
  name: string;
  districts: string[];
  activeFrom: string | null;
  activeUntil: string | null;
  revoked: boolean;
};
async function createKiosk(slug: string, body: Record<string, unknown>) {
  const response = await app.request(`/begroot/rounds/${slug}/kiosks`, json(body, auth()));
  const text = await response.text();
  assert.equal(response.status, 201, text);
  return (JSON.parse(text) as { data: { kiosk: KioskView; key: string } }).data;
}

describe('kiosk set-up (admin)', () => {
  test('creates a kiosk with its key shown once, lists it without the key, stores only a hash', async () => {
    await createVotingRound(app, 'kiosk-opzet');
    const { kiosk, key } = await createKiosk('kiosk-opzet', {
      name: 'Bibliotheek Oost',
      districts: ['oost'],
      activeFrom: '2026-01-01T09:00:00Z',
      activeUntil: '2099-01-01T17:00:00Z',
    });
    assert.match(key, /^bk_[\w-]{43}$/);
    assert.equal(kiosk.name, 'Bibliotheek Oost');
    assert.deepEqual(kiosk.districts, ['oost']);
    assert.equal(kiosk.activeFrom, '2026-01-01T09:00:00.000Z');
    assert.equal(kiosk.revoked, false);

    const list = await app.request('/begroot/rounds/kiosk-opzet/kiosks', { headers: auth() });
    const text = await list.text();
    assert.equal(list.status, 200, text);
    assert.deepEqual(
      (JSON.parse(text) as { data: KioskView[] }).data.map((k) => k.id),
      [kiosk.id]
    );
    assert.ok(!text.includes(key), 'the list shows the key');
    const dump = JSON.stringify(await app.strapi.db.connection('begroot_kiosks').select('*'));
    assert.ok(!dump.includes(key) && !dump.includes(key.slice(3)), 'the key is stored');
  });

  test('refuses bad input with the field, and officials without the codes right', async () => {
    await createVotingRound(app, 'kiosk-fout');
    const bad = async (body: unknown, path: string) => {
      const error = await expectError(
        await app.request('/begroot/rounds/kiosk-fout/kiosks', json(body, auth())),
        400,
        'ValidationError'
      );
      const paths = (error.error.details as { errors?: Array<{ path: unknown[] }> }).errors?.map(
        (issue) => issue.path.join('.')
      );
      assert.ok(paths?.includes(path), `${JSON.stringify(paths)} lacks ${path}`);
    };
    const kiosks = async () =>
      Number(
        (
          (await app.strapi.db.connection('begroot_kiosks').count('* as n').first()) as {
            n: unknown;
          }
        ).n
      );
    const before = await kiosks();
    await bad({ name: '' }, 'name');
    await bad({ name: 'Markt', districts: ['noord'] }, 'districts.0');
    await bad(
      { name: 'Markt', activeFrom: '2027-02-01T10:00:00Z', activeUntil: '2027-02-01T09:00:00Z' },
      'activeUntil'
    );
    await bad({ name: 'Markt', device: 'ipad-3' }, '');
    assert.equal(await kiosks(), before, 'a refused kiosk was stored');

    const editor = await editorToken(app);
    const refused = await app.request(
      '/begroot/rounds/kiosk-fout/kiosks',
      json({ name: 'Markt' }, auth(editor))
    );
    assert.equal(refused.status, 403);
    await expectError(
      await app.request('/begroot/kiosks/0123456789abcdef0123456789abcdef/revoke', {
        method: 'POST',
        headers: auth(),
      }),
      404,
      'NotFoundError'
    );
  });
});

describe('verification at a kiosk', () => {
  test('is exempt from the per-address limit, not from the per-round limit', async () => {
    await createVotingRound(app, 'kiosk-markt');
    const { key } = await createKiosk('kiosk-markt', { name: 'Marktkraam' });
    const codes = await createCodes(app, admin, 'kiosk-markt', 'west', LIMIT_ROUND + 1);
    // Every visitor from one address: more than the per-address limit goes through.
    for (const code of codes.slice(0, LIMIT_ROUND)) {
      const response = await verify('kiosk-markt', { method: 'code', code }, key);
      assert.equal(response.status, 200, await response.text());
    }
    // The round's limit still holds, for the kiosk as for anyone.
    const over = await expectError(
      await verify('kiosk-markt', { method: 'code', code: codes[LIMIT_ROUND] }, key),
      429,
      'RateLimitError'
    );
    assert.equal((over.error.details as { scope?: string }).scope, 'round');
  });

  test('without a kiosk key the per-address limit applies', async () => {
    await createVotingRound(app, 'kiosk-thuis');
    await createKiosk('kiosk-thuis', { name: 'Marktkraam' });
    const codes = await createCodes(app, admin, 'kiosk-thuis', 'west', LIMIT_CLIENT + 1);
    for (const code of codes.slice(0, LIMIT_CLIENT)) {
      assert.equal((await verify('kiosk-thuis', { method: 'code', code })).status, 200);
    }
    const over = await expectError(
      await verify('kiosk-thuis', { method: 'code', code: codes[LIMIT_CLIENT] }),
      429,
      'RateLimitError'
    );
    assert.equal((over.error.details as { scope?: string }).scope, 'client');
  });

  test('refuses a revoked key, a key outside its window, another round’s key, other methods and districts', async () => {
    await createVotingRound(app, 'kiosk-stop');
    await createVotingRound(app, 'kiosk-ander');
    const [oost, west] = [
      (await createCodes(app, admin, 'kiosk-stop', 'oost', 1))[0]!,
      (await createCodes(app, admin, 'kiosk-stop', 'west', 1))[0]!,
    ];
    const served = await createKiosk('kiosk-stop', { name: 'Oost', districts: ['oost'] });
    // Codes only, and only for the districts the kiosk serves.
    const open = await expectError(
      await verify('kiosk-stop', { method: 'open', district: 'oost' }, served.key),
      403,
      'ForbiddenError'
    );
    assert.match(open.error.message, /codes only/);
    const elsewhere = await expectError(
      await verify('kiosk-stop', { method: 'code', code: west }, served.key),
      403,
      'ForbiddenError'
    );
    assert.match(elsewhere.error.message, /another district.*oost/);

    const revoke = await app.request(`/begroot/kiosks/${served.kiosk.id}/revoke`, {
      method: 'POST',
      headers: auth(),
    });
    assert.equal(revoke.status, 200, await revoke.clone().text());
    assert.equal(((await revoke.json()) as { data: KioskView }).data.revoked, true);
    const revoked = await expectError(
      await verify('kiosk-stop', { method: 'code', code: oost }, served.key),
      403,
      'ForbiddenError'
    );
    assert.match(revoked.error.message, /revoked/);

    const ended = await createKiosk('kiosk-stop', {
      name: 'Gisteren',
      activeFrom: '2020-05-01T09:00:00Z',
      activeUntil: '2020-05-01T17:00:00Z',
    });
    const late = await expectError(
      await verify('kiosk-stop', { method: 'code', code: oost }, ended.key),
      403,
      'ForbiddenError'
    );
    assert.match(late.error.message, /not active now/);

    const foreign = await createKiosk('kiosk-ander', { name: 'Elders' });
    await expectError(
      await verify('kiosk-stop', { method: 'code', code: oost }, foreign.key),
      401,
      'UnauthorizedError'
    );
    await expectError(
      await verify('kiosk-stop', { method: 'code', code: oost }, 'bk_made-up'),
      401,
      'UnauthorizedError'
    );
    // None of these used the code up (the wrong keys counted against this address's limit).
    assert.equal((await verify('kiosk-stop', { method: 'code', code: oost })).status, 200);
  });
});

describe('channels', () => {
  test('ballots are counted per channel and district; a ballot records neither channel nor kiosk', async () => {
    const roundId = await createVotingRound(app, 'kanaal-2027');
    const [park] = await createProposals(app, roundId, [
      { title: 'Park', district: 'oost', cost: 10000 },
    ]);
    const { key } = await createKiosk('kanaal-2027', { name: 'Bibliotheek' });
    const codes = await createCodes(app, admin, 'kanaal-2027', 'oost', 4);
    const cast = async (code: string, kioskKey?: string) => {
      const verified = await verify('kanaal-2027', { method: 'code', code }, kioskKey);
      const { token } = (await verified.json()) as { token: string };
      const response = await app.request(
        '/api/begroot/rounds/kanaal-2027/ballots',
        json({ selections: [{ proposal: park }] }, { authorization: `Bearer ${token}` })
      );
      assert.equal(response.status, 201, await response.text());
    };
    await cast(codes[0]!);
    await cast(codes[1]!, key);
    await cast(codes[2]!, key);
    const paper = await app.request(
      '/begroot/rounds/kanaal-2027/paper-ballots',
      json({ code: codes[3], selections: [{ proposal: park }] }, auth())
    );
    assert.equal(paper.status, 201, await paper.text());

    const counts = await app.request('/begroot/rounds/kanaal-2027/codes', { headers: auth() });
    const body = (await counts.json()) as {
      data: Array<{ district: string; issued: number; used: number; ballots: object }>;
      meta: { ballots: object };
    };
    const oost = body.data.find((row) => row.district === 'oost')!;
    assert.equal(oost.issued, 4);
    assert.equal(oost.used, 4);
    assert.deepEqual(oost.ballots, { online: 1, kiosk: 2, paper: 1 });
    assert.deepEqual(body.meta.ballots, { online: 1, kiosk: 2, paper: 1 });

    // The ballot says neither how it came in nor from which kiosk: the counter has the channels.
    const rows = (await app.strapi.db
      .connection('begroot_ballots')
      .where({ round_id: roundId })
      .select('*')) as Array<Record<string, unknown>>;
    assert.equal(rows.length, 4);
    assert.deepEqual(Object.keys(rows[0]!).sort(), [
      'channel',
      'day',
      'district',
      'id',
      'receipt_tag',
      'round_id',
      'selections',
    ]);
    assert.deepEqual(
      rows.map((row) => row.channel),
      ['', '', '', '']
    );
    const kiosks = (await app.strapi.db.connection('begroot_kiosks').select('id')) as Array<{
      id: string;
    }>;
    const dump = JSON.stringify(rows);
    for (const kiosk of kiosks) assert.ok(!dump.includes(kiosk.id));
  });
});

describe('channels when a vote is replaced or a code voided', () => {
  const codeCounts = async (slug: string) => {
    const response = await app.request(`/begroot/rounds/${slug}/codes`, { headers: auth() });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const body = JSON.parse(text) as {
      data: Array<{ district: string | null; used: number; ballots: Record<string, number> }>;
      meta: { ballots: Record<string, number> };
    };
    return body;
  };
  const participation = async (slug: string) => {
    const response = await app.request(`/begroot/rounds/${slug}/participation`, {
      headers: auth(),
    });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    return (
      JSON.parse(text) as {
        data: {
          totals: { ballots: number };
          channels: Array<{ channel: string; count: number }>;
          districts: Array<{
            slug: string | null;
            ageBands: Array<{ band: string; participants: number }>;
          }>;
        };
      }
    ).data;
  };
  const channelsOf = (data: Awaited<ReturnType<typeof participation>>) =>
    Object.fromEntries(
      data.channels.filter((row) => row.count > 0).map((row) => [row.channel, row.count])
    );

  test('a re-vote at a kiosk moves the voter from online to kiosk, counted once', async () => {
    const roundId = await createVotingRound(app, 'opnieuw-2027', {
      voting: {
        method: 'approval',
        minSelections: 1,
        maxSelections: 3,
        revote: 'replace',
        askAgeBand: true,
        ageBands: ['16-29', '30-64', '65+'],
      },
    });
    const [park, plein] = await createProposals(app, roundId, [
      { title: 'Park', district: 'oost', cost: 10000 },
      { title: 'Plein', district: 'oost', cost: 20000 },
    ]);
    const { key } = await createKiosk('opnieuw-2027', { name: 'Markt' });
    const [code, other] = await createCodes(app, admin, 'opnieuw-2027', 'oost', 2);
    const cast = async (kioskKey: string | undefined, body: Record<string, unknown>) => {
      const verified = await verify('opnieuw-2027', { method: 'code', code }, kioskKey);
      assert.equal(verified.status, 200, await verified.clone().text());
      const { token } = (await verified.json()) as { token: string };
      const response = await app.request(
        '/api/begroot/rounds/opnieuw-2027/ballots',
        json(body, { authorization: `Bearer ${token}` })
      );
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return (JSON.parse(text) as { data: { receipt: string; replaced: boolean } }).data;
    };

    const first = await cast(undefined, { selections: [{ proposal: park }], ageBand: '30-64' });
    let counts = await codeCounts('opnieuw-2027');
    assert.deepEqual(counts.meta.ballots, { online: 1, kiosk: 0, paper: 0 });

    const second = await cast(key, { selections: [{ proposal: plein }], receipt: first.receipt });
    assert.equal(second.replaced, true);
    counts = await codeCounts('opnieuw-2027');
    assert.deepEqual(counts.data.find((row) => row.district === 'oost')!.ballots, {
      online: 0,
      kiosk: 1,
      paper: 0,
    });
    assert.deepEqual(counts.meta.ballots, { online: 0, kiosk: 1, paper: 0 });
    let figures = await participation('opnieuw-2027');
    assert.equal(figures.totals.ballots, 1);
    assert.deepEqual(channelsOf(figures), { kiosk: 1 });
    // The age band first given stays with the voter.
    const oost = () => figures.districts.find((row) => row.slug === 'oost')!;
    assert.equal(oost().ageBands.find((row) => row.band === '30-64')!.participants, 1);

    // Back online, and the old receipts no longer replace anything.
    const third = await cast(undefined, {
      selections: [{ proposal: park }],
      receipt: second.receipt,
    });
    for (const receipt of [first.receipt, second.receipt]) {
      const verified = await verify('opnieuw-2027', { method: 'code', code });
      const { token } = (await verified.json()) as { token: string };
      await expectError(
        await app.request(
          '/api/begroot/rounds/opnieuw-2027/ballots',
          json({ selections: [{ proposal: park }], receipt }, { authorization: `Bearer ${token}` })
        ),
        403,
        'ForbiddenError'
      );
    }
    assert.equal(third.replaced, true);
    assert.deepEqual((await codeCounts('opnieuw-2027')).meta.ballots, {
      online: 1,
      kiosk: 0,
      paper: 0,
    });
    figures = await participation('opnieuw-2027');
    assert.deepEqual(channelsOf(figures), { online: 1 });
    assert.equal(oost().ageBands.find((row) => row.band === '30-64')!.participants, 1);

    // A second voter on paper; the ballots table agrees with the counts, and holds no channel.
    const paper = await app.request(
      '/begroot/rounds/opnieuw-2027/paper-ballots',
      json({ code: other, selections: [{ proposal: plein }] }, auth())
    );
    assert.equal(paper.status, 201, await paper.text());
    assert.deepEqual((await codeCounts('opnieuw-2027')).meta.ballots, {
      online: 1,
      kiosk: 0,
      paper: 1,
    });
    const rows = (await app.strapi.db
      .connection('begroot_ballots')
      .where({ round_id: roundId })
      .select('channel')) as Array<{ channel: string }>;
    assert.deepEqual(
      rows.map((row) => row.channel),
      ['', '']
    );
  });

  test('a ballot stored before (receipt hash without its count) is replaced; its voter stays counted where first counted', async () => {
    const roundId = await createVotingRound(app, 'oude-bon-2027', {
      voting: { method: 'approval', minSelections: 1, maxSelections: 3, revote: 'replace' },
    });
    const [park] = await createProposals(app, roundId, [
      { title: 'Park', district: 'oost', cost: 10000 },
    ]);
    const { key } = await createKiosk('oude-bon-2027', { name: 'Buurthuis' });
    const [code] = await createCodes(app, admin, 'oude-bon-2027', 'oost', 1);
    const cast = async (kioskKey: string | undefined, receipt?: string) => {
      const verified = await verify('oude-bon-2027', { method: 'code', code }, kioskKey);
      const { token } = (await verified.json()) as { token: string };
      const response = await app.request(
        '/api/begroot/rounds/oude-bon-2027/ballots',
        json(
          { selections: [{ proposal: park }], ...(receipt ? { receipt } : {}) },
          { authorization: `Bearer ${token}` }
        )
      );
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return (JSON.parse(text) as { data: { receipt: string; replaced: boolean } }).data;
    };
    const first = await cast(undefined);
    // As the ballot would have been stored before: the receipt hash of round, code and receipt.
    const keys = votingKeys(app.strapi);
    const credential = keys.hash('code', normalizeCode(code!)!);
    await app.strapi.db
      .connection('begroot_ballots')
      .where({ round_id: roundId })
      .update({
        receipt_tag: keys.hash(
          'receipt',
          `${roundId}\n${credential}\n${normalizeReceipt(first.receipt)}`
        ),
      });

    const second = await cast(key, first.receipt);
    assert.equal(second.replaced, true);
    const third = await cast(key, second.receipt);
    assert.equal(third.replaced, true);
    const response = await app.request('/begroot/rounds/oude-bon-2027/codes', { headers: auth() });
    const body = (await response.json()) as { meta: { ballots: Record<string, number> } };
    assert.deepEqual(body.meta.ballots, { online: 1, kiosk: 0, paper: 0 });
    const ballots = await app.strapi.db
      .connection('begroot_ballots')
      .where({ round_id: roundId })
      .count('* as n')
      .first();
    assert.equal(Number((ballots as { n: unknown }).n), 1);
  });

  test('voiding a code changes no ballot count; a used code cannot be voided', async () => {
    const roundId = await createVotingRound(app, 'ongeldig-2027');
    const [park] = await createProposals(app, roundId, [
      { title: 'Park', district: 'oost', cost: 10000 },
    ]);
    const [used, unused] = await createCodes(app, admin, 'ongeldig-2027', 'oost', 2);
    const verified = await verify('ongeldig-2027', { method: 'code', code: used });
    const { token } = (await verified.json()) as { token: string };
    const cast = await app.request(
      '/api/begroot/rounds/ongeldig-2027/ballots',
      json({ selections: [{ proposal: park }] }, { authorization: `Bearer ${token}` })
    );
    assert.equal(cast.status, 201, await cast.text());
    const before = await codeCounts('ongeldig-2027');
    assert.deepEqual(before.meta.ballots, { online: 1, kiosk: 0, paper: 0 });

    await expectError(
      await app.request(`/begroot/codes/${used}/void`, json({}, auth())),
      409,
      'ConflictError'
    );
    const voided = await app.request(`/begroot/codes/${unused}/void`, json({}, auth()));
    assert.equal(voided.status, 200, await voided.text());
    const after = await codeCounts('ongeldig-2027');
    assert.deepEqual(after.meta.ballots, before.meta.ballots);
    const oost = after.data.find((row) => row.district === 'oost')!;
    assert.deepEqual([oost.used, oost.ballots.online], [1, 1]);
  });
});

describe('what casting caches about a round', () => {
  test('a phase closed or a proposal withdrawn through the Document Service counts at once', async () => {
    const roundId = await createVotingRound(app, 'cache-2027');
    const [park, plein] = await createProposals(app, roundId, [
      { title: 'Park', district: 'oost', cost: 10000 },
      { title: 'Plein', district: 'oost', cost: 20000 },
    ]);
    const codes = await createCodes(app, admin, 'cache-2027', 'oost', 3);
    const tokenFor = async (code: string) =>
      ((await (await verify('cache-2027', { method: 'code', code })).json()) as { token: string })
        .token;
    const cast = (token: string, proposal: string) =>
      app.request(
        '/api/begroot/rounds/cache-2027/ballots',
        json({ selections: [{ proposal }] }, { authorization: `Bearer ${token}` })
      );
    // Warm the cache with a ballot, then withdraw a proposal.
    assert.equal((await cast(await tokenFor(codes[0]!), park!)).status, 201);
    const token = await tokenFor(codes[1]!);
    await app.strapi.documents(PROPOSAL_UID as never).update({
      documentId: plein!,
      data: { status: 'rejected' } as never,
    });
    const refused = await expectError(await cast(token, plein!), 400, 'ValidationError');
    assert.match(JSON.stringify(refused.error.details), /plein|unknown|not_admitted|proposal/i);

    // Close the vote: verification and casting stop at once.
    const round = (await app.strapi.documents(ROUND_UID).findOne({
      documentId: roundId,
    } as never)) as unknown as { phases: Array<{ kind: string; start: string; end: string }> };
    await app.strapi.documents(ROUND_UID).update({
      documentId: roundId,
      data: {
        phases: round.phases.map(({ kind, start, end }) =>
          kind === 'voting'
            ? { kind, start, end: new Date(Date.now() - 1000).toISOString() }
            : { kind, start, end }
        ),
      } as never,
    });
    await expectError(await cast(token, park!), 403, 'ForbiddenError');
    await expectError(
      await verify('cache-2027', { method: 'code', code: codes[2] }),
      403,
      'ForbiddenError'
    );
  });

  test('with the round cached, a ballot reads nothing: its transaction writes the register, the participation counter and the ballot', async () => {
    const roundId = await createVotingRound(app, 'cache-lezen');
    const [park] = await createProposals(app, roundId, [
      { title: 'Park', district: 'oost', cost: 10000 },
    ]);
    const codes = await createCodes(app, admin, 'cache-lezen', 'oost', 3);
    const cast = async (code: string, { cold = false } = {}) => {
      const verified = await verify('cache-lezen', { method: 'code', code });
      const { token } = (await verified.json()) as { token: string };
      // As right after a write to the round: the cache is empty.
      if (cold) app.strapi.plugin('begroot').service('voting').invalidateCache();
      const statements: string[] = [];
      const listen = (query: { sql: string }) => statements.push(query.sql);
      const knex = app.strapi.db.connection as unknown as {
        on(event: 'query', listener: typeof listen): void;
        off(event: 'query', listener: typeof listen): void;
      };
      knex.on('query', listen);
      try {
        const response = await app.request(
          '/api/begroot/rounds/cache-lezen/ballots',
          json({ selections: [{ proposal: park }] }, { authorization: `Bearer ${token}` })
        );
        assert.equal(response.status, 201, await response.text());
      } finally {
        knex.off('query', listen);
      }
      return statements.filter((sql) => !/^(begin|commit|savepoint|release)/i.test(sql.trim()));
    };
    await cast(codes[0]!);
    const statements = await cast(codes[1]!);
    assert.equal(statements.length, 3, statements.join('\n'));
    assert.match(statements[0]!, /^insert into .begroot_voters./i);
    assert.match(statements[1]!, /^insert into .begroot_participation./i);
    assert.match(statements[2]!, /^insert into .begroot_ballots./i);
    // For comparison, a ballot right after a write to the round reads it and its proposals again.
    const cold = await cast(codes[2]!, { cold: true });
    console.log(`# statements per ballot: ${statements.length} cached, ${cold.length} uncached`);
    assert.ok(cold.length > statements.length);
  });

  test('an entry lives for its TTL, failed loads are not kept, invalidate drops everything', async () => {
    let now = 1000;
    let loads = 0;
    const cache = new ExpiringCache<number>(5000, () => now);
    const load = async () => ++loads;
    assert.equal(await cache.get('a', load), 1);
    assert.equal(await cache.get('a', load), 1);
    now += 4999;
    assert.equal(await cache.get('a', load), 1);
    now += 1;
    assert.equal(await cache.get('a', load), 2, 'expired after the TTL');
    cache.invalidate();
    assert.equal(await cache.get('a', load), 3, 'invalidated');
    // Concurrent readers share one load.
    cache.invalidate();
    const [x, y] = await Promise.all([cache.get('a', load), cache.get('a', load)]);
    assert.equal(x, 4);
    assert.equal(y, 4);
    await assert.rejects(cache.get('b', () => Promise.reject(new Error('no round'))));
    assert.equal(await cache.get('b', load), 5, 'a failed load is not kept');
  });
});

describe('POST /begroot/rounds/:slug/paper-ballots/form', () => {
  test('answers what the code’s ballot may hold; 400 for an unknown code, 409 once used', async () => {
    const roundId = await createVotingRound(app, 'papier-2027');
    const [park] = await createProposals(app, roundId, [
      { title: 'Park', district: 'oost', cost: 10000 },
      { title: 'Afgewezen', district: 'oost', cost: 500, status: 'rejected' },
    ]);
    const [code] = await createCodes(app, admin, 'papier-2027', 'oost', 1);
    const form = (typed: string) =>
      app.request('/begroot/rounds/papier-2027/paper-ballots/form', json({ code: typed }, auth()));

    const response = await form(code!.toLowerCase());
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const { data } = JSON.parse(text) as {
      data: {
        district: string;
        voting: { method: string };
        budgets: Record<string, number>;
        proposals: Array<{ documentId: string; title: string; cost: number; district: string }>;
      };
    };
    assert.equal(data.district, 'oost');
    assert.equal(data.voting.method, 'approval');
    assert.deepEqual(data.budgets, { '': 300000, oost: 100000, west: 200000 });
    assert.deepEqual(data.proposals, [
      { documentId: park, title: 'Park', cost: 10000, district: 'oost' },
    ]);

    const unknown = await expectError(await form('AAAA-BBBB-CCCC-D'), 400, 'ValidationError');
    assert.deepEqual(
      (unknown.error.details as { errors: Array<{ path: string[] }> }).errors[0]!.path,
      ['code']
    );
    const paper = await app.request(
      '/begroot/rounds/papier-2027/paper-ballots',
      json({ code, selections: [{ proposal: park }] }, auth())
    );
    assert.equal(paper.status, 201, await paper.text());
    await expectError(await form(code!), 409, 'ConflictError');
  });
});

describe('upgrading ballots tables from before', () => {
  test('ballots with a channel: counted where the counter misses them, then the channel is emptied', async () => {
    const knex = app.strapi.db.connection;
    const counts = async (slug: string) =>
      (
        (await (
          await app.request(`/begroot/rounds/${slug}/codes`, { headers: auth() })
        ).json()) as {
          meta: { ballots: Record<string, number> };
        }
      ).meta.ballots;
    const kanaal = await counts('kanaal-2027');
    assert.deepEqual(kanaal, { online: 1, kiosk: 2, paper: 1 });

    // A table from before channels: the column is added at boot, its ballots were cast online.
    await knex.schema.alterTable('begroot_ballots', (table) => table.dropColumn('channel'));
    await ensureVotingTables(app.strapi);
    assert.equal(await knex.schema.hasColumn('begroot_ballots', 'channel'), true);
    assert.deepEqual(
      (await knex('begroot_ballots').distinct('channel')) as Array<{ channel: string }>,
      [{ channel: 'online' }]
    );

    // A round whose three ballots were cast before the participation counter existed: two online,
    // one at a kiosk, and no counts.
    const roundId = await createVotingRound(app, 'voorheen-2027');
    const [park] = await createProposals(app, roundId, [
      { title: 'Park', district: 'oost', cost: 10000 },
    ]);
    for (const code of await createCodes(app, admin, 'voorheen-2027', 'oost', 3)) {
      const verified = await verify('voorheen-2027', { method: 'code', code });
      const { token } = (await verified.json()) as { token: string };
      const cast = await app.request(
        '/api/begroot/rounds/voorheen-2027/ballots',
        json({ selections: [{ proposal: park }] }, { authorization: `Bearer ${token}` })
      );
      assert.equal(cast.status, 201, await cast.text());
    }
    const ids = (await knex('begroot_ballots')
      .where({ round_id: roundId })
      .orderBy('id')
      .pluck('id')) as string[];
    await knex('begroot_ballots').whereIn('id', ids).update({ channel: 'online' });
    await knex('begroot_ballots').where({ id: ids[0] }).update({ channel: 'kiosk' });
    await knex('begroot_participation').where({ round_id: roundId }).delete();
    assert.deepEqual(await counts('voorheen-2027'), { online: 0, kiosk: 0, paper: 0 });

    await forgetBallotChannels(app.strapi);
    assert.deepEqual(await counts('voorheen-2027'), { online: 2, kiosk: 1, paper: 0 });
    // Rounds the counter already counted in full keep their counts (their rows said "online").
    assert.deepEqual(await counts('kanaal-2027'), kanaal);
    assert.deepEqual(
      (await knex('begroot_ballots').distinct('channel')) as Array<{ channel: string }>,
      [{ channel: '' }]
    );
    // Once done, there is nothing left to do.
    await forgetBallotChannels(app.strapi);
    assert.deepEqual(await counts('voorheen-2027'), { online: 2, kiosk: 1, paper: 0 });
  });
});
