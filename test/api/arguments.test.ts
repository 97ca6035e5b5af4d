import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { argumentPublicViewSchema, type ArgumentPublicView } from '@begroot/core';
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
  ARGUMENT_UID,
  countRows,
  createProposal,
  createRound,
  postJson,
} from '../support/fixtures.ts';

let app: TestStrapi;
let admin: string;
let moderator: string;
let reviewer: string;
const proposals: Record<string, string> = {};
before(async () => {
  app = await startStrapi({ env: SUPER_ADMIN_ENV });
  admin = await login(app, SUPER_ADMIN.email, SUPER_ADMIN.password);
  moderator = await userWithActions(app, ['plugin::begroot.arguments.moderate']);
  reviewer = await userWithActions(app, ['plugin::begroot.proposals.review']);
  for (const phase of ['ideas', 'review', 'deliberation', 'voting', 'results', null] as const) {
    const round = await createRound(app, `debat-${phase ?? 'geen'}`, phase);
    proposals[phase ?? 'none'] = await createProposal(app, round.documentId);
  }
  const deliberation = (await app.strapi
    .documents('plugin::begroot.round' as never)
    .findFirst({ filters: { slug: 'debat-deliberation' } as never })) as unknown as {
    documentId: string;
  };
  proposals.submitted = await createProposal(app, deliberation.documentId, {
    status: 'submitted',
  });
});
after(async () => {
  await app?.stop();
});

const argumentsOf = async (id: string): Promise<ArgumentPublicView[]> => {
  const response = await app.request(`/api/begroot/proposals/${id}/arguments`);
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return (JSON.parse(text) as { data: ArgumentPublicView[] }).data;
};

const post = (id: string, body: unknown) =>
  postJson(app, `/api/begroot/proposals/${id}/arguments`, body);

const valid = { stance: 'for', body: 'Goed idee, doen!', authorName: 'Kees', replyTo: null };

describe('POST /api/begroot/proposals/:id/arguments', () => {
  for (const phase of ['ideas', 'review', 'deliberation', 'voting']) {
    test(`stores an argument in the ${phase} phase: 201 with its public view`, async () => {
      const response = await post(proposals[phase]!, valid);
      const text = await response.text();
      assert.equal(response.status, 201, text);
      const { data } = JSON.parse(text) as { data: unknown };
      const parsed = argumentPublicViewSchema.safeParse(data);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      assert.equal(parsed.data.official, false);
      assert.equal(parsed.data.proposal, proposals[phase]);
    });
  }

  for (const phase of ['results', 'none']) {
    test(`refuses an argument in ${phase === 'none' ? 'no' : 'the ' + phase} phase: 403, nothing stored`, async () => {
      const before = await countRows(app, ARGUMENT_UID);
      const body = await expectError(await post(proposals[phase]!, valid), 403, 'ForbiddenError');
      assert.match(body.error.message, /deliberation/);
      assert.equal(await countRows(app, ARGUMENT_UID), before);
    });
  }

  test('answers 404 for a proposal that is not public, and an unknown one', async () => {
    const before = await countRows(app, ARGUMENT_UID);
    await expectError(await post(proposals.submitted!, valid), 404, 'NotFoundError');
    await expectError(await post('abcdefghij0123456789abcd', valid), 404, 'NotFoundError');
    await expectError(await post('Not-An-Id', valid), 400, 'ValidationError');
    assert.equal(await countRows(app, ARGUMENT_UID), before);
  });

  const bad: Array<[string, unknown]> = [
    ['an unknown stance', { ...valid, stance: 'neutral' }],
    ['a body of the wrong type', { ...valid, body: 12 }],
    ['no body', { stance: 'for', authorName: 'Kees' }],
    ['no name', { stance: 'for', body: 'Goed idee' }],
    ['an unknown field', { ...valid, official: true }],
    ['a body over 2000 characters', { ...valid, body: 'a'.repeat(2001) }],
    ['a script tag', { ...valid, body: '<script>alert(1)</script>' }],
    ['a reply to an unknown argument', { ...valid, replyTo: 'abcdefghij0123456789abcd' }],
    ['the honeypot filled in', { ...valid, website: 'spam' }],
  ];
  for (const [label, body] of bad) {
    test(`answers 400 for ${label}, nothing stored`, async () => {
      const before = await countRows(app, ARGUMENT_UID);
      await expectError(await post(proposals.deliberation!, body), 400, 'ValidationError');
      assert.equal(await countRows(app, ARGUMENT_UID), before);
    });
  }

  test('answers 400 for another content type and 413 for an oversized body', async () => {
    const before = await countRows(app, ARGUMENT_UID);
    await expectError(
      await app.request(`/api/begroot/proposals/${proposals.deliberation}/arguments`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(valid),
      }),
      400,
      'ValidationError'
    );
    await expectError(
      await post(proposals.deliberation!, { ...valid, body: 'a'.repeat(50_000) }),
      413,
      'PayloadTooLargeError'
    );
    assert.equal(await countRows(app, ARGUMENT_UID), before);
  });

  test('stores a reply to an argument on the same proposal', async () => {
    const [first] = await argumentsOf(proposals.deliberation!);
    const response = await post(proposals.deliberation!, {
      stance: 'question',
      body: 'Waar precies?',
      authorName: 'Ria',
      replyTo: first!.documentId,
    });
    assert.equal(response.status, 201, await response.clone().text());
    // …but not to an argument on another proposal.
    await expectError(
      await post(proposals.voting!, { ...valid, replyTo: first!.documentId }),
      400,
      'ValidationError'
    );
  });
});

describe('GET /api/begroot/proposals/:id/arguments', () => {
  test('lists the visible arguments, and the proposal counts them', async () => {
    const list = await argumentsOf(proposals.deliberation!);
    assert.ok(list.length >= 2);
    for (const argument of list) assert.ok(argumentPublicViewSchema.safeParse(argument).success);
    const proposal = (await (
      await app.request(`/api/begroot/proposals/${proposals.deliberation}`)
    ).json()) as { data: { argumentCounts: { for: number; question: number } } };
    assert.equal(proposal.data.argumentCounts.for, list.filter((a) => a.stance === 'for').length);
    assert.equal(
      proposal.data.argumentCounts.question,
      list.filter((a) => a.stance === 'question').length
    );
  });

  test('answers 404 for a proposal that is not public', async () => {
    await expectError(
      await app.request(`/api/begroot/proposals/${proposals.submitted}/arguments`),
      404,
      'NotFoundError'
    );
  });
});

describe('reporting and moderation', () => {
  test('a report is accepted and the argument waits for moderation', async () => {
    const [argument] = await argumentsOf(proposals.ideas!);
    const response = await postJson(app, `/api/begroot/arguments/${argument!.documentId}/report`, {
      reason: 'Dit is reclame.',
    });
    assert.equal(response.status, 202, await response.clone().text());
    const stored = (await app.strapi
      .documents(ARGUMENT_UID as never)
      .findOne({ documentId: argument!.documentId })) as unknown as {
      awaitingModeration: boolean;
      reportCount: number;
    };
    assert.equal(stored.awaitingModeration, true);
    assert.equal(stored.reportCount, 1);
    // A report without a body is fine too.
    const bare = await app.request(`/api/begroot/arguments/${argument!.documentId}/report`, {
      method: 'POST',
    });
    assert.equal(bare.status, 202, await bare.clone().text());
  });

  test('a report answers 400 for bad input and 404 for an unknown argument', async () => {
    const [argument] = await argumentsOf(proposals.ideas!);
    await expectError(
      await postJson(app, `/api/begroot/arguments/${argument!.documentId}/report`, {
        reason: '<b>x</b>',
      }),
      400,
      'ValidationError'
    );
    await expectError(
      await postJson(app, `/api/begroot/arguments/${argument!.documentId}/report`, { spam: 1 }),
      400,
      'ValidationError'
    );
    await expectError(
      await postJson(app, '/api/begroot/arguments/abcdefghij0123456789abcd/report', {}),
      404,
      'NotFoundError'
    );
  });

  test('a hidden argument disappears from every public response; restoring brings it back', async () => {
    const created = (await (
      await post(proposals.review!, {
        ...valid,
        body: 'Geheim scheldwoord hier',
        stance: 'against',
      })
    ).json()) as { data: ArgumentPublicView };
    const id = created.data.documentId;
    const countAgainst = async () =>
      (
        (await (await app.request(`/api/begroot/proposals/${proposals.review}`)).json()) as {
          data: { argumentCounts: { against: number } };
        }
      ).data.argumentCounts.against;
    assert.equal(await countAgainst(), 1);

    const response = await adminRequest(app, moderator, 'PATCH', `/begroot/arguments/${id}`, {
      hidden: true,
      reason: 'Scheldwoorden.',
    });
    assert.equal(response.status, 200, await response.clone().text());

    const list = await app.request(`/api/begroot/proposals/${proposals.review}/arguments`);
    assert.doesNotMatch(await list.text(), /Geheim scheldwoord|Scheldwoorden/);
    assert.equal(await countAgainst(), 0);
    const roundList = await app.request('/api/begroot/rounds/debat-review/proposals');
    assert.doesNotMatch(await roundList.text(), /Geheim scheldwoord/);
    await expectError(
      await postJson(app, `/api/begroot/arguments/${id}/report`, {}),
      404,
      'NotFoundError'
    );
    // Replying to a hidden argument is refused.
    await expectError(
      await post(proposals.review!, { ...valid, replyTo: id }),
      400,
      'ValidationError'
    );

    const restore = await adminRequest(app, admin, 'PATCH', `/begroot/arguments/${id}`, {
      hidden: false,
      reason: 'Bij nader inzien toelaatbaar.',
    });
    assert.equal(restore.status, 200);
    assert.ok((await argumentsOf(proposals.review!)).some((a) => a.documentId === id));
  });

  test('moderation needs arguments.moderate, a reason, and a known argument', async () => {
    const [argument] = await argumentsOf(proposals.voting!);
    const path = `/begroot/arguments/${argument!.documentId}`;
    await expectError(
      await adminRequest(app, reviewer, 'PATCH', path, { hidden: true, reason: 'Nee.' }),
      403,
      'PolicyError'
    );
    assert.equal((await app.request(path, { method: 'PATCH' })).status, 401);
    await expectError(
      await adminRequest(app, moderator, 'PATCH', path, { hidden: true }),
      400,
      'ValidationError'
    );
    await expectError(
      await adminRequest(app, moderator, 'PATCH', path, { hidden: 'yes', reason: 'Reden.' }),
      400,
      'ValidationError'
    );
    await expectError(
      await adminRequest(app, moderator, 'PATCH', '/begroot/arguments/abcdefghij0123456789abcd', {
        hidden: true,
        reason: 'Reden.',
      }),
      404,
      'NotFoundError'
    );
    assert.ok(
      (await argumentsOf(proposals.voting!)).some((a) => a.documentId === argument!.documentId)
    );
  });
});

describe('official answers', () => {
  test('POST /begroot/proposals/:id/answers posts an answer marked official', async () => {
    const question = (await (
      await post(proposals.deliberation!, {
        stance: 'question',
        body: 'Wat kost het onderhoud?',
        authorName: 'Piet',
      })
    ).json()) as { data: ArgumentPublicView };
    const response = await adminRequest(
      app,
      moderator,
      'POST',
      `/begroot/proposals/${proposals.deliberation}/answers`,
      { body: 'Ongeveer € 500 per jaar.', replyTo: question.data.documentId }
    );
    const text = await response.text();
    assert.equal(response.status, 201, text);
    const list = await argumentsOf(proposals.deliberation!);
    const answer = list.find((a) => a.replyTo === question.data.documentId && a.official);
    assert.ok(answer, JSON.stringify(list));
    assert.equal(answer.authorName, 'Gemeente');
    assert.equal(answer.stance, 'question');
  });

  test('answers need arguments.moderate and valid input, nothing stored otherwise', async () => {
    const before = await countRows(app, ARGUMENT_UID);
    const path = `/begroot/proposals/${proposals.deliberation}/answers`;
    await expectError(
      await adminRequest(app, reviewer, 'POST', path, { body: 'Antwoord.' }),
      403,
      'PolicyError'
    );
    await expectError(
      await adminRequest(app, moderator, 'POST', path, { body: '<i>x</i>' }),
      400,
      'ValidationError'
    );
    await expectError(
      await adminRequest(app, moderator, 'POST', path, { body: 'Antwoord.', official: false }),
      400,
      'ValidationError'
    );
    await expectError(
      await adminRequest(
        app,
        moderator,
        'POST',
        '/begroot/proposals/abcdefghij0123456789abcd/answers',
        { body: 'Antwoord.' }
      ),
      404,
      'NotFoundError'
    );
    assert.equal(await countRows(app, ARGUMENT_UID), before);
  });
});

describe('the demo round', () => {
  test('has arguments on its first proposal', async () => {
    const list = (await (
      await app.request('/api/begroot/rounds/voorbeeldstad-2027/proposals?sort=newest&pageSize=100')
    ).json()) as {
      data: Array<{ argumentCounts: { for: number; against: number; question: number } }>;
    };
    const total = list.data.reduce(
      (sum, p) => sum + p.argumentCounts.for + p.argumentCounts.against + p.argumentCounts.question,
      0
    );
    assert.equal(total, 4);
  });
});

describe('the moderation queue', () => {
  test('GET /begroot/rounds/:slug/arguments lists reported arguments awaiting moderation', async () => {
    const created = (await (
      await post(proposals.ideas!, { ...valid, body: 'Koop nu goedkope horloges!' })
    ).json()) as { data: ArgumentPublicView };
    const reported = await postJson(
      app,
      `/api/begroot/arguments/${created.data.documentId}/report`,
      { reason: 'Spam.' }
    );
    assert.equal(reported.status, 202);

    const response = await adminRequest(
      app,
      moderator,
      'GET',
      '/begroot/rounds/debat-ideas/arguments?awaitingModeration=true'
    );
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const body = JSON.parse(text) as {
      data: Array<{
        documentId: string;
        reportCount: number;
        reports: Array<{ reason: string | null }>;
        awaitingModeration: boolean;
      }>;
      meta: { pagination: { total: number } };
    };
    const entry = body.data.find((a) => a.documentId === created.data.documentId);
    assert.ok(entry, text);
    assert.equal(entry.reportCount, 1);
    assert.equal(entry.reports[0]?.reason, 'Spam.');
    assert.ok(body.data.every((a) => a.awaitingModeration));
    assert.equal(body.meta.pagination.total, body.data.length);

    // Dealt with: hidden, and no longer waiting.
    await adminRequest(app, moderator, 'PATCH', `/begroot/arguments/${created.data.documentId}`, {
      hidden: true,
      reason: 'Reclame.',
    });
    const after = (await (
      await adminRequest(
        app,
        moderator,
        'GET',
        '/begroot/rounds/debat-ideas/arguments?awaitingModeration=true'
      )
    ).json()) as { data: Array<{ documentId: string }> };
    assert.ok(!after.data.some((a) => a.documentId === created.data.documentId));
  });

  test('the queue needs arguments.moderate and a valid query', async () => {
    await expectError(
      await adminRequest(app, reviewer, 'GET', '/begroot/rounds/debat-ideas/arguments'),
      403,
      'PolicyError'
    );
    await expectError(
      await adminRequest(
        app,
        moderator,
        'GET',
        '/begroot/rounds/debat-ideas/arguments?awaitingModeration=ja'
      ),
      400,
      'ValidationError'
    );
    await expectError(
      await adminRequest(app, moderator, 'GET', '/begroot/rounds/bestaat-niet/arguments'),
      404,
      'NotFoundError'
    );
  });
});
