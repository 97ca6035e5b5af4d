/**
 * Residents' images: `POST /api/begroot/rounds/:slug/uploads` (multipart `file` + `alternativeText`)
 * with real files built in the test, the upload id named as `image` in the proposal, and the
 * clean-up of uploads never attached. Every refusal stores nothing: no file (Strapi's upload
 * writes the file and its row together; the row is counted, as the folder is shared with other
 * test files running at the same time) and no pending upload.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { demoDir, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import { PROPOSAL_UID, countRows, postJson } from '../support/fixtures.ts';

/** The few parts of sharp (Strapi's image library) these tests use. */
type SharpImage = {
  png(): SharpImage;
  jpeg(): SharpImage;
  withExif(exif: Record<string, Record<string, string>>): SharpImage;
  toBuffer(): Promise<Buffer>;
  metadata(): Promise<{ exif?: Buffer; width?: number }>;
};
type Sharp = (
  input: Uint8Array | { create: { width: number; height: number; channels: 3; background: string } }
) => SharpImage;
const sharp = createRequire(path.join(demoDir, 'package.json'))('sharp') as Sharp;

const IDEAS_ROUND = 'voorbeeldstad-2027';
const VOTING_ROUND = 'voorbeeldstad-proefstemming';
const FILE_UID = 'plugin::upload.file';
const PENDING = 'begroot_pending_uploads';

let app: TestStrapi;
let png: Uint8Array<ArrayBuffer>;
let jpeg: Uint8Array<ArrayBuffer>;

before(async () => {
  app = await startStrapi();
  const image = (width: number) =>
    sharp({ create: { width, height: 2, channels: 3, background: '#2e7d32' } });
  png = new Uint8Array(await image(3).png().toBuffer());
  jpeg = new Uint8Array(await image(4).jpeg().toBuffer());
});

after(async () => {
  // Remove what the tests uploaded, through Strapi's upload (the files and their formats).
  const upload = app?.strapi.plugin('upload').service('upload') as
    { remove(file: unknown): Promise<unknown> } | undefined;
  for (const file of (await app?.strapi.db.query(FILE_UID as never).findMany()) ?? []) {
    await upload?.remove(file);
  }
  await app?.stop();
});

function upload(
  file: { bytes: Uint8Array<ArrayBuffer> | string; name: string; type: string } | null,
  fields: Record<string, string> = { alternativeText: 'Een bankje in het park' },
  slug = IDEAS_ROUND
) {
  const form = new FormData();
  if (file) form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return app.request(`/api/begroot/rounds/${slug}/uploads`, { method: 'POST', body: form });
}

const counts = async () => ({
  files: await countRows(app, FILE_UID),
  pending: Number(
    ((await app.strapi.db.connection(PENDING).count({ n: '*' })) as Array<{ n: unknown }>)[0]!.n
  ),
});

const proposal = (image: string) => ({
  title: 'Een bankje met uitzicht',
  description: 'Een bankje aan de vijver, zodat ouderen even kunnen uitrusten.',
  district: 'noord',
  image,
});

type Uploaded = { id: string; mime: string; size: number; alternativeText: string };

/** Where an upload's file lies: never in the answer, so read from the database. */
async function fileUrlOf(id: string): Promise<string> {
  const knex = app.strapi.db.connection;
  const pending = (await knex('begroot_pending_uploads').where({ id }).first()) as {
    file_id: number;
  };
  const file = (await app.strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { id: pending.file_id } })) as { url: string };
  return file.url;
}

describe('uploading an image for a proposal', () => {
  test('a PNG is stored, and the proposal that names its id carries it', async () => {
    const before = await counts();
    const response = await upload({ bytes: png, name: 'bankje.png', type: 'image/png' });
    const text = await response.text();
    assert.equal(response.status, 201, text);
    const { data } = JSON.parse(text) as { data: Uploaded };
    assert.match(data.id, /^[a-z0-9]{24}$/);
    assert.equal(data.mime, 'image/png');
    assert.equal(data.alternativeText, 'Een bankje in het park');
    assert.equal('url' in data, false, 'no address to link to before review');
    const url = await fileUrlOf(data.id);
    assert.match(url, /^\/uploads\/.+\.png$/);
    assert.ok(fs.existsSync(path.join(demoDir, 'public', url)), 'the file is on disk');
    const after = await counts();
    assert.equal(after.files, before.files + 1);
    assert.equal(after.pending, before.pending + 1);

    const created = await postJson(
      app,
      `/api/begroot/rounds/${IDEAS_ROUND}/proposals`,
      proposal(data.id)
    );
    const createdText = await created.text();
    assert.equal(created.status, 201, createdText);
    const { documentId } = (JSON.parse(createdText) as { data: { documentId: string } }).data;
    const stored = (await app.strapi.documents(PROPOSAL_UID as never).findOne({
      documentId,
      populate: ['image'],
    } as never)) as unknown as { image: { url: string; alternativeText: string } | null };
    assert.equal(stored.image?.url, url);
    assert.equal(stored.image?.alternativeText, 'Een bankje in het park');
    assert.equal((await counts()).pending, before.pending, 'the upload is no longer pending');

    // One upload, one proposal: the id does not serve a second one.
    const proposals = await countRows(app, PROPOSAL_UID);
    const again = await postJson(
      app,
      `/api/begroot/rounds/${IDEAS_ROUND}/proposals`,
      proposal(data.id)
    );
    const body = await expectError(again, 400, 'ValidationError');
    assert.deepEqual(
      (body.error.details as { errors: Array<{ path: string[] }> }).errors.map((e) => e.path),
      [['image']]
    );
    assert.equal(await countRows(app, PROPOSAL_UID), proposals);
  });

  test('a photo keeps none of its metadata (EXIF can say where it was taken)', async () => {
    const tagged = new Uint8Array(
      await sharp({ create: { width: 5, height: 3, channels: 3, background: '#1565c0' } })
        .jpeg()
        .withExif({ IFD0: { ImageDescription: 'Parklaan 12, Voorbeeldstad', Artist: 'Ann' } })
        .toBuffer()
    );
    assert.ok((await sharp(tagged).metadata()).exif, 'the test photo carries EXIF');
    const response = await upload({ bytes: tagged, name: 'thuis.jpg', type: 'image/jpeg' });
    assert.equal(response.status, 201, await response.clone().text());
    const { data } = (await response.json()) as { data: Uploaded };
    const stored = fs.readFileSync(path.join(demoDir, 'public', await fileUrlOf(data.id)));
    const metadata = await sharp(stored).metadata();
    assert.equal(metadata.exif, undefined);
    assert.equal(metadata.width, 5);
    assert.doesNotMatch(stored.toString('latin1'), /Parklaan|Ann/);
  });

  test('a JPEG sent under another name and type is recognised by its bytes', async () => {
    const response = await upload({
      bytes: jpeg,
      name: 'foto.bin',
      type: 'application/octet-stream',
    });
    const text = await response.text();
    assert.equal(response.status, 201, text);
    const { data } = JSON.parse(text) as { data: Uploaded };
    assert.equal(data.mime, 'image/jpeg');
    assert.match(await fileUrlOf(data.id), /\.jpg$/);
  });

  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>';
  for (const [label, file] of [
    ['an SVG', { bytes: svg, name: 'logo.svg', type: 'image/svg+xml' }],
    [
      'a text file renamed to .png',
      { bytes: 'Dit is geen plaatje.\n', name: 'foto.png', type: 'image/png' },
    ],
    ['an SVG renamed to .jpg', { bytes: svg, name: 'foto.jpg', type: 'image/jpeg' }],
  ] as const) {
    test(`${label} is refused with 400, nothing stored`, async () => {
      const before = await counts();
      const body = await expectError(await upload(file), 400, 'ValidationError');
      assert.match(body.error.message, /JPEG, PNG, GIF or WebP/);
      assert.deepEqual(await counts(), before);
    });
  }

  test('an image over imageMaxBytes is refused with 413, nothing stored', async () => {
    const limit = app.strapi.config.get('plugin::begroot.imageMaxBytes');
    app.strapi.config.set('plugin::begroot.imageMaxBytes', png.length - 1);
    try {
      const before = await counts();
      const body = await expectError(
        await upload({ bytes: png, name: 'groot.png', type: 'image/png' }),
        413,
        'PayloadTooLargeError'
      );
      assert.match(body.error.message, /larger than/);
      assert.deepEqual(await counts(), before);
    } finally {
      app.strapi.config.set('plugin::begroot.imageMaxBytes', limit);
    }
  });

  for (const [label, fields, field] of [
    ['without a description (alt text)', {}, 'alternativeText'],
    ['with an empty description', { alternativeText: '  ' }, 'alternativeText'],
    ['with an unknown field', { alternativeText: 'Een bankje', caption: 'x' }, 'caption'],
  ] as const) {
    test(`an image ${label} is refused with 400, nothing stored`, async () => {
      const before = await counts();
      const body = await expectError(
        await upload({ bytes: png, name: 'bankje.png', type: 'image/png' }, fields),
        400,
        'ValidationError'
      );
      // A field's problem names it in its path; an unknown key, in its message.
      assert.match(JSON.stringify(body.error.details), new RegExp(field));
      assert.deepEqual(await counts(), before);
    });
  }

  test('no file, or two, is refused with 400; JSON is refused with 400', async () => {
    const before = await counts();
    await expectError(await upload(null), 400, 'ValidationError');
    const two = new FormData();
    two.append('file', new Blob([png], { type: 'image/png' }), 'a.png');
    two.append('file', new Blob([png], { type: 'image/png' }), 'b.png');
    two.append('alternativeText', 'Twee bankjes');
    await expectError(
      await app.request(`/api/begroot/rounds/${IDEAS_ROUND}/uploads`, {
        method: 'POST',
        body: two,
      }),
      400,
      'ValidationError'
    );
    await expectError(
      await postJson(app, `/api/begroot/rounds/${IDEAS_ROUND}/uploads`, { file: 'x' }),
      400,
      'ValidationError'
    );
    assert.deepEqual(await counts(), before);
  });

  test('outside the ideas phase 403, an unknown round 404, nothing stored', async () => {
    const before = await counts();
    const closed = await expectError(
      await upload({ bytes: png, name: 'bankje.png', type: 'image/png' }, undefined, VOTING_ROUND),
      403,
      'ForbiddenError'
    );
    assert.match(closed.error.message, /ideas phase/);
    await expectError(
      await upload(
        { bytes: png, name: 'bankje.png', type: 'image/png' },
        undefined,
        'bestaat-niet'
      ),
      404,
      'NotFoundError'
    );
    assert.deepEqual(await counts(), before);
  });

  test('uploads are rate-limited like other public writes (429)', async () => {
    app.strapi.config.set('plugin::begroot.rateLimits', {
      perClient: { max: 1, windowSeconds: 600 },
      perRound: { max: 0, windowSeconds: 600 },
    });
    try {
      const first = await upload({ bytes: png, name: 'een.png', type: 'image/png' });
      assert.equal(first.status, 201, await first.text());
      const before = await counts();
      await expectError(
        await upload({ bytes: png, name: 'twee.png', type: 'image/png' }),
        429,
        'RateLimitError'
      );
      assert.deepEqual(await counts(), before);
    } finally {
      app.strapi.config.set('plugin::begroot.rateLimits', {
        perClient: { max: 0, windowSeconds: 60 },
        perRound: { max: 0, windowSeconds: 60 },
      });
    }
  });

  test('an upload never attached is removed after the time limit, with its file', async () => {
    const response = await upload({ bytes: png, name: 'vergeten.png', type: 'image/png' });
    const { data } = (await response.json()) as { data: Uploaded };
    const url = await fileUrlOf(data.id);
    const before = await counts();
    const service = app.strapi.plugin('begroot').service('proposal-upload') as {
      removeExpired(now?: number): Promise<number>;
    };
    assert.equal(await service.removeExpired(), 0, 'a fresh upload stays');
    const removed = await service.removeExpired(Date.now() + 7 * 60 * 60 * 1000);
    assert.ok(removed >= 1);
    const after = await counts();
    assert.ok(after.files < before.files && after.pending < before.pending);
    assert.equal(fs.existsSync(path.join(demoDir, 'public', url)), false, 'file deleted');
    const late = await postJson(
      app,
      `/api/begroot/rounds/${IDEAS_ROUND}/proposals`,
      proposal(data.id)
    );
    await expectError(late, 400, 'ValidationError');
  });
});
