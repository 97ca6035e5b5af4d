import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { demoDir, startStrapi, type TestStrapi } from '../support/strapi.ts';

const ROUND_UID = 'plugin::begroot.round';
const ADMIN = { email: 'beheer@voorbeeldstad.test', password: 'Begroot2027!' };

let app: TestStrapi;
before(async () => {
  app = await startStrapi({
    env: { BEGROOT_ADMIN_EMAIL: ADMIN.email, BEGROOT_ADMIN_PASSWORD: ADMIN.password },
  });
});
after(async () => {
  await app?.stop();
});

/** The demo's compiled setup modules, as the booted app runs them. */
const demoSetup = () => {
  const require = createRequire(path.join(demoDir, 'package.json'));
  return {
    seed: require(path.join(demoDir, 'dist/src/setup/seed.js')) as {
      seedDemo(strapi: unknown): Promise<{ documentId: string; created: boolean }>;
    },
    admin: require(path.join(demoDir, 'dist/src/setup/super-admin.js')) as {
      ensureSuperAdmin(
        strapi: unknown,
        env: Record<string, string | undefined>
      ): Promise<{ id: number; created: boolean } | null>;
    },
  };
};

const round = (slug: string) => ({
  slug,
  title: `Ronde ${slug}`,
  budget: 1000,
  phases: [{ kind: 'ideas', start: '2027-01-01T00:00:00Z', end: '2027-02-01T00:00:00Z' }],
});

describe('the round slug', () => {
  test('has a unique index in the database', async () => {
    const knex = app.strapi.db.connection;
    const sql =
      app.database.kind === 'postgres'
        ? `SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'begroot_rounds'`
        : `SELECT sql AS def FROM sqlite_master WHERE type = 'index' AND tbl_name = 'begroot_rounds'`;
    const result = await knex.raw(sql);
    const rows = (app.database.kind === 'postgres' ? result.rows : result) as { def: string }[];
    assert.ok(
      rows.some((row) => /UNIQUE/i.test(row.def ?? '') && /slug/.test(row.def ?? '')),
      JSON.stringify(rows)
    );
  });

  test('holds under 20 concurrent creates through the Document Service', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        app.strapi.documents(ROUND_UID).create({ data: round('gelijktijdig') as never })
      )
    );
    const created = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result) => result.status === 'rejected');
    assert.equal(created.length, 1);
    for (const failure of refused) {
      assert.equal((failure.reason as Error).name, 'ValidationError', String(failure.reason));
    }
    const rows = await app.strapi.db.query(ROUND_UID).count({ where: { slug: 'gelijktijdig' } });
    assert.equal(rows, 1);
  });

  test('holds for writes that skip Strapi’s check (the database refuses the duplicate)', async () => {
    const query = app.strapi.db.query(ROUND_UID);
    await query.create({ data: { ...round('rauw'), documentId: 'rauwrondeeen00000000000a' } });
    await assert.rejects(
      query.create({ data: { ...round('rauw'), documentId: 'rauwrondetwee0000000000b' } }),
      (error: { code?: string }) =>
        error.code === '23505' || String(error.code).startsWith('SQLITE_CONSTRAINT')
    );
    assert.equal(await query.count({ where: { slug: 'rauw' } }), 1);
  });
});

describe('the demo seed', () => {
  test('created the demo round once, and running it again changes nothing', async () => {
    const { seedDemo } = demoSetup().seed;
    const before = await app.strapi
      .documents(ROUND_UID)
      .findFirst({ filters: { slug: 'voorbeeldstad-2027' } } as never);
    assert.ok(before, 'the demo round was not seeded');
    const again = await Promise.all([
      seedDemo(app.strapi),
      seedDemo(app.strapi),
      seedDemo(app.strapi),
    ]);
    for (const result of again) {
      assert.deepEqual(result, { documentId: before.documentId, created: false });
    }
    const count = await app.strapi.db
      .query(ROUND_UID)
      .count({ where: { slug: 'voorbeeldstad-2027' } });
    assert.equal(count, 1);
    const after = await app.strapi.documents(ROUND_UID).findOne({ documentId: before.documentId });
    assert.equal(after?.updatedAt, before.updatedAt);
  });

  test('recreates the demo round after it was deleted, without duplicates', async () => {
    const { seedDemo } = demoSetup().seed;
    const existing = await app.strapi
      .documents(ROUND_UID)
      .findFirst({ filters: { slug: 'voorbeeldstad-2027' } } as never);
    await app.strapi.documents(ROUND_UID).delete({ documentId: existing!.documentId });
    const results = await Promise.all([seedDemo(app.strapi), seedDemo(app.strapi)]);
    assert.equal(results.filter((result) => result.created).length, 1);
    assert.equal(results[0]?.documentId, results[1]?.documentId);
    assert.equal(
      await app.strapi.db.query(ROUND_UID).count({ where: { slug: 'voorbeeldstad-2027' } }),
      1
    );
  });
});

describe('the scripted super-admin', () => {
  const login = (password: string) =>
    app.request('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password }),
    });

  test('exists with the credentials from BEGROOT_ADMIN_EMAIL and BEGROOT_ADMIN_PASSWORD', async () => {
    const response = await login(ADMIN.password);
    assert.equal(response.status, 200, await response.clone().text());
    const body = (await response.json()) as { data: { token?: string; user: { roles?: unknown } } };
    assert.ok(body.data.token ?? (body.data as { accessToken?: string }).accessToken);
    const user = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: ADMIN.email }, populate: ['roles'] });
    assert.ok(user.roles.some((role: { code: string }) => role.code === 'strapi-super-admin'));
  });

  test('is ensured idempotently, and a changed password is applied', async () => {
    const { ensureSuperAdmin } = demoSetup().admin;
    const env = { BEGROOT_ADMIN_EMAIL: ADMIN.email, BEGROOT_ADMIN_PASSWORD: ADMIN.password };
    const first = await ensureSuperAdmin(app.strapi, env);
    assert.equal(first?.created, false);
    const changed = await ensureSuperAdmin(app.strapi, {
      ...env,
      BEGROOT_ADMIN_PASSWORD: 'Nieuw2027!x',
    });
    assert.equal(changed?.id, first?.id);
    assert.equal((await login('Nieuw2027!x')).status, 200);
    assert.equal((await login(ADMIN.password)).status, 400);
    assert.equal(
      await app.strapi.db.query('admin::user').count({ where: { email: ADMIN.email } }),
      1
    );
  });

  test('is skipped without the variables, and refuses a weak password', async () => {
    const { ensureSuperAdmin } = demoSetup().admin;
    assert.equal(await ensureSuperAdmin(app.strapi, {}), null);
    await assert.rejects(
      ensureSuperAdmin(app.strapi, {
        BEGROOT_ADMIN_EMAIL: ADMIN.email,
        BEGROOT_ADMIN_PASSWORD: 'zwak',
      }),
      /BEGROOT_ADMIN_PASSWORD/
    );
  });
});

describe('the Content Manager', () => {
  const cm = '/content-manager/collection-types/plugin::begroot.round';
  let token = '';
  const send = (method: string, pathname: string, body?: unknown) =>
    app.request(pathname, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  before(async () => {
    const { ensureSuperAdmin } = demoSetup().admin;
    await ensureSuperAdmin(app.strapi, {
      BEGROOT_ADMIN_EMAIL: ADMIN.email,
      BEGROOT_ADMIN_PASSWORD: ADMIN.password,
    });
    const response = await app.request('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const body = (await response.json()) as { data: { token?: string; accessToken?: string } };
    token = body.data.token ?? body.data.accessToken ?? '';
    assert.ok(token, 'no admin token');
  });

  test('creates a valid round and refuses an invalid one with the fields named', async () => {
    const created = await send('POST', cm, round('via-beheer'));
    assert.equal(created.status, 201, await created.clone().text());

    const refused = await send('POST', cm, {
      ...round('via-beheer-fout'),
      districts: [{ slug: 'oost', name: '<script>x</script>', budget: 10 }],
    });
    const text = await refused.text();
    assert.equal(refused.status, 400, text);
    const error = JSON.parse(text).error as {
      name: string;
      details: { errors: { path: (string | number)[] }[] };
    };
    assert.equal(error.name, 'ValidationError');
    assert.deepEqual(error.details.errors[0]?.path, ['districts', 0, 'name']);
    assert.equal(
      await app.strapi.db.query(ROUND_UID).count({ where: { slug: 'via-beheer-fout' } }),
      0
    );
  });

  test('refuses an edit that breaks the round, and keeps the stored round', async () => {
    const stored = await app.strapi
      .documents(ROUND_UID)
      .findFirst({ filters: { slug: 'via-beheer' } } as never);
    assert.ok(stored);
    const refused = await send('PUT', `${cm}/${stored.documentId}`, {
      phases: [{ kind: 'ideas', start: '2027-02-01T00:00:00Z', end: '2027-01-01T00:00:00Z' }],
    });
    assert.equal(refused.status, 400, await refused.clone().text());
    const edited = await send('PUT', `${cm}/${stored.documentId}`, { title: 'Nieuwe titel' });
    assert.equal(edited.status, 200, await edited.clone().text());
    const view = (await (await app.request('/api/begroot/rounds/via-beheer')).json()) as {
      data: { title: string; phases: { start: string }[] };
    };
    assert.equal(view.data.title, 'Nieuwe titel');
    assert.equal(view.data.phases[0]?.start, '2027-01-01T00:00:00Z');
  });
});
