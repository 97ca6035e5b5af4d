import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  proposalOutcomeViewSchema,
  proposalPublicViewSchema,
  type ProposalOutcomeView,
  type ProposalPublicView,
} from '@begroot/core';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import {
  PROPOSAL_UID,
  countRows,
  createProposal,
  createRound,
  postJson,
} from '../support/fixtures.ts';

type ListBody = {
  data: ProposalPublicView[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
};

let app: TestStrapi;
let listRound: { documentId: string; slug: string };
before(async () => {
  app = await startStrapi();
  await createRound(app, 'open-ideeen', 'ideas');
  await createRound(app, 'stemmen-nu', 'voting');
  await createRound(app, 'tussen-fasen', null);
  listRound = await createRound(app, 'lijst', 'deliberation');
  const costs = [5000, 1000, null, 3000];
  for (const [i, cost] of costs.entries()) {
    await createProposal(app, listRound.documentId, {
      district: i % 2 ? 'west' : 'oost',
      theme: i < 2 ? 'groen' : 'spelen',
      estimatedCost: cost,
    });
  }
  for (const status of ['submitted', 'in_review', 'rejected', 'merged']) {
    await createProposal(app, listRound.documentId, { status, title: `Niet publiek ${status}` });
  }
  // A round past its vote: ideas with each outcome, what officials wrote for the public, and a
  // rejected one whose own text must stay private.
  const outcomeRound = await createRound(app, 'uitkomsten', 'results');
  const target = await createProposal(app, outcomeRound.documentId, { title: 'Samengevoegd doel' });
  for (const status of ['submitted', 'in_review', 'funded']) {
    await createProposal(app, outcomeRound.documentId, { status, title: `Uitkomst ${status}` });
  }
  await createProposal(app, outcomeRound.documentId, {
    status: 'rejected',
    title: 'Afgewezen idee',
    summary: 'Geheime samenvatting',
    description: 'Bel Jan de Vries op 06-12345678, die buurman is een sukkel.',
    location: 'Dorpsstraat 12',
    authorName: 'Jan',
    estimatedCost: 99999,
    district: 'west',
    theme: 'spelen',
    publicReason: 'Dit valt buiten wat de gemeente mag doen.',
    history: [
      { status: 'submitted', at: '2026-01-05T10:00:00.000Z', reason: null },
      { status: 'rejected', at: '2026-01-20T10:00:00.000Z', reason: 'Buiten onze taken.' },
    ],
  });
  await createProposal(app, outcomeRound.documentId, {
    status: 'merged',
    title: 'Samengevoegd idee',
    mergedInto: target,
    publicReason: 'Hetzelfde idee als “Samengevoegd doel”.',
  });
  await createProposal(app, listRound.documentId, { status: 'funded', officialCost: 2000 });
});
after(async () => {
  await app?.stop();
});

const list = async (query = '', slug = 'lijst'): Promise<ListBody> => {
  const response = await app.request(`/api/begroot/rounds/${slug}/proposals${query}`);
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text) as ListBody;
};

const validProposal = {
  title: 'Bankjes in het park',
  summary: 'Meer plekken om te zitten.',
  description: 'Er staan te weinig bankjes in het park; ouderen kunnen nergens rusten.',
  estimatedCost: 12000,
  district: 'oost',
  theme: 'groen',
  location: 'Parklaan',
  authorName: 'Anna',
  email: 'anna@example.org',
};

describe('GET /api/begroot/rounds/:slug/proposals', () => {
  test('lists the demo round’s admitted proposals, valid against core’s public view', async () => {
    const body = await list('', 'voorbeeldstad-2027');
    assert.ok(body.data.length >= 5);
    for (const proposal of body.data) {
      const parsed = proposalPublicViewSchema.safeParse(proposal);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      assert.equal(proposal.round, 'voorbeeldstad-2027');
    }
  });

  test('shows admitted and later statuses only, with pagination in meta', async () => {
    const body = await list();
    assert.deepEqual(body.data.map((p) => p.status).sort(), [
      'admitted',
      'admitted',
      'admitted',
      'admitted',
      'funded',
    ]);
    assert.deepEqual(body.meta.pagination, { page: 1, pageSize: 25, pageCount: 1, total: 5 });
  });

  test('never shows the contact e-mail', async () => {
    const response = await app.request('/api/begroot/rounds/lijst/proposals');
    const text = await response.text();
    assert.doesNotMatch(text, /@example\.org|"email"/);
  });

  test('filters on district and theme', async () => {
    const west = await list('?district=west');
    assert.ok(west.data.length > 0);
    assert.ok(west.data.every((p) => p.district === 'west'));
    const spelen = await list('?theme=spelen');
    assert.equal(spelen.data.length, 2);
    assert.ok(spelen.data.every((p) => p.theme === 'spelen'));
    assert.equal((await list('?district=west&theme=groen')).data.length, 1);
  });

  test('sorts randomly by seed: the same seed gives the same order', async () => {
    const ids = async (seed: string) =>
      (await list(`?sort=random&seed=${seed}`)).data.map((p) => p.documentId);
    const a = await ids('bezoeker-1');
    assert.deepEqual(await ids('bezoeker-1'), a);
    const orders = new Set<string>();
    for (let i = 0; i < 12; i++) orders.add((await ids(`s${i}`)).join());
    assert.ok(orders.size > 1, 'every seed gave the same order');
    assert.deepEqual([...a].sort(), [...(await ids('x'))].sort());
  });

  test('sorts by cost (official cost first, unknown last) and by newest', async () => {
    const costs = (await list('?sort=cost')).data.map((p) => p.officialCost ?? p.estimatedCost);
    assert.deepEqual(costs, [1000, 2000, 3000, 5000, null]);
    const newest = (await list('?sort=newest')).data.map((p) => Date.parse(p.submittedAt));
    assert.deepEqual(
      newest,
      [...newest].sort((x, y) => y - x)
    );
  });

  test('pages through the list in a stable random order', async () => {
    const all = (await list('?seed=abc')).data.map((p) => p.documentId);
    const first = await list('?seed=abc&pageSize=2&page=1');
    const third = await list('?seed=abc&pageSize=2&page=3');
    assert.deepEqual(first.meta.pagination, { page: 1, pageSize: 2, pageCount: 3, total: 5 });
    assert.deepEqual(
      [...first.data, ...third.data].map((p) => p.documentId),
      [all[0], all[1], all[4]]
    );
  });

  for (const [label, query] of [
    ['an unknown sort', '?sort=popular'],
    ['a page of 0', '?page=0'],
    ['a page size over 100', '?pageSize=101'],
    ['a page that is not a number', '?page=abc'],
    ['an unknown parameter', '?status=submitted'],
    ['a malformed district', '?district=%3Cscript%3E'],
  ] as const) {
    test(`answers 400 for ${label}`, async () => {
      await expectError(
        await app.request(`/api/begroot/rounds/lijst/proposals${query}`),
        400,
        'ValidationError'
      );
    });
  }

  test('answers 404 for an unknown round', async () => {
    await expectError(
      await app.request('/api/begroot/rounds/bestaat-niet/proposals'),
      404,
      'NotFoundError'
    );
  });
});

describe('GET /api/begroot/proposals/:id', () => {
  test('answers a public proposal without contact details', async () => {
    const id = (await list()).data[0]!.documentId;
    const response = await app.request(`/api/begroot/proposals/${id}`);
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const body = JSON.parse(text) as { data: unknown };
    const parsed = proposalPublicViewSchema.safeParse(body.data);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.equal(parsed.data.documentId, id);
    assert.doesNotMatch(text, /@example\.org|"email"|responseDeadline/);
  });

  test('answers 404 for a proposal not reviewed yet (submitted, in review)', async () => {
    const hidden = await app.strapi.documents(PROPOSAL_UID as never).findMany({
      filters: {
        title: { $in: ['Niet publiek submitted', 'Niet publiek in_review'] },
      } as never,
    });
    assert.equal(hidden.length, 2);
    for (const proposal of hidden as Array<{ documentId: string }>) {
      await expectError(
        await app.request(`/api/begroot/proposals/${proposal.documentId}`),
        404,
        'NotFoundError'
      );
    }
  });

  test('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await expectError(
      await app.request('/api/begroot/proposals/abcdefghij0123456789abcd'),
      404,
      'NotFoundError'
    );
    await expectError(
      await app.request('/api/begroot/proposals/NOT-AN-ID'),
      400,
      'ValidationError'
    );
  });
});

describe('what happened to every idea (?outcome=all)', () => {
  type OutcomeBody = ListBody & { meta: { awaitingReview?: number } };
  const outcomes = async (query = ''): Promise<OutcomeBody> =>
    (await list(`?outcome=all&pageSize=100${query}`, 'uitkomsten')) as OutcomeBody;
  const byTitle = (body: { data: ProposalOutcomeView[] }, title: string) =>
    body.data.find((p) => p.title === title);

  test('the default list is unchanged: public statuses only, no awaitingReview', async () => {
    for (const query of ['', '?outcome=public']) {
      const body = await list(`${query}${query ? '&' : '?'}pageSize=100`, 'uitkomsten');
      const statuses = new Set(body.data.map((p) => p.status));
      assert.deepEqual([...statuses].sort(), ['admitted', 'funded']);
      assert.equal('awaitingReview' in body.meta, false);
    }
  });

  test('lists every reviewed status, and only counts those not reviewed yet', async () => {
    const body = await outcomes();
    const counts: Record<string, number> = {};
    for (const proposal of body.data) {
      const parsed = proposalOutcomeViewSchema.safeParse(proposal);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      counts[proposal.status] = (counts[proposal.status] ?? 0) + 1;
    }
    assert.deepEqual(counts, { admitted: 1, funded: 1, rejected: 1, merged: 1 });
    assert.equal(body.meta.awaitingReview, 2);
    assert.equal(body.meta.pagination.total, 4);
    assert.equal(
      body.data.some((p) => /Uitkomst (submitted|in_review)/.test(p.title)),
      false
    );
    // The district filter applies to the count too.
    assert.equal((await outcomes('&district=west')).meta.awaitingReview, 0);
  });

  test('a rejected idea shows the city’s reason and dates, never the resident’s text', async () => {
    const body = await outcomes('&district=west');
    // No official gave it a public title: it is listed by its number in the round (the fifth
    // submitted), never under the resident's own title (management.test.ts: public titles).
    const rejected = byTitle(body, 'Idee 5 (afgewezen)');
    assert.deepEqual(rejected, {
      documentId: rejected!.documentId,
      round: 'uitkomsten',
      title: 'Idee 5 (afgewezen)',
      district: 'west',
      theme: 'spelen',
      status: 'rejected',
      publicReason: 'Dit valt buiten wat de gemeente mag doen.',
      history: [
        { status: 'submitted', at: '2026-01-05T10:00:00.000Z', reason: null },
        { status: 'rejected', at: '2026-01-20T10:00:00.000Z', reason: 'Buiten onze taken.' },
      ],
      updates: [],
      submittedAt: rejected!.submittedAt,
    });
    // Only on request: by default the single route answers what the default list shows.
    const hidden = await app.request(`/api/begroot/proposals/${rejected!.documentId}`);
    assert.equal(hidden.status, 404);
    const one = await app.request(`/api/begroot/proposals/${rejected!.documentId}?outcome=all`);
    const text = await one.text();
    assert.equal(one.status, 200, text);
    assert.deepEqual((JSON.parse(text) as { data: unknown }).data, rejected);
    for (const raw of [JSON.stringify(body), text]) {
      assert.doesNotMatch(
        raw,
        /Afgewezen idee|Jan|Dorpsstraat|06-1234|sukkel|Geheime|99999|@example\.org/
      );
      assert.doesNotMatch(raw, /"email"|responseDeadline|"description":"Bel/);
    }
  });

  test('a merged idea points to the proposal it went into, with the reason', async () => {
    const body = await outcomes();
    const merged = byTitle(body, 'Samengevoegd idee') as ProposalPublicView;
    const target = byTitle(body, 'Samengevoegd doel')!;
    assert.equal(merged.mergedInto, target.documentId);
    assert.equal(merged.publicReason, 'Hetzelfde idee als “Samengevoegd doel”.');
    const hidden = await app.request(`/api/begroot/proposals/${merged.documentId}`);
    assert.equal(hidden.status, 404);
    const one = await app.request(`/api/begroot/proposals/${merged.documentId}?outcome=all`);
    assert.equal(one.status, 200);
    const parsed = proposalPublicViewSchema.parse(((await one.json()) as { data: unknown }).data);
    assert.equal(parsed.mergedInto, target.documentId);
    assert.doesNotMatch(JSON.stringify(body), /"email"|@example\.org|responseDeadline/);
  });

  test('answers 400 in Strapi’s format for an unknown outcome', async () => {
    for (const value of ['rejected', 'ALL', '']) {
      await expectError(
        await app.request(`/api/begroot/rounds/uitkomsten/proposals?outcome=${value}`),
        400,
        'ValidationError'
      );
    }
    const [any] = (await outcomes()).data;
    await expectError(
      await app.request(`/api/begroot/proposals/${any!.documentId}?outcome=rejected`),
      400,
      'ValidationError'
    );
  });
});

describe('POST /api/begroot/rounds/:slug/proposals', () => {
  test('stores a proposal in the ideas phase: 201 with its id and status', async () => {
    const before = await countRows(app, PROPOSAL_UID);
    const response = await postJson(app, '/api/begroot/rounds/open-ideeen/proposals', {
      ...validProposal,
      title: '  Bankjes in het park  ',
      website: '',
    });
    const text = await response.text();
    assert.equal(response.status, 201, text);
    const body = JSON.parse(text) as { data: { documentId: string; status: string } };
    assert.deepEqual(Object.keys(body.data).sort(), ['documentId', 'status']);
    assert.equal(body.data.status, 'submitted');
    assert.equal(await countRows(app, PROPOSAL_UID), before + 1);

    const stored = (await app.strapi.documents(PROPOSAL_UID as never).findOne({
      documentId: body.data.documentId,
      populate: ['round'] as never,
    })) as unknown as Record<string, unknown> & { round: { slug: string } };
    assert.equal(stored.title, 'Bankjes in het park');
    assert.equal(stored.email, 'anna@example.org');
    assert.equal(stored.round.slug, 'open-ideeen');
    assert.equal(stored.status, 'submitted');
    assert.deepEqual(
      (stored.history as Array<{ status: string }>).map((entry) => entry.status),
      ['submitted']
    );
    // The response deadline defaults to the round's six weeks (responseDays 42).
    const days =
      (Date.parse(String(stored.responseDeadline)) - Date.parse(String(stored.submittedAt))) /
      86_400_000;
    assert.equal(days, 42);

    // Submitted proposals are not public until admitted.
    await expectError(
      await app.request(`/api/begroot/proposals/${body.data.documentId}`),
      404,
      'NotFoundError'
    );
  });

  test('takes the response deadline from the round’s proposalForm.responseDays', async () => {
    await createRound(app, 'snel-antwoord', 'ideas', { proposalForm: { responseDays: 14 } });
    const response = await postJson(
      app,
      '/api/begroot/rounds/snel-antwoord/proposals',
      validProposal
    );
    assert.equal(response.status, 201);
    const { data } = (await response.json()) as { data: { documentId: string } };
    const stored = (await app.strapi
      .documents(PROPOSAL_UID as never)
      .findOne({ documentId: data.documentId })) as unknown as Record<string, string>;
    const days =
      (Date.parse(stored.responseDeadline!) - Date.parse(stored.submittedAt!)) / 86_400_000;
    assert.equal(days, 14);
  });

  test('accepts the smallest proposal: title, description, district', async () => {
    const response = await postJson(app, '/api/begroot/rounds/open-ideeen/proposals', {
      title: 'Meer bomen',
      description: 'Plant bomen in de straat voor schaduw.',
      district: 'west',
    });
    assert.equal(response.status, 201, await response.clone().text());
  });

  for (const [label, slug] of [
    ['the voting phase', 'stemmen-nu'],
    ['the deliberation phase', 'lijst'],
    ['no phase', 'tussen-fasen'],
  ] as const) {
    test(`refuses a proposal in ${label}: 403 with a clear message, nothing stored`, async () => {
      const before = await countRows(app, PROPOSAL_UID);
      const body = await expectError(
        await postJson(app, `/api/begroot/rounds/${slug}/proposals`, validProposal),
        403,
        'ForbiddenError'
      );
      assert.match(body.error.message, /ideas phase/);
      assert.equal(await countRows(app, PROPOSAL_UID), before);
    });
  }

  const bad: Array<[string, unknown, string?]> = [
    ['a title of the wrong type', { ...validProposal, title: 42 }, 'title'],
    ['a cost as text', { ...validProposal, estimatedCost: '12000' }, 'estimatedCost'],
    ['a negative cost', { ...validProposal, estimatedCost: -5 }, 'estimatedCost'],
    ['no title', { ...validProposal, title: undefined }, 'title'],
    ['no description', { ...validProposal, description: undefined }, 'description'],
    ['no district', { ...validProposal, district: undefined }, 'district'],
    ['an unknown district', { ...validProposal, district: 'noord' }, 'district'],
    ['an unknown theme', { ...validProposal, theme: 'sport' }, 'theme'],
    ['an unknown field', { ...validProposal, status: 'admitted' }],
    ['a round id smuggled in', { ...validProposal, round: 'x' }],
    ['a title over 80 characters', { ...validProposal, title: 'a'.repeat(81) }, 'title'],
    ['a description over 2000', { ...validProposal, description: 'a'.repeat(2001) }, 'description'],
    ['a script tag', { ...validProposal, description: 'Leuk <script>alert(1)</script> plan' }],
    ['an image tag in the title', { ...validProposal, title: 'Hoi <img src=x onerror=alert(1)>' }],
    ['an invalid e-mail', { ...validProposal, email: 'not-an-email' }, 'email'],
    ['the honeypot filled in', { ...validProposal, website: 'https://spam.example' }, 'website'],
    ['an array body', [validProposal]],
  ];
  for (const [label, body, field] of bad) {
    test(`answers 400 for ${label}, nothing stored`, async () => {
      const before = await countRows(app, PROPOSAL_UID);
      const error = await expectError(
        await postJson(app, '/api/begroot/rounds/open-ideeen/proposals', body),
        400,
        'ValidationError'
      );
      if (field) {
        const paths = (error.error.details?.errors ?? []).map((issue) => issue.path.join('.'));
        assert.ok(paths.includes(field), `no issue at ${field}: ${JSON.stringify(paths)}`);
      }
      assert.equal(await countRows(app, PROPOSAL_UID), before);
    });
  }

  for (const [label, raw] of [
    ['malformed JSON', '{"title":'],
    ['a JSON null', 'null'],
    ['a JSON string', '"title"'],
  ] as const) {
    test(`answers 400 for ${label}, nothing stored`, async () => {
      const before = await countRows(app, PROPOSAL_UID);
      const response = await postJson(app, '/api/begroot/rounds/open-ideeen/proposals', raw);
      assert.equal(response.status, 400, await response.clone().text());
      assert.equal(await countRows(app, PROPOSAL_UID), before);
    });
  }

  for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
    test(`answers 400 for content type ${type}, nothing stored`, async () => {
      const before = await countRows(app, PROPOSAL_UID);
      await expectError(
        await app.request('/api/begroot/rounds/open-ideeen/proposals', {
          method: 'POST',
          headers: { 'content-type': type },
          body:
            type === 'text/plain'
              ? JSON.stringify(validProposal)
              : new URLSearchParams(validProposal as never).toString(),
        }),
        400,
        'ValidationError'
      );
      assert.equal(await countRows(app, PROPOSAL_UID), before);
    });
  }

  test('answers 413 for an oversized body, nothing stored', async () => {
    const before = await countRows(app, PROPOSAL_UID);
    await expectError(
      await postJson(app, '/api/begroot/rounds/open-ideeen/proposals', {
        ...validProposal,
        description: 'a'.repeat(100_000),
      }),
      413,
      'PayloadTooLargeError'
    );
    assert.equal(await countRows(app, PROPOSAL_UID), before);
  });

  test('answers 404 for an unknown round and 400 for a malformed slug', async () => {
    const before = await countRows(app, PROPOSAL_UID);
    await expectError(
      await postJson(app, '/api/begroot/rounds/bestaat-niet/proposals', validProposal),
      404,
      'NotFoundError'
    );
    await expectError(
      await postJson(app, '/api/begroot/rounds/Bad_Slug/proposals', validProposal),
      400,
      'ValidationError'
    );
    assert.equal(await countRows(app, PROPOSAL_UID), before);
  });
});

describe('the proposal content-type', () => {
  test('keeps the contact e-mail private and the image to images', () => {
    const type = app.strapi.contentType(PROPOSAL_UID as never) as unknown as {
      attributes: Record<string, { private?: boolean; allowedTypes?: string[] }>;
      options?: { draftAndPublish?: boolean };
    };
    assert.equal(type.attributes.email?.private, true);
    assert.deepEqual(type.attributes.image?.allowedTypes, ['images']);
    assert.equal(type.options?.draftAndPublish, false);
  });
});

describe('a proposal’s image', () => {
  const file = (name: string, mime: string, sizeKb: number) =>
    app.strapi.db.query('plugin::upload.file' as never).create({
      data: {
        name,
        hash: `${name}-${Date.now()}`,
        ext: `.${name.split('.').pop()}`,
        mime,
        size: sizeKb,
        url: `/uploads/${name}`,
        provider: 'local',
      },
    }) as Promise<{ id: number }>;

  test('an image within the limit is stored and shown as imageUrl', async () => {
    const image = await file('bankje.jpg', 'image/jpeg', 200);
    const id = await createProposal(app, listRound.documentId, { image: image.id });
    const response = await app.request(`/api/begroot/proposals/${id}`);
    const { data } = (await response.json()) as { data: ProposalPublicView };
    assert.equal(data.imageUrl, '/uploads/bankje.jpg');
  });

  for (const [label, name, mime, sizeKb] of [
    ['larger than imageMaxBytes', 'groot.jpg', 'image/jpeg', 6000],
    ['an SVG', 'logo.svg', 'image/svg+xml', 2],
    ['not an image', 'plan.pdf', 'application/pdf', 20],
  ] as const) {
    test(`an image that is ${label} is refused, nothing stored`, async () => {
      const upload = await file(name, mime, sizeKb);
      const before = await countRows(app, PROPOSAL_UID);
      await assert.rejects(
        createProposal(app, listRound.documentId, { image: upload.id }),
        (error: Error & { details?: { errors?: Array<{ path: string[] }> } }) =>
          error.name === 'ValidationError' &&
          (error.details?.errors ?? []).some((issue) => issue.path[0] === 'image')
      );
      assert.equal(await countRows(app, PROPOSAL_UID), before);
    });
  }
});
