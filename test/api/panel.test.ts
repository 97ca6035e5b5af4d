/**
 * The citizens' panel drawn by lot: sign-up, CSV import, seats and seed, one draw (a second only
 * after voiding), invitations, and the public numbers and draw file that anyone can recompute.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import {
  checkPanelDraw,
  drawPanel,
  panelDrawFileSchema,
  panelPublicViewSchema,
  type PanelPublicView,
} from '@begroot/core';
import { repoRoot, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { ADMIN_ENV, adminToken, editorToken, smtpEnv, startSmtp } from '../support/voting.ts';
import { createRound } from '../support/fixtures.ts';
import { mailsTo, settle } from '../support/mail.ts';

const SLUG = 'panel-2027';
const SEED = '2027-04-12 lotto 7 17 23 31 38 41';
const BANDS = ['16-34', '35-64', '65+'];

let app: TestStrapi;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let admin: string;
let editor: string;

before(async () => {
  smtp = await startSmtp();
  app = await startStrapi({ env: { ...ADMIN_ENV, ...smtpEnv(smtp) } });
  admin = await adminToken(app);
  editor = await editorToken(app);
  await createRound(app, SLUG, 'ideas', {
    districts: [
      {
        slug: 'oost',
        name: 'Oost',
        budget: 60000,
        population: 6000,
        ageBands: { '16-34': 2000, '35-64': 3000, '65+': 1000 },
      },
      {
        slug: 'west',
        name: 'West',
        budget: 40000,
        population: 4000,
        ageBands: { '16-34': 1500, '35-64': 1500, '65+': 1000 },
      },
    ],
    voting: { ageBands: BANDS },
  });
});
after(async () => {
  await app?.stop();
  await smtp?.close();
});

const json = (method: string, body: unknown, token?: string): RequestInit => ({
  method,
  headers: {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  },
  body: JSON.stringify(body),
});
const volunteer = (body: Record<string, unknown>, slug = SLUG) =>
  app.request(`/api/begroot/rounds/${slug}/panel/volunteers`, json('POST', body));
const adminCall = (method: string, pathname: string, body?: unknown, token = admin) =>
  app.request(
    `/begroot/rounds/${SLUG}/panel${pathname}`,
    body === undefined
      ? { method, headers: { authorization: `Bearer ${token}` } }
      : json(method, body, token)
  );
const publicView = async (slug = SLUG): Promise<PanelPublicView> => {
  const response = await app.request(`/api/begroot/rounds/${slug}/panel`);
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return panelPublicViewSchema.parse((JSON.parse(text) as { data: unknown }).data);
};
const errorsOf = async (response: Response) => {
  const body = (await response.json()) as {
    error: {
      name: string;
      message: string;
      details?: { errors?: Array<{ path: string[]; message: string }> };
    };
  };
  return body.error;
};
const candidateRows = () =>
  app.strapi.db.connection('begroot_panel_candidates').count({ n: '*' }).first() as Promise<{
    n: number;
  }>;
const rowCount = async () => Number((await candidateRows()).n);

const anna = {
  displayName: 'Anna de Vries',
  email: 'Anna@Example.org',
  district: 'oost',
  ageBand: '35-64',
  consent: true,
};

describe('signing up', () => {
  test('sign-up is off until officials switch it on, then follows their window', async () => {
    const off = await volunteer(anna);
    assert.equal(off.status, 404);
    assert.match((await errorsOf(off)).message, /takes no sign-ups/);
    assert.deepEqual((await publicView()).signup, {
      enabled: false,
      open: false,
      opensAt: null,
      closesAt: null,
    });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const put = await adminCall('PUT', '', { seats: 12, enabled: true, signupOpensAt: later });
    assert.equal(put.status, 200, await put.clone().text());
    const early = await volunteer(anna);
    assert.equal(early.status, 409);
    assert.match((await errorsOf(early)).message, /opens at/);
    const past = new Date(Date.now() - 1000).toISOString();
    await adminCall('PUT', '', { seats: 12, signupOpensAt: null, signupClosesAt: past });
    const late = await volunteer(anna);
    assert.equal(late.status, 409);
    assert.match((await errorsOf(late)).message, /closed at/);
    const bad = await adminCall('PUT', '', {
      seats: 12,
      signupOpensAt: later,
      signupClosesAt: past,
    });
    assert.equal(bad.status, 400);
    await adminCall('PUT', '', { seats: 12, signupClosesAt: null });
    const view = await publicView();
    assert.equal(view.signup?.open, true);
    // Each change is public, in order.
    assert.deepEqual(
      view.history?.map((e) => Object.keys(e.detail).sort().join()),
      ['enabled,seats,signupOpensAt', 'signupClosesAt,signupOpensAt', 'signupClosesAt']
    );
    assert.equal(await rowCount(), 0);
  });

  test('the demo’s seeded round takes panel sign-ups (for the city page’s sign-up widget)', async () => {
    const view = await publicView('voorbeeldstad-2027');
    assert.deepEqual(view.signup, { enabled: true, open: true, opensAt: null, closesAt: null });
    assert.equal(view.status, 'open');
    assert.equal(view.seats, 24);
  });

  test('the panel starts open, stratified by district and age band from the round’s figures', async () => {
    const view = await publicView();
    assert.equal(view.status, 'open');
    assert.deepEqual(view.stratifyBy, ['district', 'ageBand']);
    assert.equal(view.volunteers, 0);
    assert.equal(view.strata.length, 6);
    assert.equal(view.seed, null);
  });

  test('a resident signs up and gets a confirmation with their lot number; only counts are public', async () => {
    const response = await volunteer(anna);
    assert.equal(response.status, 201, await response.clone().text());
    assert.deepEqual(await response.json(), { data: { status: 'registered' } });
    const [mail] = await mailsTo(smtp, 'anna@example.org', 1);
    assert.match(mail!.subject, /burgerpanel/);
    const lot = /lotnummer is ([0-9a-f]{20})/.exec(mail!.body)?.[1];
    assert.ok(lot, mail!.body);

    const view = await publicView();
    assert.equal(view.volunteers, 1);
    const text = JSON.stringify(view);
    assert.ok(!text.includes('Anna') && !text.includes('example.org') && !text.includes(lot!));
  });

  test('the same address again: the same answer, no second row, no second mail', async () => {
    const before = await rowCount();
    const response = await volunteer({ ...anna, email: ' anna@example.org ', displayName: 'A.' });
    assert.equal(response.status, 201);
    await settle();
    assert.equal(await rowCount(), before);
    assert.equal((await mailsTo(smtp, 'anna@example.org', 1)).length, 1);
  });

  test('bad sign-ups are refused field by field and store nothing', async () => {
    const before = await rowCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...anna, email: 'b@example.org', consent: false }, 'consent'],
      [{ ...anna, email: 'b@example.org', consent: undefined }, 'consent'],
      [{ ...anna, email: 'b@example.org', website: 'http://spam' }, 'website'],
      [{ ...anna, email: 'b@example.org', district: 'noord' }, 'district'],
      [{ ...anna, email: 'b@example.org', ageBand: undefined }, 'ageBand'],
      [{ ...anna, email: 'b@example.org', ageBand: '18-24' }, 'ageBand'],
      [{ ...anna, email: 'not an address' }, 'email'],
      [{ ...anna, email: 'b@example.org', displayName: '<b>x</b>' }, 'displayName'],
      [{ ...anna, email: 'b@example.org', phone: '06' }, 'phone'],
    ];
    for (const [body, field] of cases) {
      const response = await volunteer(body);
      assert.equal(response.status, 400, `${field}: ${response.status}`);
      const error = await errorsOf(response);
      assert.equal(error.name, 'ValidationError');
      assert.ok(
        error.details?.errors?.some(
          (issue) => issue.path.join('.') === field || issue.path.length === 0
        ),
        `${field}: ${JSON.stringify(error.details)}`
      );
    }
    assert.equal(
      (await app.request(`/api/begroot/rounds/geen-ronde/panel/volunteers`, json('POST', anna)))
        .status,
      404
    );
    assert.equal(await rowCount(), before);
  });

  test('sign-ups are rate-limited per address', async () => {
    const set = (max: number) =>
      app.strapi.config.set('plugin::begroot.rateLimits', {
        perClient: { max, windowSeconds: 600 },
        perRound: { max: 0, windowSeconds: 600 },
      });
    set(2);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push((await volunteer({ ...anna, email: `rate${i}@example.org` })).status);
      }
      assert.deepEqual(statuses, [201, 201, 429]);
    } finally {
      set(0);
    }
  });
});

describe('importing candidates', () => {
  const importCsv = (csv: string, token = admin) =>
    adminCall('POST', '/candidates/import', { csv }, token);

  test('a file with bad rows imports nothing and names each bad line', async () => {
    const before = await rowCount();
    const csv = [
      'name,email,district,age band',
      'Bram,bram@example.org,west,16-34',
      'Cas,not-an-address,west,65+',
      'Dewi,dewi@example.org,noord,65+',
      'Eva,anna@example.org,oost,35-64',
      'Fleur,bram@example.org,oost,16-34',
      'Gijs,gijs@example.org,oost,',
    ].join('\n');
    const response = await importCsv(csv);
    assert.equal(response.status, 400);
    const error = await errorsOf(response);
    assert.match(error.message, /5 problems in the file: nothing was imported/);
    const messages = error.details!.errors!.map((issue) => issue.message);
    assert.ok(
      messages.some((m) => /^Line 3, email:/.test(m)),
      messages.join('\n')
    );
    assert.ok(messages.some((m) => /^Line 4, district:/.test(m)));
    assert.ok(messages.some((m) => /^Line 5, email: this address is already in the pool/.test(m)));
    assert.ok(messages.some((m) => /^Line 6, email: the same address as line 2/.test(m)));
    assert.ok(messages.some((m) => /^Line 7, ageBand:/.test(m)));
    assert.equal(await rowCount(), before);

    const noHeader = await importCsv('Bram,bram@example.org,west,16-34\n');
    assert.equal(noHeader.status, 400);
    assert.match(
      (await errorsOf(noHeader)).message,
      /header line lacks name, email, district, ageband/
    );
  });

  test('a good file (semicolons, quotes, a byte-order mark) is imported whole', async () => {
    const lines = ['\uFEFFNaam;E-mail;Wijk;Leeftijd'];
    for (let i = 0; i < 40; i += 1) {
      const district = i % 2 ? 'oost' : 'west';
      lines.push(`"Inwoner ${i}; ""jr""";inwoner${i}@example.org;${district};${BANDS[i % 3]}`);
    }
    const before = await rowCount();
    const response = await importCsv(`${lines.join('\r\n')}\r\n`);
    assert.equal(response.status, 201, await response.clone().text());
    assert.deepEqual(await response.json(), { data: { imported: 40 } });
    assert.equal(await rowCount(), before + 40);
    const view = (await (await adminCall('GET', '')).json()) as {
      data: { candidates: Array<{ displayName: string; source: string }> };
    };
    assert.ok(
      view.data.candidates.some((c) => c.displayName === 'Inwoner 3; "jr"' && c.source === 'import')
    );
  });

  test('without the panel permission: 403, and not at all without logging in', async () => {
    assert.equal((await importCsv('name,email\n', editor)).status, 403);
    assert.equal((await adminCall('GET', '', undefined, editor)).status, 403);
    assert.equal((await app.request(`/begroot/rounds/${SLUG}/panel`)).status, 401);
  });
});

describe('the draw', () => {
  test('a volunteer is removed on request while the pool is open', async () => {
    const view = (await (await adminCall('GET', '')).json()) as {
      data: { candidates: Array<{ id: string; email: string; lotNumber: string }> };
    };
    const gone = view.data.candidates.find((c) => c.email === 'rate0@example.org')!;
    const before = await rowCount();
    const response = await adminCall('DELETE', `/candidates/${gone.id}`);
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(await rowCount(), before - 1);
    assert.equal((await adminCall('DELETE', `/candidates/${gone.id}`)).status, 404);
    assert.equal((await adminCall('DELETE', '/candidates/nope')).status, 400);
    // Stored lot numbers: unique, and the same on every read.
    const lots = view.data.candidates.map((c) => c.lotNumber);
    assert.equal(new Set(lots).size, lots.length);
    const again = (await (await adminCall('GET', '')).json()) as typeof view;
    const anna2 = (v: typeof view) => v.data.candidates.find((c) => c.email === 'anna@example.org');
    assert.equal(anna2(again)!.lotNumber, anna2(view)!.lotNumber);
  });

  test('the seed is refused before closing; closing freezes the pool for good', async () => {
    const early = await adminCall('PUT', '', { seats: 12, seed: SEED });
    assert.equal(early.status, 409);
    assert.match((await errorsOf(early)).message, /Close the pool first/);
    assert.equal((await adminCall('POST', '/draw', { seed: SEED })).status, 409);

    const open = await publicView();
    const closed = await adminCall('POST', '/close');
    assert.equal(closed.status, 200, await closed.clone().text());
    const view = await publicView();
    assert.equal(view.status, 'closed');
    assert.ok(view.closedAt);
    assert.equal(view.closedPoolSha256, open.poolSha256);
    assert.equal(view.closedVolunteers, open.volunteers);
    assert.equal(view.seed, null);
    assert.equal((await adminCall('POST', '/close')).status, 409);
    const anyone = (await (await adminCall('GET', '')).json()) as {
      data: { candidates: Array<{ id: string }> };
    };
    assert.equal(
      (await adminCall('DELETE', `/candidates/${anyone.data.candidates[0]!.id}`)).status,
      409
    );
    const imported = await adminCall('POST', '/candidates/import', {
      csv: 'name,email,district,age band\nLaat,laat2@example.org,oost,65+\n',
    });
    assert.equal(imported.status, 409);
  });

  test('seats and seed are set once; targets follow the population', async () => {
    const bad = await adminCall('PUT', '', { seats: 0, seed: '' });
    assert.equal(bad.status, 400);
    const response = await adminCall('PUT', '', { seats: 12, seed: SEED });
    assert.equal(response.status, 200, await response.clone().text());
    const view = await publicView();
    assert.equal(view.status, 'closed');
    assert.equal(view.seed, SEED);
    assert.equal(view.seats, 12);
    // Residents: oost 2000/3000/1000, west 1500/1500/1000 of 10,000: 12 seats by largest remainder.
    const target = (district: string, band: string) =>
      view.strata.find((s) => s.stratum.district === district && s.stratum.ageBand === band)!
        .target;
    assert.deepEqual(
      [target('oost', '16-34'), target('oost', '35-64'), target('oost', '65+')],
      [2, 4, 1]
    );
    assert.equal(
      view.strata.reduce((sum, s) => sum + s.target, 0),
      12
    );

    const late = await volunteer({ ...anna, email: 'laat@example.org' });
    assert.equal(late.status, 409);
    assert.match((await errorsOf(late)).message, /pool is closed/);

    // Write-once: no other seed, no clearing (which once reopened the pool), no other seats.
    for (const body of [
      { seats: 12, seed: 'another seed' },
      { seats: 12, seed: null },
      { seats: 13 },
    ]) {
      const refused = await adminCall('PUT', '', body);
      assert.equal(refused.status, 409, JSON.stringify(body));
    }
    assert.equal((await adminCall('PUT', '', { seats: 12, seed: SEED })).status, 200);
    const history = (await publicView()).history!;
    assert.deepEqual(
      history.slice(-2).map((e) => e.kind),
      ['closed', 'settings']
    );
    assert.deepEqual(history.at(-1)!.detail, { seed: SEED });
  });

  test('the draw refuses a pool that differs from the frozen one', async () => {
    const db = app.strapi.db.connection;
    const round = (
      await db('begroot_panel_settings').whereNotNull('closed_at').select('round_id', 'pool_sha256')
    )[0] as {
      round_id: string;
      pool_sha256: string;
    };
    await db('begroot_panel_settings')
      .where({ round_id: round.round_id })
      .update({ pool_sha256: '0'.repeat(64) });
    try {
      const refused = await adminCall('POST', '/draw', { seed: SEED });
      assert.equal(refused.status, 409);
      assert.match((await errorsOf(refused)).message, /differs from the one frozen/);
    } finally {
      await db('begroot_panel_settings')
        .where({ round_id: round.round_id })
        .update({ pool_sha256: round.pool_sha256 });
    }
  });

  test('the draw needs the seed repeated, happens once, and two at once give one draw', async () => {
    const wrong = await adminCall('POST', '/draw', { seed: 'another seed' });
    assert.equal(wrong.status, 409);
    const [first, second] = await Promise.all([
      adminCall('POST', '/draw', { seed: SEED }),
      adminCall('POST', '/draw', { seed: SEED }),
    ]);
    assert.deepEqual([first.status, second.status].sort(), [201, 409]);
    assert.equal((await adminCall('POST', '/draw', { seed: SEED })).status, 409);
    assert.equal((await adminCall('PUT', '', { seats: 10, seed: SEED })).status, 409);
  });

  test('anyone downloads draw.json, checks its hash and recomputes the same selection with core', async () => {
    const view = await publicView();
    assert.equal(view.status, 'drawn');
    const response = await app.request(`/api/begroot/rounds/${SLUG}/panel/draw.json`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.equal(crypto.createHash('sha256').update(text).digest('hex'), view.draw!.sha256);

    const file = panelDrawFileSchema.parse(JSON.parse(text));
    assert.equal(file.input.seed, SEED);
    assert.deepEqual(drawPanel(file.input), file.output);
    const check = checkPanelDraw(text);
    assert.equal(check.matches, true);
    assert.equal(check.poolSha256, view.poolSha256);
    assert.equal(check.poolSha256, view.closedPoolSha256);
    assert.equal(file.output.selected.length, 12);
    // Pseudonymous: no name or address anywhere in the file.
    assert.ok(!/example\.org|Anna|Inwoner/.test(text));
    assert.ok(file.input.candidates.every((c) => /^[0-9a-f]{20}$/.test(c.id)));
    // The public numbers are the file's.
    for (const stratum of view.strata) {
      const inFile = file.output.strata.find(
        (s) => JSON.stringify(s.stratum) === JSON.stringify(stratum.stratum)
      )!;
      assert.equal(stratum.selected, inFile.selected);
      assert.equal(stratum.volunteers, inFile.available);
    }
  });

  test('the CLI recomputes the draw from its address', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repoRoot, 'core/src/cli/panel-draw.ts'),
        `${app.url}/api/begroot/rounds/${SLUG}/panel/draw.json`,
      ],
      { cwd: repoRoot }
    );
    assert.match(stdout, /OK: the recomputed draw equals the published one/);
  });

  test('invitations go to the selected members once, after the draw, with their lot number', async () => {
    const view = (await (await adminCall('GET', '')).json()) as {
      data: {
        activeDraw: {
          selected: Array<{ email: string; lotNumber: string; invitedAt: string | null }>;
        };
      };
    };
    const selected = view.data.activeDraw.selected;
    assert.equal(selected.length, 12);
    assert.ok(selected.every((s) => s.email && s.invitedAt === null));
    const before = smtp.messages.length;
    const had = (address: string) => smtp.messages.filter((m) => m.to.includes(address)).length;
    const earlier = new Map(selected.map((s) => [s.email, had(s.email)]));

    const response = await adminCall('POST', '/invitations');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { data: { invited: 12, alreadyInvited: 0 } });
    for (const member of selected) {
      const mails = await mailsTo(smtp, member.email, earlier.get(member.email)! + 1);
      const invitation = mails.find((mail) => /ingeloot/.test(mail.subject));
      assert.ok(invitation, member.email);
      assert.ok(invitation.body.includes(member.lotNumber));
    }
    const again = await adminCall('POST', '/invitations');
    assert.deepEqual(await again.json(), { data: { invited: 0, alreadyInvited: 12 } });
    await settle();
    assert.equal(smtp.messages.length, before + 12);
    const after = (await (await adminCall('GET', '')).json()) as typeof view;
    assert.ok(after.data.activeDraw.selected.every((s) => s.invitedAt !== null));
  });

  test('each invitation records its outcome; a failed one is sent again on request, once', async () => {
    type Person = {
      email: string;
      invitedAt: string | null;
      invitationSentAt: string | null;
      invitationFailedAt: string | null;
    };
    const selectedNow = async () =>
      (
        (await (await adminCall('GET', '')).json()) as {
          data: { activeDraw: { selected: Person[] } };
        }
      ).data.activeDraw.selected;
    assert.ok((await selectedNow()).every((s) => s.invitationSentAt && !s.invitationFailedAt));
    // One mail failed (as the mail server would have answered): only that one is sent again.
    const db = app.strapi.db.connection;
    const [row] = (await db('begroot_panel_invitations')
      .whereNotNull('delivered_at')
      .select('draw_id', 'candidate_id')
      .limit(1)) as Array<{ draw_id: string; candidate_id: string }>;
    await db('begroot_panel_invitations')
      .where({ draw_id: row!.draw_id, candidate_id: row!.candidate_id })
      .update({ delivered_at: null, failed_at: Date.now() });
    const failed = (await selectedNow()).find((s) => s.invitationFailedAt)!;
    assert.ok(failed);
    const had = smtp.messages.filter((m) => m.to.includes(failed.email)).length;
    const plain = await adminCall('POST', '/invitations');
    assert.deepEqual(await plain.json(), { data: { invited: 0, alreadyInvited: 12 } });
    assert.equal((await adminCall('POST', '/invitations', { retry: 'yes' })).status, 400);
    const retried = await adminCall('POST', '/invitations', { retry: true });
    assert.deepEqual(await retried.json(), { data: { invited: 1, alreadyInvited: 11 } });
    await mailsTo(smtp, failed.email, had + 1);
    await settle();
    const person = (await selectedNow()).find((s) => s.email === failed.email)!;
    assert.ok(person.invitationSentAt && !person.invitationFailedAt);
    const again = await adminCall('POST', '/invitations', { retry: true });
    assert.deepEqual(await again.json(), { data: { invited: 0, alreadyInvited: 12 } });
  });

  test('voiding keeps the draw in the history; a new draw with the same pool and seed is the same', async () => {
    const first = await (await app.request(`/api/begroot/rounds/${SLUG}/panel/draw.json`)).text();
    assert.equal((await adminCall('POST', '/void', { reason: '' })).status, 400);
    const voided = await adminCall('POST', '/void', {
      reason: 'Seed announced after the pool closed.',
    });
    assert.equal(voided.status, 200, await voided.clone().text());
    assert.equal((await adminCall('POST', '/void', { reason: 'Once more, please.' })).status, 409);

    const view = await publicView();
    assert.equal(view.status, 'closed');
    assert.equal(view.draw, null);
    assert.equal(view.voidedDraws.length, 1);
    assert.equal(view.voidedDraws[0]!.reason, 'Seed announced after the pool closed.');
    assert.equal((await app.request(`/api/begroot/rounds/${SLUG}/panel/draw.json`)).status, 404);
    const old = await app.request(`/api/begroot/rounds/${SLUG}/panel/draw.json?number=1`);
    assert.equal(await old.text(), first);
    assert.equal(
      (await app.request(`/api/begroot/rounds/${SLUG}/panel/draw.json?number=x`)).status,
      400
    );

    assert.equal((await adminCall('POST', '/draw', { seed: SEED })).status, 201);
    const second = await (await app.request(`/api/begroot/rounds/${SLUG}/panel/draw.json`)).text();
    const [a, b] = [first, second].map((t) => panelDrawFileSchema.parse(JSON.parse(t)));
    assert.deepEqual(b!.output, a!.output);
    assert.equal((await publicView()).draw!.number, 2);
  });

  test('sign-ups racing the closing: every accepted one is in the frozen pool, no other', async () => {
    const slug = 'race-panel';
    await createRound(app, slug, 'ideas', { districts: [] });
    const call = (method: string, pathname: string, body?: unknown) =>
      app.request(`/begroot/rounds/${slug}/panel${pathname}`, json(method, body ?? {}, admin));
    assert.equal((await call('PUT', '', { seats: 3, enabled: true })).status, 200);
    assert.equal(
      (await volunteer({ displayName: 'Eerste', email: 'r0@example.org', consent: true }, slug))
        .status,
      201
    );
    const signups = Array.from({ length: 30 }, (_, i) =>
      volunteer({ displayName: `Racer ${i}`, email: `r${i + 1}@example.org`, consent: true }, slug)
    );
    const closing = new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
      call('POST', '/close')
    );
    const [closed, ...answers] = await Promise.all([closing, ...signups]);
    assert.equal(closed.status, 200, await closed.clone().text());
    const statuses = answers.map((r) => r.status);
    assert.ok(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join()
    );
    const view = await publicView(slug);
    const accepted = statuses.filter((s) => s === 201).length + 1;
    assert.equal(view.closedVolunteers, accepted);
    assert.equal(view.volunteers, accepted);
    assert.equal(view.closedPoolSha256, view.poolSha256);
  });

  test('a full pool (the draw’s 100,000) refuses sign-ups and imports; the public view stays cheap', async () => {
    const slug = 'vol-panel';
    await createRound(app, slug, 'ideas', { districts: [] });
    const call = (method: string, pathname: string, body?: unknown) =>
      app.request(`/begroot/rounds/${slug}/panel${pathname}`, json(method, body ?? {}, admin));
    assert.equal((await call('PUT', '', { seats: 30, enabled: true })).status, 200);
    const first = await volunteer(
      { displayName: 'Eerste', email: 'e0@example.org', consent: true },
      slug
    );
    assert.equal(first.status, 201);
    const db = app.strapi.db.connection;
    const { round_id: roundId } = (await db('begroot_panel_candidates')
      .where({ email: 'e0@example.org' })
      .first('round_id')) as { round_id: string };
    const rows = [];
    for (let i = 1; i < 99_999; i += 1) {
      rows.push({
        id: crypto.randomBytes(16).toString('hex'),
        round_id: roundId,
        lot_number: crypto.randomBytes(10).toString('hex'),
        display_name: `Inwoner ${i}`,
        email: `e${i}@example.org`,
        district: '',
        age_band: '',
        source: 'import',
        created_at: Date.now(),
      });
    }
    for (let i = 0; i < rows.length; i += 500) {
      await db('begroot_panel_candidates').insert(rows.slice(i, i + 500));
    }
    const last = await volunteer(
      { displayName: 'Laatste', email: 'last@example.org', consent: true },
      slug
    );
    assert.equal(last.status, 201);
    const full = await volunteer(
      { displayName: 'Te laat', email: 'full@example.org', consent: true },
      slug
    );
    assert.equal(full.status, 409);
    assert.match((await errorsOf(full)).message, /pool is full: a draw takes at most 100,000/);
    const imported = await call('POST', '/candidates/import', {
      csv: 'name,email\nNog een,more@example.org\n',
    });
    assert.equal(imported.status, 409);
    assert.match((await errorsOf(imported)).message, /pool is full/);

    const started = performance.now();
    const view = await publicView(slug);
    const ms = performance.now() - started;
    assert.equal(view.volunteers, 100_000);
    assert.equal(view.strata[0]!.target, 30);
    console.log(`public panel view of 100,000 volunteers (uncached): ${ms.toFixed(0)} ms`);
  });

  test('a round without districts and fewer volunteers than seats: everyone, seats left empty', async () => {
    await createRound(app, 'klein-panel', 'ideas', { districts: [] });
    const call = (method: string, pathname: string, body?: unknown) =>
      app.request(
        `/begroot/rounds/klein-panel/panel${pathname}`,
        body === undefined
          ? { method, headers: { authorization: `Bearer ${admin}` } }
          : json(method, body, admin)
      );
    assert.equal((await call('PUT', '', { seats: 5, enabled: true })).status, 200);
    for (const name of ['Hanna', 'Ivo']) {
      const response = await volunteer(
        { displayName: name, email: `${name.toLowerCase()}@example.org`, consent: true },
        'klein-panel'
      );
      assert.equal(response.status, 201, await response.clone().text());
    }
    assert.equal((await call('POST', '/close')).status, 200);
    assert.equal((await call('PUT', '', { seats: 5, seed: 'x' })).status, 200);
    assert.equal((await call('POST', '/draw', { seed: 'x' })).status, 201);
    const view = await publicView('klein-panel');
    assert.deepEqual(view.stratifyBy, []);
    assert.equal(view.draw!.selected, 2);
    assert.equal(view.draw!.unfilled, 3);
  });
});
