import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ballotTokenSchema } from '@begroot/core';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import {
  ADMIN_ENV,
  adminToken,
  createCodes,
  createVotingRound,
  editorToken,
  json,
  startSmtp,
} from '../support/voting.ts';

const CODE_FORMAT =
  /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/;

let app: TestStrapi;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let admin: string;
let codesRoundId: string;
before(async () => {
  smtp = await startSmtp();
  app = await startStrapi({
    env: {
      ...ADMIN_ENV,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_IGNORE_TLS: 'true',
      BEGROOT_VERIFY_LIMIT_CLIENT: '30',
    },
  });
  admin = await adminToken(app);
  codesRoundId = await createVotingRound(app, 'codes-2027');
  await createVotingRound(app, 'mail-2027');
  await createVotingRound(app, 'limit-2027');
  await createVotingRound(app, 'dicht-2027', {
    phases: [{ kind: 'ideas', start: '2020-01-01T00:00:00Z', end: '2020-02-01T00:00:00Z' }],
  });
});
after(async () => {
  await app?.stop();
  await smtp?.close();
});

const auth = () => ({ authorization: `Bearer ${admin}` });
const verify = (slug: string, body: unknown) =>
  app.request(`/api/begroot/rounds/${slug}/verifications`, json(body));

describe('POST /begroot/rounds/:slug/codes', () => {
  test('answers N new codes as CSV, unguessable and grouped for typing, and stores only hashes', async () => {
    const response = await app.request(
      '/begroot/rounds/codes-2027/codes',
      json({ district: 'oost', count: 1000 }, auth())
    );
    assert.equal(response.status, 201);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const lines = (await response.text()).trimEnd().split('\n');
    assert.equal(lines[0], 'code,district');
    assert.equal(lines.length, 1001);
    const codes = lines.slice(1).map((line) => line.split(','));
    for (const [code, district] of codes) {
      assert.match(code!, CODE_FORMAT);
      assert.equal(district, 'oost');
    }
    assert.equal(new Set(codes.map(([code]) => code)).size, 1000);

    // The database holds no code, in any form that reads like one. (Only this round's rows: the
    // demo seed has codes of its own.)
    const rows = (await app.strapi.db
      .connection('begroot_voting_codes')
      .where({ round_id: codesRoundId })
      .select('*')) as Array<Record<string, unknown>>;
    assert.equal(rows.length, 1000);
    const dump = JSON.stringify(rows);
    for (const [code] of codes.slice(0, 50)) {
      assert.ok(!dump.includes(code!), 'a code is stored');
      assert.ok(!dump.includes(code!.replaceAll('-', '')), 'a code is stored');
    }
  });

  test('makes 100,000 codes in one request', { timeout: 180_000 }, async () => {
    const started = performance.now();
    const codes = await createCodes(app, admin, 'codes-2027', 'west', 100_000);
    const seconds = (performance.now() - started) / 1000;
    assert.equal(codes.length, 100_000);
    assert.equal(new Set(codes).size, 100_000);
    console.log(`# 100,000 codes in ${seconds.toFixed(1)} s (${app.database.kind})`);
  });

  test('refuses an unknown district, a bad count and unknown fields, storing nothing', async () => {
    const count = async () =>
      Number(
        (
          (await app.strapi.db.connection('begroot_voting_codes').count('* as n').first()) as {
            n: unknown;
          }
        ).n
      );
    const before = await count();
    for (const body of [
      { district: 'zuid', count: 10 },
      { district: 'oost', count: 0 },
      { district: 'oost', count: '10' },
      { district: 'oost', count: 10, extra: true },
      { count: 10 },
    ]) {
      const response = await app.request('/begroot/rounds/codes-2027/codes', json(body, auth()));
      await expectError(response, 400, 'ValidationError');
    }
    assert.equal(await count(), before);
    await expectError(
      await app.request(
        '/begroot/rounds/bestaat-niet/codes',
        json({ district: 'oost', count: 1 }, auth())
      ),
      404,
      'NotFoundError'
    );
  });

  test('needs an admin with the permission', async () => {
    const anonymous = await app.request(
      '/begroot/rounds/codes-2027/codes',
      json({ district: 'oost', count: 1 })
    );
    assert.equal(anonymous.status, 401);
    const editor = await editorToken(app);
    const refused = await app.request(
      '/begroot/rounds/codes-2027/codes',
      json({ district: 'oost', count: 1 }, { authorization: `Bearer ${editor}` })
    );
    assert.equal(refused.status, 403);
    const permissions = app.strapi.service('admin::permission') as unknown as {
      actionProvider: { get(uid: string): unknown };
    };
    for (const action of [
      'plugin::begroot.codes.manage',
      'plugin::begroot.paper-ballots.create',
      'plugin::begroot.results.count',
      'plugin::begroot.results.publish',
    ]) {
      assert.ok(permissions.actionProvider.get(action), `${action} is not registered`);
    }
  });
});

describe('voting codes', () => {
  test('verify once per code: a token bound to the round and the district', async () => {
    const [code] = await createCodes(app, admin, 'codes-2027', 'oost', 1);
    const response = await verify('codes-2027', { method: 'code', code: code!.toLowerCase() });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown> & { data: unknown };
    const token = ballotTokenSchema.parse(body.data);
    // The contract: the three fields at the top level, beside Strapi's `data` envelope.
    assert.deepEqual(ballotTokenSchema.parse(body), token);
    assert.deepEqual(Object.keys(body).sort(), ['data', 'district', 'expiresAt', 'token']);
    assert.equal(token.district, 'oost');
    assert.ok(Date.parse(token.expiresAt) > Date.now());
    // Bound to its round: useless in another.
    const elsewhere = await app.request(
      '/api/begroot/rounds/mail-2027/ballots',
      json({ selections: [] }, { authorization: `Bearer ${token.token}` })
    );
    await expectError(elsewhere, 401, 'UnauthorizedError');
    // Forged.
    const forged = await app.request(
      '/api/begroot/rounds/codes-2027/ballots',
      json({ selections: [] }, { authorization: `Bearer ${token.token.slice(0, -2)}xx` })
    );
    await expectError(forged, 401, 'UnauthorizedError');
  });

  test('a wrong, voided or foreign code is refused', async () => {
    await expectError(
      await verify('codes-2027', { method: 'code', code: 'AAAA-BBBB-CCCC-D' }),
      401,
      'UnauthorizedError'
    );
    const [code] = await createCodes(app, admin, 'codes-2027', 'oost', 1);
    await expectError(
      await verify('mail-2027', { method: 'code', code }),
      401,
      'UnauthorizedError'
    );
    const voided = await app.request(
      `/begroot/codes/${code}/void`,
      json({ reissue: true }, auth())
    );
    assert.equal(voided.status, 200);
    const { data } = (await voided.json()) as {
      data: { voided: boolean; district: string; reissued: string };
    };
    assert.equal(data.voided, true);
    assert.equal(data.district, 'oost');
    assert.match(data.reissued, CODE_FORMAT);
    await expectError(
      await verify('codes-2027', { method: 'code', code }),
      401,
      'UnauthorizedError'
    );
    assert.equal((await verify('codes-2027', { method: 'code', code: data.reissued })).status, 200);
    await expectError(
      await app.request('/begroot/codes/AAAA-BBBB-CCCC-D/void', json({}, auth())),
      404,
      'NotFoundError'
    );
  });

  test('counts issued, used, unused and voided codes per district', async () => {
    const response = await app.request('/begroot/rounds/codes-2027/codes', { headers: auth() });
    assert.equal(response.status, 200);
    const { data } = (await response.json()) as {
      data: Array<{
        district: string;
        issued: number;
        used: number;
        unused: number;
        voided: number;
      }>;
    };
    const oost = data.find((entry) => entry.district === 'oost')!;
    const west = data.find((entry) => entry.district === 'west')!;
    assert.equal(west.issued, 100_000);
    assert.equal(west.unused, 100_000);
    assert.equal(oost.voided, 1);
    assert.equal(oost.issued, oost.used + oost.unused + oost.voided);
  });

  test('outside the voting phase, verification is refused', async () => {
    const closed = await expectError(
      await verify('dicht-2027', { method: 'open' }),
      403,
      'ForbiddenError'
    );
    assert.match(closed.error.message, /Voting is not open/);
  });
});

describe('e-mail verification', () => {
  test('mails a one-time code; with it, a token; the address is stored only as a keyed hash', async () => {
    const email = 'Ann.de.Vries@Example.org';
    const sent = await verify('mail-2027', { method: 'email', email, district: 'west' });
    assert.equal(sent.status, 202, await sent.clone().text());
    const otp = await smtp.codeFor('ann.de.vries@example.org');
    const wrong = otp === '000000' ? '111111' : '000000';
    await expectError(
      await verify('mail-2027', { method: 'email', email, otp: wrong }),
      401,
      'UnauthorizedError'
    );
    const response = await verify('mail-2027', { method: 'email', email, otp });
    assert.equal(response.status, 200, await response.clone().text());
    const token = ballotTokenSchema.parse(((await response.json()) as { data: unknown }).data);
    assert.equal(token.district, 'west');
    // Used up.
    await expectError(
      await verify('mail-2027', { method: 'email', email, otp }),
      401,
      'UnauthorizedError'
    );
    for (const table of ['begroot_email_otps', 'begroot_voters', 'begroot_ballots']) {
      const dump = JSON.stringify(await app.strapi.db.connection(table).select('*'));
      assert.doesNotMatch(dump, /ann\.de\.vries|example\.org/i);
    }
  });

  test('refuses a method the round does not offer', async () => {
    await createVotingRound(app, 'alleen-code', { verification: { methods: ['code'] } });
    await expectError(
      await verify('alleen-code', { method: 'email', email: 'a@example.org' }),
      403,
      'ForbiddenError'
    );
    await expectError(await verify('alleen-code', { method: 'open' }), 403, 'ForbiddenError');
  });

  test('refuses malformed input', async () => {
    for (const body of [
      { method: 'email', email: 'geen-adres' },
      { method: 'sms' },
      { method: 'code' },
      { method: 'code', code: 'X', extra: 1 },
    ]) {
      await expectError(await verify('mail-2027', body), 400, 'ValidationError');
    }
  });
});

describe('rate limits', () => {
  test('verification attempts per client address and round answer 429 with a clear message', async () => {
    let limited: Response | null = null;
    for (let i = 0; i < 40 && !limited; i += 1) {
      const response = await verify('limit-2027', { method: 'code', code: 'AAAA-BBBB-CCCC-D' });
      if (response.status === 429) limited = response;
      else assert.equal(response.status, 401);
    }
    assert.ok(limited, 'no attempt was limited');
    assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
    const body = await expectError(limited, 429, 'RateLimitError');
    assert.match(body.error.message, /Too many verification attempts.*Try again in \d+ seconds/);
    // Other rounds are not affected.
    assert.equal((await verify('codes-2027', { method: 'open', district: 'oost' })).status, 200);
  });
});
