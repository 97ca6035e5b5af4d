/**
 * Embedding and abuse: CORS for the public API, rate limits (counted in Redis here: REDIS_URL is
 * set for this file), refusals that store nothing.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { repoRoot, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import {
  ARGUMENT_UID,
  PROPOSAL_UID,
  countRows,
  createProposal,
  createRound,
  postJson,
} from '../support/fixtures.ts';
import { createVotingRound, json } from '../support/voting.ts';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const PREFIX = `begroot-test:${crypto.randomBytes(6).toString('hex')}:`;
const CITY = 'https://www.voorbeeldstad.nl';
const OTHER = 'https://evil.example';

type Redis = {
  connect(): Promise<unknown>;
  get(key: string): Promise<string | null>;
  keys(pattern: string): Promise<string[]>;
  del(keys: string[]): Promise<number>;
  close?(): Promise<unknown>;
  quit?(): Promise<unknown>;
};

let app: TestStrapi;
let proposalId: string;
before(async () => {
  app = await startStrapi({ env: { REDIS_URL, BEGROOT_RATE_LIMIT_PREFIX: PREFIX } });
  await createRound(app, 'insluiten', 'ideas');
  await createRound(app, 'andere-stad', 'ideas', { allowedOrigins: ['https://www.andere.nl'] });
  const debate = await createRound(app, 'drukte', 'deliberation');
  proposalId = await createProposal(app, debate.documentId);
  await createVotingRound(app, 'stem-drukte');
});
const redisClient = async () => {
  const redis = createRequire(path.join(repoRoot, 'cms-plugin', 'package.json'))('redis') as {
    createClient(options: { url: string }): Redis;
  };
  const client = redis.createClient({ url: REDIS_URL });
  await client.connect();
  return client;
};
after(async () => {
  await app?.stop();
  const client = await redisClient();
  const keys = await client.keys(`${PREFIX}*`);
  if (keys.length) await client.del(keys);
  await (client.close?.() ?? client.quit?.());
});

const setLimits = (perClient: number, perRound: number) =>
  app.strapi.config.set('plugin::begroot.rateLimits', {
    perClient: { max: perClient, windowSeconds: 600 },
    perRound: { max: perRound, windowSeconds: 600 },
  });

const proposal = {
  title: 'Een nieuw bankje',
  description: 'Een bankje bij de bushalte voor wie moet wachten.',
  district: 'oost',
};

describe('CORS on /api/begroot/*', () => {
  test('a GET from the round’s allowed origin gets that origin back, without credentials', async () => {
    const response = await app.request('/api/begroot/rounds/insluiten', {
      headers: { origin: CITY },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), CITY);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    assert.match(response.headers.get('vary') ?? '', /Origin/i);
  });

  test('a GET from another origin gets no CORS headers (the browser withholds it)', async () => {
    for (const origin of [OTHER, 'https://www.andere.nl']) {
      const response = await app.request('/api/begroot/rounds/insluiten', {
        headers: { origin },
      });
      assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
    }
    const own = await app.request('/api/begroot/rounds/andere-stad', {
      headers: { origin: 'https://www.andere.nl' },
    });
    assert.equal(own.headers.get('access-control-allow-origin'), 'https://www.andere.nl');
  });

  test('the CMS’s own origin is allowed', async () => {
    const response = await app.request('/api/begroot/rounds/insluiten', {
      headers: { origin: app.url },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), app.url);
  });

  test('routes naming a proposal allow the origins of the rounds', async () => {
    const response = await app.request(`/api/begroot/proposals/${proposalId}`, {
      headers: { origin: CITY },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), CITY);
    const other = await app.request(`/api/begroot/proposals/${proposalId}`, {
      headers: { origin: OTHER },
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  test('a preflight from an allowed origin is answered; from another origin it is not', async () => {
    const preflight = (origin: string) =>
      app.request('/api/begroot/rounds/insluiten/proposals', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const ok = await preflight(CITY);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), CITY);
    assert.match(ok.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /content-type/i);
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    assert.equal(ok.headers.get('access-control-allow-credentials'), null);
    const refused = await preflight(OTHER);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    assert.equal(refused.headers.get('access-control-allow-methods'), null);
  });

  test('a write from another origin is refused with 403, nothing stored', async () => {
    const before = await countRows(app, PROPOSAL_UID);
    const body = await expectError(
      await postJson(app, '/api/begroot/rounds/insluiten/proposals', proposal, { origin: OTHER }),
      403,
      'ForbiddenError'
    );
    assert.match(body.error.message, /evil\.example/);
    assert.equal(await countRows(app, PROPOSAL_UID), before);
  });

  test('a write from the allowed origin goes through', async () => {
    const response = await postJson(app, '/api/begroot/rounds/insluiten/proposals', proposal, {
      origin: CITY,
    });
    assert.equal(response.status, 201, await response.clone().text());
    assert.equal(response.headers.get('access-control-allow-origin'), CITY);
  });

  test('a change to the allowed origins takes effect at once', async () => {
    const round = (await app.strapi
      .documents('plugin::begroot.round' as never)
      .findFirst({ filters: { slug: 'andere-stad' } as never })) as unknown as {
      documentId: string;
    };
    await app.strapi.documents('plugin::begroot.round' as never).update({
      documentId: round.documentId,
      data: { allowedOrigins: ['https://nieuw.andere.nl'] } as never,
    });
    const response = await app.request('/api/begroot/rounds/andere-stad', {
      headers: { origin: 'https://nieuw.andere.nl' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://nieuw.andere.nl');
  });
});

describe('rate limits (counters in Redis)', () => {
  test('the plugin counts in Redis when REDIS_URL is set', () => {
    const service = app.strapi.plugin('begroot').service('rate-limit') as { store: string };
    assert.equal(service.store, 'redis');
  });

  test('per client: over the limit answers 429 with a reason and Retry-After, nothing stored', async () => {
    setLimits(3, 0);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        // Refused requests count too: a bot sending junk is limited as well.
        const body = i === 1 ? { title: 'x' } : proposal;
        statuses.push(
          (await postJson(app, '/api/begroot/rounds/insluiten/proposals', body)).status
        );
      }
      assert.deepEqual(statuses, [201, 400, 201]);
      const before = await countRows(app, PROPOSAL_UID);
      const response = await postJson(app, '/api/begroot/rounds/insluiten/proposals', proposal);
      assert.ok(Number(response.headers.get('retry-after')) > 0);
      const error = await expectError(response, 429, 'RateLimitError');
      assert.match(error.error.message, /Too many requests/);
      assert.equal(await countRows(app, PROPOSAL_UID), before);

      // Each route has its own per-client counter.
      const argument = await postJson(app, `/api/begroot/proposals/${proposalId}/arguments`, {
        stance: 'for',
        body: 'Eens!',
        authorName: 'Ali',
      });
      assert.equal(argument.status, 201, await argument.clone().text());
    } finally {
      setLimits(0, 0);
    }
  });

  test('per round: all public writes of a round together, nothing stored when over', async () => {
    setLimits(0, 2);
    try {
      const post = () =>
        postJson(app, `/api/begroot/proposals/${proposalId}/arguments`, {
          stance: 'against',
          body: 'Oneens.',
          authorName: 'Bo',
        });
      assert.equal((await post()).status, 201);
      assert.equal((await post()).status, 201);
      const before = await countRows(app, ARGUMENT_UID);
      const error = await expectError(await post(), 429, 'RateLimitError');
      assert.match(error.error.message, /round/);
      assert.equal(await countRows(app, ARGUMENT_UID), before);
      // Another round is not affected.
      const other = await postJson(app, '/api/begroot/rounds/andere-stad/proposals', proposal);
      assert.equal(other.status, 201, await other.clone().text());
    } finally {
      setLimits(0, 0);
    }
  });

  test('reports are limited too', async () => {
    const created = (await (
      await postJson(app, `/api/begroot/proposals/${proposalId}/arguments`, {
        stance: 'for',
        body: 'Prima.',
        authorName: 'Cas',
      })
    ).json()) as { data: { documentId: string } };
    setLimits(1, 0);
    try {
      const report = () =>
        postJson(app, `/api/begroot/arguments/${created.data.documentId}/report`, {});
      assert.equal((await report()).status, 202);
      await expectError(await report(), 429, 'RateLimitError');
    } finally {
      setLimits(0, 0);
    }
  });

  test('verification attempts count in the same store: a flood answers 429 with Retry-After', async () => {
    const setVerificationLimits = (perClient: number, perRound: number) =>
      app.strapi.config.set('plugin::begroot.verificationLimits', {
        perClient: { max: perClient, windowSeconds: 600 },
        perRound: { max: perRound, windowSeconds: 600 },
      });
    setVerificationLimits(3, 0);
    try {
      const verify = () =>
        app.request(
          '/api/begroot/rounds/stem-drukte/verifications',
          json({ method: 'open', district: 'oost' })
        );
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await verify()).status);
      assert.deepEqual(statuses, [200, 200, 200]);
      const response = await verify();
      assert.ok(Number(response.headers.get('retry-after')) > 0);
      const error = await expectError(response, 429, 'RateLimitError');
      assert.match(error.error.message, /Too many verification attempts from your address/);

      // The counter is in Redis, under this run's prefix, where every app instance sees it.
      const client = await redisClient();
      try {
        const counted = await client.keys(`${PREFIX}client:verification:stem-drukte:*`);
        assert.equal(counted.length, 1);
        assert.equal(await client.get(counted[0]!), '4');
      } finally {
        await (client.close?.() ?? client.quit?.());
      }
    } finally {
      setVerificationLimits(0, 0);
    }
  });
});
