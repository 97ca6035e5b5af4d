import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { executionViewSchema, proposalPublicViewSchema } from '@begroot/core';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import { ADMIN_ENV, adminToken, createProposals, editorToken, json } from '../support/voting.ts';
import { createClosedRound } from '../support/results.ts';

let app: TestStrapi;
let admin: string;
let funded: string;
let other: string;
let notFunded: string;

before(async () => {
  app = await startStrapi({ env: ADMIN_ENV });
  admin = await adminToken(app);
  const { roundId } = await createClosedRound(app, 'uitvoering-2027', 0);
  [funded, other, notFunded] = (await createProposals(app, roundId, [
    { title: 'Speeltuin', district: 'oost', cost: 60000, status: 'funded' },
    { title: 'Fietspad', district: 'west', cost: 150000, status: 'funded' },
    { title: 'Bankjes', district: 'oost', cost: 50000, status: 'not_funded' },
  ])) as [string, string, string];
});
after(async () => {
  await app?.stop();
});

const patch = (id: string, body: unknown, token = admin) =>
  app.request(`/begroot/proposals/${id}/execution`, {
    ...json(body, { authorization: `Bearer ${token}` }),
    method: 'PATCH',
  });

async function publicView(id: string) {
  const response = await app.request(`/api/begroot/proposals/${id}`);
  assert.equal(response.status, 200);
  return proposalPublicViewSchema.parse(((await response.json()) as { data: unknown }).data);
}

describe('execution of funded proposals', () => {
  test('the list holds the funded proposals, each with its execution; others are left out', async () => {
    const response = await app.request('/begroot/rounds/uitvoering-2027/execution', {
      headers: { authorization: `Bearer ${admin}` },
    });
    assert.equal(response.status, 200);
    const { data } = (await response.json()) as {
      data: Array<{ documentId: string; district: string; execution: unknown }>;
    };
    assert.deepEqual(
      data.map((p) => p.documentId),
      [funded, other]
    );
    assert.deepEqual(executionViewSchema.parse(data[0]!.execution), {
      status: 'funded',
      progress: 0,
      spent: 0,
      granted: 60000,
      updates: [],
    });
    const view = await publicView(funded);
    assert.equal(view.execution?.granted, 60000);
    assert.equal('execution' in (await publicView(notFunded)), false);
  });

  test('bad changes answer 400 in Strapi format and store nothing', async () => {
    for (const body of [
      {},
      { progress: 101 },
      { progress: 12.5 },
      { spent: -1 },
      { spent: 10.001 },
      { status: 'rejected' },
      { update: '' },
      { progress: 10, colour: 'red' },
    ]) {
      const error = await expectError(await patch(funded, body), 400, 'ValidationError');
      assert.ok(error.error.message.length > 0);
    }
    // A step the status machine does not allow (funded → planned → funded), with a valid
    // progress beside it: neither is stored.
    assert.equal((await patch(funded, { status: 'planned' })).status, 200);
    const refused = await expectError(
      await patch(funded, { status: 'funded', progress: 40 }),
      400,
      'ValidationError'
    );
    assert.match(refused.error.message, /cannot move from planned to funded/);
    const view = await publicView(funded);
    assert.equal(view.execution?.status, 'planned');
    assert.equal(view.execution?.progress, 0);
    await expectError(await patch('nietbestaand00000000', { progress: 5 }), 404, 'NotFoundError');
  });

  test('status, progress, money spent and a dated public update reach the public view', async () => {
    const response = await patch(funded, {
      status: 'in_progress',
      progress: 35,
      spent: 21000.5,
      update: 'De grond is bouwrijp gemaakt.',
      publicReason: 'De aannemer is begonnen.',
    });
    assert.equal(response.status, 200, await response.clone().text());
    const { data } = (await response.json()) as { data: { execution: unknown } };
    const execution = executionViewSchema.parse(data.execution);
    assert.equal(execution.status, 'in_progress');
    assert.equal(execution.progress, 35);
    assert.equal(execution.spent, 21000.5);

    const view = await publicView(funded);
    assert.equal(view.status, 'in_progress');
    assert.deepEqual(
      { ...view.execution, updates: undefined },
      { status: 'in_progress', progress: 35, spent: 21000.5, granted: 60000, updates: undefined }
    );
    assert.equal(view.execution?.updates.at(-1)?.text, 'De grond is bouwrijp gemaakt.');
    assert.ok(Date.parse(view.execution!.updates.at(-1)!.date) <= Date.now());
    assert.deepEqual(view.updates, view.execution?.updates);
    assert.deepEqual(
      view.history.slice(-2).map((h) => [h.status, h.reason]),
      [
        ['planned', null],
        ['in_progress', 'De aannemer is begonnen.'],
      ]
    );
  });

  test('completed means 100 % unless told otherwise; overspending is reported, not refused', async () => {
    const response = await patch(other, { status: 'completed', spent: 160000 });
    assert.equal(response.status, 200, await response.clone().text());
    const view = await publicView(other);
    assert.deepEqual(
      { ...view.execution, updates: [] },
      { status: 'completed', progress: 100, spent: 160000, granted: 150000, updates: [] }
    );
  });

  test('a proposal that was not funded has no execution (409)', async () => {
    await expectError(await patch(notFunded, { progress: 10 }), 409, 'ConflictError');
  });

  test('managing execution needs the execution action', async () => {
    const anonymous = await app.request(`/begroot/proposals/${funded}/execution`, {
      ...json({ progress: 50 }),
      method: 'PATCH',
    });
    assert.equal(anonymous.status, 401);
    const editor = await editorToken(app);
    assert.equal((await patch(funded, { progress: 50 }, editor)).status, 403);
    const list = await app.request('/begroot/rounds/uitvoering-2027/execution', {
      headers: { authorization: `Bearer ${editor}` },
    });
    assert.equal(list.status, 403);
    assert.equal((await publicView(funded)).execution?.progress, 35);
  });
});
