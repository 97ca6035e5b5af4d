import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { roundPublicViewSchema } from '@begroot/core';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';

const ROUND_UID = 'plugin::begroot.round';

let app: TestStrapi;
before(async () => {
  app = await startStrapi();
});
after(async () => {
  await app?.stop();
});

describe('the plugin', () => {
  test('is built and registered: its content-type and routes exist', async () => {
    assert.ok(app.strapi.plugin('begroot'), 'plugin "begroot" is not loaded');
    const round = app.strapi.contentType(ROUND_UID);
    assert.ok(round, `${ROUND_UID} is missing`);
    assert.equal(round.options?.draftAndPublish, false);
    const response = await app.request('/api/begroot/rounds/voorbeeldstad-2027');
    assert.equal(response.status, 200, await response.clone().text());
  });
});

describe('GET /api/begroot/rounds/:slug', () => {
  test("answers the seeded round's public view, valid against core's schema", async () => {
    const response = await app.request('/api/begroot/rounds/voorbeeldstad-2027');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const body = (await response.json()) as { data: unknown };
    const parsed = roundPublicViewSchema.safeParse(body.data);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    const round = parsed.data;
    assert.equal(round.slug, 'voorbeeldstad-2027');
    assert.match(round.title, /Voorbeeldstad/);
    assert.equal(round.language, 'nl');
    assert.equal(round.currency, 'EUR');
    assert.equal(round.districts.length, 3);
    assert.equal(
      round.districts.reduce((sum, district) => sum + district.budget, 0),
      round.budget
    );
    assert.equal(round.currentPhase, 'ideas');
    assert.deepEqual(
      round.themes?.map((theme) => theme.slug),
      ['groen', 'verkeer', 'spelen']
    );
    assert.equal(round.voting?.method, 'approval');
    assert.equal(round.proposalForm?.askCost, true);
    assert.deepEqual(round.districts[0]?.neighbourhoods, []);
  });

  test('shows only the public fields', async () => {
    const body = (await (await app.request('/api/begroot/rounds/voorbeeldstad-2027')).json()) as {
      data: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(body.data).sort(), [
      'budget',
      'counting',
      'currency',
      'currentPhase',
      'description',
      'districts',
      'language',
      'mode',
      'phases',
      'proposalForm',
      'slug',
      'themes',
      'title',
      'verification',
      'voting',
    ]);
    // The city's allowed origins steer CORS on the server; they are not published.
    assert.doesNotMatch(JSON.stringify(body), /allowedOrigins|voorbeeldstad\.nl/);
  });

  test('answers 404 NotFoundError in Strapi’s format for an unknown slug', async () => {
    const body = await expectError(
      await app.request('/api/begroot/rounds/bestaat-niet'),
      404,
      'NotFoundError'
    );
    assert.match(body.error.message, /bestaat-niet/);
  });

  for (const [label, slug] of [
    ['capitals and underscores', 'Not_A_Slug'],
    ['a double hyphen', 'a--b'],
    ['an encoded space', 'a%20b'],
    ['an encoded quote and tag', '%22%3Cscript%3E'],
    ['81 characters', 'a'.repeat(81)],
  ] as const) {
    test(`answers 400 ValidationError for a slug with ${label}`, async () => {
      const body = await expectError(
        await app.request(`/api/begroot/rounds/${slug}`),
        400,
        'ValidationError'
      );
      const issues = body.error.details?.errors ?? [];
      assert.ok(issues.length > 0, 'details.errors is empty');
      assert.deepEqual(issues[0]?.path, ['slug']);
    });
  }

  test('computes the current phase from the dates, honouring a phase closed early', async () => {
    const day = 86_400_000;
    const now = Date.now();
    const at = (days: number) => new Date(now + days * day).toISOString();
    await app.strapi.documents(ROUND_UID).create({
      data: {
        slug: 'fase-test',
        title: 'Fase-test',
        budget: 1000,
        phases: [
          { kind: 'ideas', start: at(-10), end: at(-5) },
          { kind: 'voting', start: at(-1), end: at(5), closedAt: at(-0.5) },
        ],
      } as never,
    });
    const body = (await (await app.request('/api/begroot/rounds/fase-test')).json()) as {
      data: { currentPhase: string | null; phases: unknown[]; districts: unknown[] };
    };
    assert.equal(body.data.currentPhase, null);
    assert.equal(body.data.phases.length, 2);
    assert.deepEqual(body.data.districts, []);
  });
});

describe('writing a round', () => {
  const documents = () => app.strapi.documents(ROUND_UID);
  const valid = {
    slug: 'schrijf-test',
    title: 'Schrijftest',
    budget: 50000,
    phases: [{ kind: 'ideas', start: '2027-01-01T00:00:00Z', end: '2027-02-01T00:00:00Z' }],
    districts: [{ slug: 'oost', name: 'Oost', budget: 50000 }],
  };

  test('is checked against core’s round document schema on create', async () => {
    for (const data of [
      { ...valid, slug: 'Geen Slug' },
      { ...valid, title: '<b>vet</b>' },
      {
        ...valid,
        phases: [{ kind: 'ideas', start: '2027-02-01T00:00:00Z', end: '2027-01-01T00:00:00Z' }],
      },
      { ...valid, districts: [valid.districts[0], valid.districts[0]] },
      { ...valid, budget: -1 },
    ]) {
      await assert.rejects(
        documents().create({ data: data as never }),
        (error: Error) => error.name === 'ValidationError',
        JSON.stringify(data)
      );
    }
    assert.equal(await documents().count({ filters: { slug: valid.slug } } as never), 0);
  });

  test('stores the parsed document: trimmed text, defaults filled in', async () => {
    const created = await documents().create({
      data: { ...valid, title: '  Schrijftest  ' } as never,
    });
    const stored = (await documents().findOne({ documentId: created.documentId })) as unknown as {
      title: string;
      language: string;
      currency: string;
      voting: { method: string };
    };
    assert.equal(stored.title, 'Schrijftest');
    assert.equal(stored.language, 'nl');
    assert.equal(stored.currency, 'EUR');
    assert.equal(stored.voting.method, 'approval');
  });

  test('checks an update against the stored document merged with the change', async () => {
    const round = await documents().findFirst({ filters: { slug: valid.slug } } as never);
    assert.ok(round);
    await documents().update({ documentId: round.documentId, data: { budget: 60000 } as never });
    await assert.rejects(
      documents().update({
        documentId: round.documentId,
        data: { districts: [{ slug: 'oost', name: '', budget: 1 }] } as never,
      }),
      (error: Error) => error.name === 'ValidationError'
    );
    const stored = (await documents().findOne({ documentId: round.documentId })) as unknown as {
      budget: number | string;
      districts: { name: string }[];
    };
    assert.equal(Number(stored.budget), 60000);
    assert.equal(stored.districts[0]?.name, 'Oost');
  });
});
