import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  rejectedProposalViewSchema,
  roundDocumentSchema,
  type ProposalOutcomeView,
} from '@begroot/core';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import {
  SUPER_ADMIN,
  SUPER_ADMIN_ENV,
  adminRequest,
  login,
  userWithActions,
} from '../support/admin.ts';
import {
  PROPOSAL_UID,
  ROUND_UID,
  countRows,
  createProposal,
  createRound,
} from '../support/fixtures.ts';

const ISSUE_ROUND = {
  slug: 'noord-2027',
  title: 'Buurtbudget Noord 2027',
  description: 'Een ronde uit een JSON-document.',
  language: 'nl',
  currency: 'EUR',
  mode: 'decide',
  budget: 300000,
  phases: [
    { kind: 'ideas', start: '2027-01-10T00:00:00Z', end: '2027-02-10T00:00:00Z' },
    { kind: 'voting', start: '2027-03-01T00:00:00Z', end: '2027-03-21T00:00:00Z' },
  ],
  districts: [
    {
      slug: 'oost',
      name: 'Oost',
      budget: 100000,
      neighbourhoods: [{ slug: 'dorp', name: 'Het Dorp', cap: 40000 }],
    },
  ],
  themes: [{ slug: 'groen', name: 'Groen' }],
  proposalForm: { askCost: true, titleMax: 80, descriptionMax: 2000 },
  voting: {
    method: 'knapsack',
    minSelections: 1,
    maxSelections: null,
    points: null,
    minSpendShare: 0,
    districtScope: 'own',
    revote: 'replace',
  },
  counting: { rule: 'mes', satisfaction: 'cost', completion: 'add1', tieBreak: 'cost-votes' },
  verification: { methods: ['code'] },
  allowedOrigins: ['https://www.voorbeeldstad.nl'],
};

const ACTIONS = {
  rounds: 'plugin::begroot.rounds.manage',
  review: 'plugin::begroot.proposals.review',
  moderate: 'plugin::begroot.arguments.moderate',
};

let app: TestStrapi;
let admin: string;
let contentTeam: string;
let reviewer: string;
let round: { documentId: string; slug: string };
before(async () => {
  app = await startStrapi({ env: SUPER_ADMIN_ENV });
  admin = await login(app, SUPER_ADMIN.email, SUPER_ADMIN.password);
  contentTeam = await userWithActions(app, [ACTIONS.rounds]);
  reviewer = await userWithActions(app, [ACTIONS.review]);
  round = await createRound(app, 'review-ronde', 'review');
});
after(async () => {
  await app?.stop();
});

describe('admin actions', () => {
  test('are registered, so a city can give them to roles', () => {
    const provider = (
      app.strapi.service('admin::permission') as unknown as {
        actionProvider: { get(uid: string): unknown };
      }
    ).actionProvider;
    for (const action of Object.values(ACTIONS)) assert.ok(provider.get(action), action);
  });
});

describe('round management', () => {
  test('POST /begroot/rounds creates a round from the issue’s JSON document: 201', async () => {
    const before = await countRows(app, ROUND_UID);
    const response = await adminRequest(app, admin, 'POST', '/begroot/rounds', ISSUE_ROUND);
    const text = await response.text();
    assert.equal(response.status, 201, text);
    const { data } = JSON.parse(text) as { data: Record<string, unknown> };
    assert.equal(data.slug, 'noord-2027');
    assert.match(String(data.documentId), /^[a-z0-9]+$/);
    assert.equal(await countRows(app, ROUND_UID), before + 1);
    const publicView = await app.request('/api/begroot/rounds/noord-2027');
    assert.equal(publicView.status, 200);
  });

  test('POST /begroot/rounds answers 409 for a slug in use, nothing stored', async () => {
    const before = await countRows(app, ROUND_UID);
    await expectError(
      await adminRequest(app, contentTeam, 'POST', '/begroot/rounds', ISSUE_ROUND),
      409,
      'ConflictError'
    );
    assert.equal(await countRows(app, ROUND_UID), before);
  });

  for (const [label, body] of [
    ['an unknown field', { ...ISSUE_ROUND, slug: 'x-1', colour: 'red' }],
    ['no phases', { ...ISSUE_ROUND, slug: 'x-2', phases: [] }],
    ['a budget as text', { ...ISSUE_ROUND, slug: 'x-3', budget: '300000' }],
    ['markup in the title', { ...ISSUE_ROUND, slug: 'x-4', title: '<b>Ronde</b>' }],
    ['an origin with a path', { ...ISSUE_ROUND, slug: 'x-5', allowedOrigins: ['https://a.nl/x'] }],
  ] as const) {
    test(`POST /begroot/rounds answers 400 for ${label}, nothing stored`, async () => {
      const before = await countRows(app, ROUND_UID);
      await expectError(
        await adminRequest(app, admin, 'POST', '/begroot/rounds', body),
        400,
        'ValidationError'
      );
      assert.equal(await countRows(app, ROUND_UID), before);
    });
  }

  test('GET /begroot/rounds lists the round documents, allowed origins included', async () => {
    const response = await adminRequest(app, contentTeam, 'GET', '/begroot/rounds');
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const { data } = JSON.parse(text) as { data: Array<Record<string, unknown>> };
    const noord = data.find((r) => r.slug === 'noord-2027');
    assert.ok(noord);
    assert.deepEqual(noord.allowedOrigins, ['https://www.voorbeeldstad.nl']);
    const { documentId: _id, currentPhase: _phase, ...document } = noord;
    assert.ok(roundDocumentSchema.safeParse(document).success);
  });

  test('PUT /begroot/rounds/:slug replaces the document', async () => {
    const response = await adminRequest(app, contentTeam, 'PUT', '/begroot/rounds/noord-2027', {
      ...ISSUE_ROUND,
      title: 'Buurtbudget Noord 2027 (herzien)',
    });
    assert.equal(response.status, 200, await response.clone().text());
    const view = (await (await app.request('/api/begroot/rounds/noord-2027')).json()) as {
      data: { title: string };
    };
    assert.equal(view.data.title, 'Buurtbudget Noord 2027 (herzien)');
  });

  test('PUT /begroot/rounds/:slug answers 404 for an unknown round, 400 for a bad one', async () => {
    await expectError(
      await adminRequest(app, admin, 'PUT', '/begroot/rounds/bestaat-niet', ISSUE_ROUND),
      404,
      'NotFoundError'
    );
    await expectError(
      await adminRequest(app, admin, 'PUT', '/begroot/rounds/noord-2027', {
        ...ISSUE_ROUND,
        budget: -1,
      }),
      400,
      'ValidationError'
    );
  });
});

describe('permissions', () => {
  test('without a login, the management routes answer 401', async () => {
    for (const [method, path] of [
      ['GET', '/begroot/rounds'],
      ['GET', '/begroot/rounds/review-ronde/proposals'],
    ]) {
      const response = await app.request(path!, { method });
      assert.equal(response.status, 401, `${method} ${path}`);
    }
  });

  test('a reviewer without rounds.manage gets 403 on the round routes, nothing stored', async () => {
    const before = await countRows(app, ROUND_UID);
    await expectError(
      await adminRequest(app, reviewer, 'GET', '/begroot/rounds'),
      403,
      'PolicyError'
    );
    await expectError(
      await adminRequest(app, reviewer, 'POST', '/begroot/rounds', {
        ...ISSUE_ROUND,
        slug: 'mag-niet',
      }),
      403,
      'PolicyError'
    );
    assert.equal(await countRows(app, ROUND_UID), before);
  });

  test('the content team without proposals.review gets 403 on the review routes', async () => {
    const id = await createProposal(app, round.documentId, { status: 'submitted' });
    await expectError(
      await adminRequest(app, contentTeam, 'GET', '/begroot/rounds/review-ronde/proposals'),
      403,
      'PolicyError'
    );
    await expectError(
      await adminRequest(app, contentTeam, 'PATCH', `/begroot/proposals/${id}`, {
        status: 'in_review',
      }),
      403,
      'PolicyError'
    );
    const stored = (await app.strapi
      .documents(PROPOSAL_UID as never)
      .findOne({ documentId: id })) as unknown as { status: string };
    assert.equal(stored.status, 'submitted');
  });
});

describe('the review queue', () => {
  test('GET /begroot/rounds/:slug/proposals lists every status with contact, paginated', async () => {
    for (const status of ['submitted', 'in_review', 'rejected', 'admitted']) {
      await createProposal(app, round.documentId, { status });
    }
    const response = await adminRequest(
      app,
      reviewer,
      'GET',
      '/begroot/rounds/review-ronde/proposals?pageSize=2'
    );
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const body = JSON.parse(text) as {
      data: Array<{ email: string | null; responseDeadline: string | null; status: string }>;
      meta: { pagination: { total: number; pageSize: number; pageCount: number } };
    };
    const total = await app.strapi
      .documents(PROPOSAL_UID as never)
      .count({ filters: { round: { documentId: round.documentId } } as never });
    assert.equal(body.meta.pagination.total, total);
    assert.equal(body.data.length, 2);
    assert.equal(body.meta.pagination.pageCount, Math.ceil(total / 2));
    assert.match(body.data[0]!.email ?? '', /@example\.org$/);

    const submitted = (await (
      await adminRequest(
        app,
        reviewer,
        'GET',
        '/begroot/rounds/review-ronde/proposals?status=submitted&pageSize=100'
      )
    ).json()) as { data: Array<{ status: string }> };
    assert.ok(submitted.data.length > 0);
    assert.ok(submitted.data.every((p) => p.status === 'submitted'));
  });

  test('PATCH /begroot/proposals/:id moves the status and records it publicly', async () => {
    const id = await createProposal(app, round.documentId, {
      status: 'submitted',
      history: [{ status: 'submitted', at: new Date().toISOString(), reason: null }],
    });
    let response = await adminRequest(app, reviewer, 'PATCH', `/begroot/proposals/${id}`, {
      status: 'in_review',
    });
    assert.equal(response.status, 200, await response.clone().text());
    response = await adminRequest(app, reviewer, 'PATCH', `/begroot/proposals/${id}`, {
      status: 'admitted',
      officialCost: 15000,
      publicReason: 'Haalbaar; de kosten zijn hoger door de bestrating.',
    });
    const text = await response.text();
    assert.equal(response.status, 200, text);

    const publicView = (await (await app.request(`/api/begroot/proposals/${id}`)).json()) as {
      data: {
        status: string;
        officialCost: number;
        publicReason: string;
        history: Array<{ status: string; reason: string | null }>;
      };
    };
    assert.equal(publicView.data.status, 'admitted');
    assert.equal(publicView.data.officialCost, 15000);
    assert.match(publicView.data.publicReason, /Haalbaar/);
    assert.deepEqual(
      publicView.data.history.map((h) => h.status),
      ['submitted', 'in_review', 'admitted']
    );
    assert.match(publicView.data.history[2]!.reason ?? '', /Haalbaar/);
  });

  test('PATCH adds dated public updates during execution', async () => {
    const id = await createProposal(app, round.documentId, { status: 'funded' });
    const response = await adminRequest(app, reviewer, 'PATCH', `/begroot/proposals/${id}`, {
      status: 'in_progress',
      update: 'De bankjes zijn besteld.',
    });
    assert.equal(response.status, 200, await response.clone().text());
    const view = (await (await app.request(`/api/begroot/proposals/${id}`)).json()) as {
      data: { status: string; updates: Array<{ date: string; text: string }> };
    };
    assert.equal(view.data.status, 'in_progress');
    assert.equal(view.data.updates.length, 1);
    assert.equal(view.data.updates[0]!.text, 'De bankjes zijn besteld.');
  });

  test('PATCH merges into another proposal of the round', async () => {
    const target = await createProposal(app, round.documentId, { status: 'admitted' });
    const id = await createProposal(app, round.documentId, { status: 'in_review' });
    const response = await adminRequest(app, reviewer, 'PATCH', `/begroot/proposals/${id}`, {
      status: 'merged',
      mergedInto: target,
      publicReason: 'Samengevoegd met een vergelijkbaar voorstel.',
    });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    assert.equal((JSON.parse(text) as { data: { mergedInto: string } }).data.mergedInto, target);
  });

  const refusals: Array<[string, Record<string, unknown>, string]> = [
    ['a move the status rules forbid', { status: 'completed' }, 'status'],
    ['a rejection without a public reason', { status: 'rejected' }, 'publicReason'],
    ['a merge without a target', { status: 'merged' }, 'mergedInto'],
    [
      'a merge into an unknown proposal',
      { status: 'merged', mergedInto: 'abcdefghij0123456789abcd' },
      'mergedInto',
    ],
    ['an unknown status', { status: 'approved' }, 'status'],
    ['a cost as text', { officialCost: '15000' }, 'officialCost'],
    ['an unknown field', { email: 'x@example.org' }, ''],
    ['markup in the reason', { publicReason: '<script>alert(1)</script>' }, 'publicReason'],
    [
      'a public title for an admission',
      { status: 'admitted', publicTitle: 'Bankjes in het park' },
      'publicTitle',
    ],
    [
      'a public title for a proposal that is not rejected',
      { publicTitle: 'Bankjes in het park' },
      'publicTitle',
    ],
    ...(
      [
        ['markup', '<b>Bankjes</b>'],
        ['two lines', 'Bankjes\nin het park'],
        ['two characters', 'Ok'],
        ['201 characters', 'x'.repeat(201)],
        ['a number', 42],
      ] as const
    ).map(([label, publicTitle]): [string, Record<string, unknown>, string] => [
      `a rejection with a public title of ${label}`,
      { status: 'rejected', publicReason: 'Niet haalbaar.', publicTitle },
      'publicTitle',
    ]),
  ];
  for (const [label, body, field] of refusals) {
    test(`PATCH answers 400 for ${label}, nothing changed`, async () => {
      const id = await createProposal(app, round.documentId, { status: 'submitted' });
      const before = JSON.stringify(
        await app.strapi.documents(PROPOSAL_UID as never).findOne({ documentId: id })
      );
      const error = await expectError(
        await adminRequest(app, reviewer, 'PATCH', `/begroot/proposals/${id}`, body),
        400,
        'ValidationError'
      );
      if (field) {
        const paths = (error.error.details?.errors ?? []).map((issue) => issue.path.join('.'));
        assert.ok(paths.includes(field), `no issue at ${field}: ${JSON.stringify(paths)}`);
      }
      const after = JSON.stringify(
        await app.strapi.documents(PROPOSAL_UID as never).findOne({ documentId: id })
      );
      assert.equal(after, before);
    });
  }

  test('PATCH accepts a public title of exactly 200 characters', async () => {
    const id = await createProposal(app, round.documentId, { status: 'submitted' });
    const publicTitle = `${'Lang '.repeat(39)}titel`;
    assert.equal(publicTitle.length, 200);
    const response = await adminRequest(app, reviewer, 'PATCH', `/begroot/proposals/${id}`, {
      status: 'rejected',
      publicReason: 'Niet haalbaar.',
      publicTitle,
    });
    assert.equal(response.status, 200, await response.text());
  });

  test('PATCH answers 404 for an unknown proposal and 400 for a malformed id', async () => {
    await expectError(
      await adminRequest(app, reviewer, 'PATCH', '/begroot/proposals/abcdefghij0123456789abcd', {
        status: 'in_review',
      }),
      404,
      'NotFoundError'
    );
    await expectError(
      await adminRequest(app, reviewer, 'PATCH', '/begroot/proposals/Bad-Id', {
        status: 'in_review',
      }),
      400,
      'ValidationError'
    );
  });
});

describe('a rejected idea’s public title', () => {
  type AdminRow = {
    documentId: string;
    title: string;
    status: string;
    publicTitle: string | null;
    rejectedTitle?: string;
    history: Array<{
      status: string;
      at: string;
      reason: string | null;
      publicTitle?: string | null;
    }>;
  };
  const review = async (id: string, body: Record<string, unknown>) => {
    const response = await adminRequest(app, reviewer, 'PATCH', `/begroot/proposals/${id}`, body);
    const text = await response.text();
    assert.equal(response.status, 200, text);
    return (JSON.parse(text) as { data: AdminRow }).data;
  };
  /** What anyone reads: the round's list with every outcome, and the one proposal. */
  const publicReads = async (slug: string, id: string) => {
    const listed = await app.request(`/api/begroot/rounds/${slug}/proposals?outcome=all`);
    const listText = await listed.text();
    assert.equal(listed.status, 200, listText);
    const one = await app.request(`/api/begroot/proposals/${id}?outcome=all`);
    const oneText = await one.text();
    assert.equal(one.status, 200, oneText);
    const list = (JSON.parse(listText) as { data: ProposalOutcomeView[] }).data;
    const view = (JSON.parse(oneText) as { data: ProposalOutcomeView }).data;
    assert.deepEqual(
      list.find((p) => p.documentId === id),
      view
    );
    return { view: rejectedProposalViewSchema.parse(view), raw: listText + oneText };
  };
  const residentTitle = 'Bel Jan de Vries, Dorpsstraat 12';

  test('an official’s public title is what the public sees; the resident’s title is not', async () => {
    const titled = await createRound(app, 'openbare-titel', 'review');
    const id = await createProposal(app, titled.documentId, {
      status: 'in_review',
      title: residentTitle,
    });
    const row = await review(id, {
      status: 'rejected',
      publicReason: 'Dit valt buiten de burgerbegroting.',
      publicTitle: '  Een idee over de Dorpsstraat  ',
    });
    assert.equal(row.publicTitle, 'Een idee over de Dorpsstraat');
    assert.equal(row.rejectedTitle, 'Een idee over de Dorpsstraat');
    assert.equal(row.title, residentTitle, 'officials still see the resident’s own title');
    assert.deepEqual(row.history.at(-1), {
      status: 'rejected',
      at: row.history.at(-1)!.at,
      reason: 'Dit valt buiten de burgerbegroting.',
      publicTitle: 'Een idee over de Dorpsstraat',
    });

    const { view, raw } = await publicReads('openbare-titel', id);
    assert.equal(view.title, 'Een idee over de Dorpsstraat');
    // The public history keeps its shape: status, date and reason.
    assert.deepEqual(view.history.at(-1), {
      status: 'rejected',
      at: row.history.at(-1)!.at,
      reason: 'Dit valt buiten de burgerbegroting.',
    });
    assert.doesNotMatch(raw, /Jan de Vries|Dorpsstraat 12|publicTitle|rejectedTitle/);

    // Stored with the status, in the proposal's own row.
    const stored = (await app.strapi.documents(PROPOSAL_UID as never).findOne({
      documentId: id,
    })) as unknown as { status: string; publicTitle: string | null };
    assert.deepEqual(
      [stored.status, stored.publicTitle],
      ['rejected', 'Een idee over de Dorpsstraat']
    );
  });

  test('a rejection without one (bulk, API, earlier data) shows "Idee <n> (afgewezen)"', async () => {
    const neutral = await createRound(app, 'neutrale-titel', 'review');
    const ids = [];
    for (const title of ['Eerste idee', residentTitle, 'Derde idee']) {
      ids.push(await createProposal(app, neutral.documentId, { status: 'submitted', title }));
    }
    // As the bulk action sends it: status and reason only.
    const row = await review(ids[1]!, { status: 'rejected', publicReason: 'Niet haalbaar.' });
    assert.equal(row.publicTitle, null);
    assert.equal(row.rejectedTitle, 'Idee 2 (afgewezen)');
    assert.equal(row.history.at(-1)!.publicTitle, null);
    const { view, raw } = await publicReads('neutrale-titel', ids[1]!);
    assert.equal(view.title, 'Idee 2 (afgewezen)');
    assert.doesNotMatch(raw, /Jan de Vries|Dorpsstraat/);

    // A rejection stored before public titles existed (no publicTitle, a history without it).
    const earlier = await createProposal(app, neutral.documentId, {
      status: 'rejected',
      title: 'Een oude titel met een naam',
      publicReason: 'Niet haalbaar.',
    });
    assert.equal((await publicReads('neutrale-titel', earlier)).view.title, 'Idee 4 (afgewezen)');

    // In the round's language.
    const english = await createRound(app, 'neutral-title', 'review', { language: 'en' });
    const first = await createProposal(app, english.documentId, { status: 'submitted' });
    await review(first, { status: 'rejected', publicReason: 'Not feasible.' });
    assert.equal((await publicReads('neutral-title', first)).view.title, 'Idea 1 (rejected)');
  });

  test('officials can set, change and clear it later; a reopened idea forgets it', async () => {
    const later = await createRound(app, 'titel-later', 'review');
    const id = await createProposal(app, later.documentId, {
      status: 'submitted',
      title: residentTitle,
    });
    await review(id, { status: 'rejected', publicReason: 'Niet haalbaar.' });
    assert.equal((await publicReads('titel-later', id)).view.title, 'Idee 1 (afgewezen)');

    let row = await review(id, { publicTitle: 'Een idee voor de straat' });
    assert.equal(row.status, 'rejected');
    assert.equal((await publicReads('titel-later', id)).view.title, 'Een idee voor de straat');
    // The history records status changes only: a new title is not one.
    assert.equal(row.history.length, 2);

    row = await review(id, { publicTitle: null });
    assert.equal(row.publicTitle, null);
    assert.equal((await publicReads('titel-later', id)).view.title, 'Idee 1 (afgewezen)');

    await review(id, { publicTitle: 'Een idee voor de straat' });
    row = await review(id, { status: 'in_review' });
    assert.equal(row.publicTitle, null);
    // Rejected again without a title: the earlier one does not come back.
    await review(id, { status: 'rejected', publicReason: 'Nog steeds niet haalbaar.' });
    assert.equal((await publicReads('titel-later', id)).view.title, 'Idee 1 (afgewezen)');
  });
});
