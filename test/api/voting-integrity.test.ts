/**
 * Integrity under load: one credential gives at most one counted ballot across two Strapi
 * processes on one PostgreSQL (the database decides); a crash (kill -9) during a burst of votes
 * loses no ballot that was answered 201.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import {
  ADMIN_ENV,
  adminToken,
  createCodes,
  createProposals,
  createVotingRound,
  json,
  spawnApp,
  verifyCode,
} from '../support/voting.ts';

let app: TestStrapi;
let admin: string;
let roundId: string;
let proposal: string;
const children: Array<Awaited<ReturnType<typeof spawnApp>>> = [];

before(async () => {
  app = await startStrapi({ env: { ...ADMIN_ENV, BEGROOT_VERIFY_LIMIT_CLIENT: '1000' } });
  admin = await adminToken(app);
  roundId = await createVotingRound(app, 'druk-2027');
  proposal = (
    await createProposals(app, roundId, [{ title: 'Bankjes', district: 'oost', cost: 1000 }])
  )[0]!;
});
after(async () => {
  for (const child of children) await child.stop();
  await app?.stop();
});

const cast = (base: string, token: string) =>
  fetch(
    new URL('/api/begroot/rounds/druk-2027/ballots', base),
    json({ selections: [{ proposal }] }, { authorization: `Bearer ${token}` })
  );
const count = async (table: string) =>
  Number(
    (
      (await app.strapi.db
        .connection(table)
        .where({ round_id: roundId })
        .count('* as n')
        .first()) as {
        n: unknown;
      }
    ).n
  );

describe('one credential, many simultaneous ballots', () => {
  test(
    '200 at once across two Strapi processes on one PostgreSQL: exactly one 201, the rest 409',
    { skip: !process.env.DATABASE_URL && 'PostgreSQL only (set DATABASE_URL)', timeout: 300_000 },
    async () => {
      const second = await spawnApp();
      children.push(second);
      const [code] = await createCodes(app, admin, 'druk-2027', 'oost', 1);
      const { token } = await verifyCode(app, 'druk-2027', code!);
      const before = await count('begroot_ballots');
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => cast(i % 2 === 0 ? app.url : second.url, token))
      );
      const statuses = responses.map((response) => response.status);
      const bodies = await Promise.all(responses.map((response) => response.text()));
      const tally = statuses.reduce<Record<number, number>>((acc, status) => {
        acc[status] = (acc[status] ?? 0) + 1;
        return acc;
      }, {});
      console.log(`# 200 simultaneous ballots, one credential: ${JSON.stringify(tally)}`);
      assert.equal(statuses.filter((status) => status === 201).length, 1, JSON.stringify(tally));
      assert.equal(statuses.filter((status) => status === 409).length, 199, JSON.stringify(tally));
      for (const body of bodies) assert.doesNotMatch(body, /duplicate key|23505|SQLITE/i);
      assert.equal((await count('begroot_ballots')) - before, 1);
      await second.stop();
    }
  );

  test('100 at once in one process: exactly one 201', { timeout: 120_000 }, async () => {
    const [code] = await createCodes(app, admin, 'druk-2027', 'oost', 1);
    const { token } = await verifyCode(app, 'druk-2027', code!);
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () => cast(app.url, token).then((r) => r.status))
    );
    assert.equal(statuses.filter((status) => status === 201).length, 1, String(statuses));
    assert.equal(statuses.filter((status) => status === 409).length, 99, String(statuses));
  });
});

describe('a crash during a burst of votes', () => {
  test(
    'every ballot answered 201 is still there after kill -9 and a restart',
    { timeout: 300_000 },
    async () => {
      const codes = await createCodes(app, admin, 'druk-2027', 'oost', 60);
      const tokens = [];
      for (const code of codes) tokens.push((await verifyCode(app, 'druk-2027', code)).token);
      const ballotsBefore = await count('begroot_ballots');
      const votersBefore = await count('begroot_voters');

      const child = await spawnApp();
      children.push(child);
      const accepted: string[] = [];
      let killed = false;
      const burst = tokens.map(async (token, i) => {
        // Staggered so that some ballots are in flight when the process dies.
        await new Promise((resolve) => setTimeout(resolve, i * 15));
        try {
          const response = await cast(child.url, token);
          if (response.status === 201) accepted.push(codes[i]!);
          else await response.text();
        } catch {
          // The connection died with the process.
        }
        if (!killed && accepted.length >= 20) {
          killed = true;
          child.child.kill('SIGKILL');
        }
      });
      await Promise.all(burst);
      await child.stop();
      assert.ok(accepted.length >= 20, `only ${accepted.length} ballots were accepted`);

      // Restart, and look through the new process and the database.
      const restarted = await spawnApp();
      children.push(restarted);
      const ballots = (await count('begroot_ballots')) - ballotsBefore;
      const voters = (await count('begroot_voters')) - votersBefore;
      console.log(`# kill -9: ${accepted.length} answered 201, ${ballots} ballots stored`);
      assert.ok(ballots >= accepted.length, `${ballots} ballots for ${accepted.length} × 201`);
      assert.equal(ballots, voters, 'a ballot without its register entry, or the other way round');
      for (const code of accepted) {
        const response = await fetch(
          new URL('/api/begroot/rounds/druk-2027/verifications', restarted.url),
          json({ method: 'code', code })
        );
        assert.equal(response.status, 409, `code of an accepted ballot: ${await response.text()}`);
      }
      await restarted.stop();
    }
  );
});
