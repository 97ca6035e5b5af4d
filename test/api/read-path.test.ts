import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { createProposal, createRound, postJson } from '../support/fixtures.ts';

let app: TestStrapi;
let proposalId: string;
before(async () => {
  app = await startStrapi();
  const round = await createRound(app, 'lezen', 'deliberation');
  proposalId = await createProposal(app, round.documentId);
});
after(async () => {
  await app?.stop();
});

const routes = () => [
  '/api/begroot/rounds/lezen',
  '/api/begroot/rounds/lezen/proposals?sort=newest',
  `/api/begroot/proposals/${proposalId}`,
  `/api/begroot/proposals/${proposalId}/arguments`,
];

describe('the read path', () => {
  test('every public GET sends an ETag and a short public Cache-Control', async () => {
    for (const route of routes()) {
      const response = await app.request(route);
      assert.equal(response.status, 200, route);
      assert.match(response.headers.get('etag') ?? '', /^W\/".+"$/, route);
      assert.match(response.headers.get('cache-control') ?? '', /public, max-age=\d+/, route);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/, route);
      // Strapi's global CORS (any origin, with credentials) does not reach these routes.
      assert.equal(response.headers.get('access-control-allow-credentials'), null, route);
      const body = (await response.json()) as { data: unknown };
      assert.ok(body.data, route);
    }
  });

  test('a matching If-None-Match answers 304 without a body', async () => {
    for (const route of routes()) {
      const etag = (await app.request(route)).headers.get('etag')!;
      const response = await app.request(route, { headers: { 'if-none-match': etag } });
      assert.equal(response.status, 304, route);
      assert.equal(await response.text(), '');
      assert.equal(response.headers.get('etag'), etag);
      const stale = await app.request(route, { headers: { 'if-none-match': 'W/"old"' } });
      assert.equal(stale.status, 200, route);
    }
  });

  test('a write changes the answer and its ETag at once', async () => {
    const route = `/api/begroot/proposals/${proposalId}/arguments`;
    const before = await app.request(route);
    const etag = before.headers.get('etag')!;
    const posted = await postJson(app, route, {
      stance: 'for',
      body: 'Goed plan!',
      authorName: 'Jo',
    });
    assert.equal(posted.status, 201);
    const after = await app.request(route, { headers: { 'if-none-match': etag } });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get('etag'), etag);
    const { data } = (await after.json()) as { data: unknown[] };
    assert.equal(data.length, 1);
  });

  test('errors are not cached and carry no ETag', async () => {
    const response = await app.request('/api/begroot/rounds/bestaat-niet');
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('etag'), null);
  });
});
