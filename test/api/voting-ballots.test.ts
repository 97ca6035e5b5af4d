import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ballotReceiptSchema } from '@begroot/core';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import {
  ADMIN_ENV,
  adminToken,
  createCodes,
  createProposals,
  createVotingRound,
  json,
  verifyCode,
} from '../support/voting.ts';

let app: TestStrapi;
let admin: string;
const proposals: Record<string, string[]> = {};
const roundIds: Record<string, string> = {};

before(async () => {
  app = await startStrapi({ env: ADMIN_ENV });
  admin = await adminToken(app);
  const plain = await createVotingRound(app, 'stem-2027');
  roundIds.plain = plain;
  proposals.plain = await createProposals(app, plain, [
    { title: 'Bankjes in het park', district: 'oost', cost: 30000 },
    { title: 'Speeltuin', district: 'oost', cost: 60000 },
    { title: 'Fietspad', district: 'west', cost: 90000 },
    { title: 'Afgewezen plan', district: 'oost', cost: 1000, status: 'rejected' },
  ]);
  const knapsack = await createVotingRound(app, 'rugzak-2027', {
    voting: { method: 'knapsack', minSelections: 1, maxSelections: null, revote: 'replace' },
  });
  proposals.knapsack = await createProposals(app, knapsack, [
    { title: 'Boom', district: 'oost', cost: 40000 },
    { title: 'Plein', district: 'oost', cost: 70000 },
    { title: 'Bank', district: 'oost', cost: 10000 },
  ]);
});
after(async () => {
  await app?.stop();
});

const cast = (slug: string, token: string, body: unknown) =>
  app.request(
    `/api/begroot/rounds/${slug}/ballots`,
    json(body, { authorization: `Bearer ${token}` })
  );
const ballotCount = async () =>
  Number(
    ((await app.strapi.db.connection('begroot_ballots').count('* as n').first()) as { n: unknown })
      .n
  );

describe('POST /api/begroot/rounds/:slug/ballots', () => {
  test('a valid ballot answers 201 with a receipt, once per code', async () => {
    const [code] = await createCodes(app, admin, 'stem-2027', 'oost', 1);
    const { token } = await verifyCode(app, 'stem-2027', code!);
    const response = await cast('stem-2027', token, {
      selections: [{ proposal: proposals.plain![0] }, { proposal: proposals.plain![1] }],
    });
    assert.equal(response.status, 201, await response.clone().text());
    const receipt = ballotReceiptSchema.parse(((await response.json()) as { data: unknown }).data);
    assert.match(receipt.receipt, /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    assert.equal(receipt.replaced, false);

    // The same token again, and the code again: refused, 409, nothing stored.
    const before = await ballotCount();
    const again = await cast('stem-2027', token, {
      selections: [{ proposal: proposals.plain![0] }],
    });
    await expectError(again, 409, 'ConflictError');
    const verifyAgain = await app.request(
      '/api/begroot/rounds/stem-2027/verifications',
      json({ method: 'code', code })
    );
    await expectError(verifyAgain, 409, 'ConflictError');
    assert.equal(await ballotCount(), before);
  });

  test('a wrong ballot is refused with every reason, and nothing is consumed', async () => {
    const [code] = await createCodes(app, admin, 'stem-2027', 'oost', 1);
    const { token } = await verifyCode(app, 'stem-2027', code!);
    const before = await ballotCount();
    const cases: Array<[unknown, string[]]> = [
      [{ selections: [] }, ['too_few']],
      [{ selections: [{ proposal: proposals.plain![2] }] }, ['wrong_district']],
      [{ selections: [{ proposal: proposals.plain![3] }] }, ['unknown_proposal']],
      [
        { selections: [{ proposal: proposals.plain![0] }, { proposal: proposals.plain![0] }] },
        ['duplicate'],
      ],
      [{ selections: [{ proposal: proposals.plain![0], points: 3 }] }, ['points_not_allowed']],
    ];
    for (const [body, codes] of cases) {
      const response = await cast('stem-2027', token, body);
      const error = await expectError(response, 400, 'ValidationError');
      const found = (error.error.details?.errors ?? []).map((issue) => issue.code);
      for (const expected of codes) assert.ok(found.includes(expected), JSON.stringify(error));
    }
    for (const body of [{}, { selections: 'x' }, { selections: [], extra: 1 }]) {
      await expectError(await cast('stem-2027', token, body), 400, 'ValidationError');
    }
    assert.equal(await ballotCount(), before);
    // The code still works.
    const response = await cast('stem-2027', token, {
      selections: [{ proposal: proposals.plain![0] }],
    });
    assert.equal(response.status, 201);
  });

  test('a city page on an allowed origin may send the token (CORS preflight)', async () => {
    await app.strapi.documents('plugin::begroot.round' as never).update({
      documentId: roundIds.plain!,
      data: { allowedOrigins: ['https://www.voorbeeldstad.nl'] } as never,
    });
    const response = await app.request('/api/begroot/rounds/stem-2027/ballots', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.voorbeeldstad.nl',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(
      response.headers.get('access-control-allow-origin'),
      'https://www.voorbeeldstad.nl'
    );
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
  });

  test('an oversized body answers 413 and a non-JSON one 400, the code not used up', async () => {
    const [code] = await createCodes(app, admin, 'stem-2027', 'oost', 1);
    const { token } = await verifyCode(app, 'stem-2027', code!);
    const before = await ballotCount();
    const selections = [{ proposal: proposals.plain![0] }];
    const oversized = await cast('stem-2027', token, { selections, padding: 'x'.repeat(20_000) });
    const tooLarge = await expectError(oversized, 413, 'PayloadTooLargeError');
    assert.match(tooLarge.error.message, /larger than 16384 bytes/);
    const form = await app.request('/api/begroot/rounds/stem-2027/ballots', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `selections=${proposals.plain![0]}`,
    });
    const notJson = await expectError(form, 400, 'ValidationError');
    assert.match(notJson.error.message, /JSON/);
    assert.equal(await ballotCount(), before);

    // The same token still casts its one ballot.
    const valid = await cast('stem-2027', token, { selections });
    assert.equal(valid.status, 201, await valid.clone().text());
    assert.equal(await ballotCount(), before + 1);
  });

  test('verifications refuse an oversized or non-JSON body before using the code', async () => {
    const [code] = await createCodes(app, admin, 'stem-2027', 'oost', 1);
    const verifications = '/api/begroot/rounds/stem-2027/verifications';
    await expectError(
      await app.request(verifications, json({ method: 'code', code, padding: 'x'.repeat(20_000) })),
      413,
      'PayloadTooLargeError'
    );
    await expectError(
      await app.request(verifications, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ method: 'code', code }),
      }),
      400,
      'ValidationError'
    );
    const { token } = await verifyCode(app, 'stem-2027', code!);
    assert.ok(token);
  });

  test('without a valid token, 401', async () => {
    const body = { selections: [{ proposal: proposals.plain![0] }] };
    await expectError(
      await app.request('/api/begroot/rounds/stem-2027/ballots', json(body)),
      401,
      'UnauthorizedError'
    );
    await expectError(await cast('stem-2027', 'v1.e30.abc', body), 401, 'UnauthorizedError');
  });

  test('knapsack: over budget refused; revote replaces with the receipt only', async () => {
    const [code] = await createCodes(app, admin, 'rugzak-2027', 'oost', 1);
    const { token } = await verifyCode(app, 'rugzak-2027', code!);
    const [boom, plein, bank] = proposals.knapsack!;
    const over = await cast('rugzak-2027', token, {
      selections: [{ proposal: boom }, { proposal: plein }],
    });
    const error = await expectError(over, 400, 'ValidationError');
    assert.ok(error.error.details?.errors?.some((issue) => issue.code === 'over_budget'));

    const first = await cast('rugzak-2027', token, { selections: [{ proposal: plein }] });
    assert.equal(first.status, 201);
    const { receipt } = ((await first.json()) as { data: { receipt: string } }).data;
    // Without the receipt: refused.
    await expectError(
      await cast('rugzak-2027', token, { selections: [{ proposal: boom }] }),
      409,
      'ConflictError'
    );
    // A wrong receipt (another voter's, on a shared device): refused, with a code a ballot reads.
    const mismatch = await expectError(
      await cast('rugzak-2027', token, {
        selections: [{ proposal: boom }],
        receipt: 'AAAA-BBBB-CCCC-DDDD',
      }),
      403,
      'ForbiddenError'
    );
    assert.deepEqual(
      mismatch.error.details?.errors?.map(({ path, code }) => ({ path, code })),
      [{ path: ['receipt'], code: 'receipt_mismatch' }]
    );
    // The code verifies again (revote allowed) and the receipt replaces the ballot.
    const again = await verifyCode(app, 'rugzak-2027', code!);
    const replaced = await cast('rugzak-2027', again.token, {
      selections: [{ proposal: boom }, { proposal: bank }],
      receipt: receipt.toLowerCase(),
    });
    assert.equal(replaced.status, 201, await replaced.clone().text());
    const second = ((await replaced.json()) as { data: { receipt: string; replaced: boolean } })
      .data;
    assert.equal(second.replaced, true);
    assert.notEqual(second.receipt, receipt);
    const round = await app.strapi
      .documents('plugin::begroot.round' as never)
      .findFirst({ filters: { slug: 'rugzak-2027' } } as never);
    const rows = (await app.strapi.db
      .connection('begroot_ballots')
      .where({ round_id: (round as { documentId: string }).documentId })) as Array<{
      selections: string;
    }>;
    assert.equal(rows.length, 1);
    assert.deepEqual(
      (JSON.parse(rows[0]!.selections) as Array<{ proposal: string }>).map((s) => s.proposal),
      [boom, bank]
    );
    // The old receipt no longer works.
    await expectError(
      await cast('rugzak-2027', again.token, { selections: [{ proposal: bank }], receipt }),
      403,
      'ForbiddenError'
    );
  });

  test('revote forbidden: a receipt is refused', async () => {
    const [code] = await createCodes(app, admin, 'stem-2027', 'oost', 1);
    const { token } = await verifyCode(app, 'stem-2027', code!);
    await expectError(
      await cast('stem-2027', token, {
        selections: [{ proposal: proposals.plain![0] }],
        receipt: 'AAAA-BBBB-CCCC-DDDD',
      }),
      409,
      'ConflictError'
    );
  });
});

describe('POST /begroot/rounds/:slug/paper-ballots', () => {
  const paper = (body: unknown, token = admin) =>
    app.request(
      '/begroot/rounds/stem-2027/paper-ballots',
      json(body, { authorization: `Bearer ${token}` })
    );

  test('a paper ballot uses up its code: the code can no longer vote online', async () => {
    const [code] = await createCodes(app, admin, 'stem-2027', 'oost', 1);
    const response = await paper({ code, selections: [{ proposal: proposals.plain![0] }] });
    assert.equal(response.status, 201, await response.clone().text());
    ballotReceiptSchema.parse(((await response.json()) as { data: unknown }).data);
    await expectError(
      await app.request(
        '/api/begroot/rounds/stem-2027/verifications',
        json({ method: 'code', code })
      ),
      409,
      'ConflictError'
    );
    // Entered twice: refused.
    await expectError(
      await paper({ code, selections: [{ proposal: proposals.plain![0] }] }),
      409,
      'ConflictError'
    );
  });

  test('a code that voted online cannot also vote on paper', async () => {
    const [code] = await createCodes(app, admin, 'stem-2027', 'oost', 1);
    const { token } = await verifyCode(app, 'stem-2027', code!);
    assert.equal(
      (await cast('stem-2027', token, { selections: [{ proposal: proposals.plain![1] }] })).status,
      201
    );
    await expectError(
      await paper({ code, selections: [{ proposal: proposals.plain![0] }] }),
      409,
      'ConflictError'
    );
  });

  test('is checked like an online ballot, needs a valid code and the permission', async () => {
    const [code] = await createCodes(app, admin, 'stem-2027', 'oost', 1);
    const before = await ballotCount();
    const wrong = await expectError(
      await paper({ code, selections: [{ proposal: proposals.plain![2] }] }),
      400,
      'ValidationError'
    );
    assert.ok(wrong.error.details?.errors?.some((issue) => issue.code === 'wrong_district'));
    await expectError(
      await paper({ code: 'AAAA-BBBB-CCCC-D', selections: [{ proposal: proposals.plain![0] }] }),
      400,
      'ValidationError'
    );
    await expectError(await paper({ code, selections: [], extra: 1 }), 400, 'ValidationError');
    assert.equal(await ballotCount(), before);
    const anonymous = await app.request(
      '/begroot/rounds/stem-2027/paper-ballots',
      json({ code, selections: [{ proposal: proposals.plain![0] }] })
    );
    assert.equal(anonymous.status, 401);
    assert.equal(
      (await paper({ code, selections: [{ proposal: proposals.plain![0] }] })).status,
      201
    );
  });
});

describe('the secret ballot', () => {
  test('no table links a ballot to a code, an e-mail address or a client address', async () => {
    const [code] = await createCodes(app, admin, 'stem-2027', 'oost', 1);
    const { token } = await verifyCode(app, 'stem-2027', code!);
    const response = await cast('stem-2027', token, {
      selections: [{ proposal: proposals.plain![1] }],
    });
    assert.equal(response.status, 201);

    const knex = app.strapi.db.connection;
    const tables =
      app.database.kind === 'postgres'
        ? ((await knex.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"))
            .rows as Array<{ name: string }>)
        : ((await knex.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
          )) as Array<{ name: string }>);
    const dump = new Map<string, Array<Record<string, unknown>>>();
    for (const { name } of tables) dump.set(name, await knex(name).select('*'));

    // The ballots table: random id, round, district, day, selections, receipt tag, and the
    // channel column left from before, always empty (channels are counted apart). Nothing else.
    const ballots = dump.get('begroot_ballots')!;
    assert.deepEqual(Object.keys(ballots[0]!).sort(), [
      'channel',
      'day',
      'district',
      'id',
      'receipt_tag',
      'round_id',
      'selections',
    ]);
    for (const ballot of ballots) {
      assert.equal(ballot.channel, '');
      assert.match(String(ballot.id), /^[0-9a-f]{32}$/);
      assert.match(String(ballot.day), /^\d{4}-\d{2}-\d{2}$/);
    }
    // The register: round and credential hash only, no ballot content.
    const voters = dump.get('begroot_voters')!;
    assert.deepEqual(Object.keys(voters[0]!).sort(), ['credential', 'round_id']);

    // No value of a ballot (other than round and district) appears anywhere else, and no
    // credential hash, code or address appears in the ballots.
    const credentials = new Set(voters.map((row) => String(row.credential)));
    const codeHashes = new Set(
      (dump.get('begroot_voting_codes') ?? []).map((row) => String(row.code_hash))
    );
    const ballotText = JSON.stringify(ballots);
    for (const secret of [...credentials, ...codeHashes]) {
      assert.ok(!ballotText.includes(secret), 'a ballot row contains a credential hash');
    }
    assert.ok(!ballotText.includes(code!) && !ballotText.includes(code!.replaceAll('-', '')));
    assert.doesNotMatch(ballotText, /127\.0\.0\.1|::1|@/);
    for (const [name, rows] of dump) {
      if (name === 'begroot_ballots') continue;
      const text = JSON.stringify(rows);
      for (const ballot of ballots) {
        assert.ok(!text.includes(String(ballot.id)), `${name} names a ballot id`);
        assert.ok(!text.includes(String(ballot.receipt_tag)), `${name} holds a receipt tag`);
      }
    }
  });
});
