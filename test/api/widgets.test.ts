import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';

const SECRET = 'GEHEIM-0f3c9a';
const LOADER = 'export const loader = true;\n';
const CHUNK = 'export const meter = true;\n';
const realLoader = path.join(repoRoot, 'widgets', 'dist', 'begroot.js');

let app: TestStrapi;
let fixture: string;

/**
 * A widgets build of our own (`widgetsDir`), with a secret beside it that must never be served.
 * The real bundle is checked at the end when widgets/dist is built.
 */
before(async () => {
  fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'begroot-widgets-'));
  const dist = path.join(fixture, 'dist');
  fs.mkdirSync(path.join(dist, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'begroot.js'), LOADER);
  fs.writeFileSync(path.join(dist, 'begroot-budget-meter-BQeuN7mI.js'), CHUNK);
  fs.writeFileSync(path.join(dist, 'begroot-budget-meter-BQeuN7mI.js.map'), '{}');
  fs.writeFileSync(path.join(dist, 'sub', 'nested-Ab12Cd34.js'), CHUNK);
  fs.writeFileSync(path.join(dist, 'notes.txt'), SECRET);
  fs.writeFileSync(path.join(fixture, 'secret.js'), `export const secret = '${SECRET}';`);
  fs.symlinkSync(path.join(fixture, 'secret.js'), path.join(dist, 'link.js'));
  app = await startStrapi();
  app.strapi.config.set('plugin::begroot.widgetsDir', dist);
});
after(async () => {
  await app?.stop();
  if (fixture) fs.rmSync(fixture, { recursive: true, force: true });
});

/** A request with the path exactly as written (fetch would normalise `..`). */
function rawGet(
  rawPath: string,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: string }> {
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: rawPath, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

describe('GET /begroot/widgets/<file>', () => {
  test('serves the loader as JavaScript to any origin, without credentials, cached briefly', async () => {
    const response = await app.request('/begroot/widgets/begroot.js', {
      headers: { origin: 'https://www.voorbeeldstad.nl' },
    });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), LOADER);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('cache-control') ?? '', /max-age=300\b/);
    assert.doesNotMatch(response.headers.get('cache-control') ?? '', /immutable/);
  });

  test('serves hashed chunks (and their source maps) as immutable', async () => {
    for (const file of [
      'begroot-budget-meter-BQeuN7mI.js',
      'begroot-budget-meter-BQeuN7mI.js.map',
      'sub/nested-Ab12Cd34.js',
    ]) {
      const response = await app.request(`/begroot/widgets/${file}`);
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.match(response.headers.get('cache-control') ?? '', /max-age=31536000, immutable/);
    }
  });

  test('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const first = await app.request('/begroot/widgets/begroot.js');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    // Raw: fetch adds `Cache-Control: no-cache` to a conditional request, as the Fetch spec says.
    const again = await rawGet('/begroot/widgets/begroot.js', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    const head = await app.request('/begroot/widgets/begroot.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(LOADER)));
    assert.equal(await head.text(), '');
  });

  test('answers 404 in Strapi’s format for an unknown file or another kind of file', async () => {
    for (const file of ['bestaat-niet.js', 'notes.txt', 'sub', 'link.js']) {
      const body = await expectError(
        await app.request(`/begroot/widgets/${file}`),
        404,
        'NotFoundError'
      );
      assert.doesNotMatch(JSON.stringify(body), new RegExp(SECRET));
    }
  });

  test('refuses directory traversal, however it is spelled', async () => {
    for (const rawPath of [
      '/begroot/widgets/../secret.js',
      '/begroot/widgets/../../secret.js',
      '/begroot/widgets/..%2Fsecret.js',
      '/begroot/widgets/%2e%2e/secret.js',
      '/begroot/widgets/%2E%2E%2Fsecret.js',
      '/begroot/widgets/sub/../../secret.js',
      '/begroot/widgets/sub/%2e%2e/%2e%2e/secret.js',
      '/begroot/widgets/..%5Csecret.js',
      '/begroot/widgets/%2Fetc%2Fpasswd',
      '/begroot/widgets//etc/passwd',
      '/begroot/widgets/begroot.js%00.txt',
      '/begroot/widgets/',
    ]) {
      const { status, body } = await rawGet(rawPath);
      assert.ok(status >= 400 && status < 500, `${rawPath} answered ${status}`);
      assert.doesNotMatch(body, new RegExp(SECRET), rawPath);
      assert.doesNotMatch(body, /root:x:0:0/, rawPath);
      assert.doesNotMatch(body, /\bat .+:\d+:\d+/, rawPath);
    }
  });

  test('answers 404 while the widgets folder does not exist', async () => {
    app.strapi.config.set('plugin::begroot.widgetsDir', path.join(fixture, 'missing'));
    try {
      await expectError(await app.request('/begroot/widgets/begroot.js'), 404, 'NotFoundError');
    } finally {
      app.strapi.config.set('plugin::begroot.widgetsDir', path.join(fixture, 'dist'));
    }
  });

  test(
    'serves the real widgets build from @begroot/widgets by default',
    {
      skip: fs.existsSync(realLoader)
        ? false
        : 'widgets/dist/begroot.js is missing: run `npm run build -w widgets`',
    },
    async () => {
      app.strapi.config.set('plugin::begroot.widgetsDir', null);
      try {
        const response = await app.request('/begroot/widgets/begroot.js');
        assert.equal(response.status, 200);
        const loader = await response.text();
        assert.equal(loader, fs.readFileSync(realLoader, 'utf8'));
        // Every chunk the loader imports is served beside it.
        const chunks = [...loader.matchAll(/["'`]\.\/([^"'`]+\.js)["'`]/g)].map(
          (match) => match[1]
        );
        assert.ok(chunks.length > 0, 'the loader imports no chunks');
        for (const chunk of chunks) {
          const served = await app.request(`/begroot/widgets/${chunk}`);
          assert.equal(served.status, 200, chunk);
          assert.match(served.headers.get('content-type') ?? '', /^text\/javascript/);
        }
      } finally {
        app.strapi.config.set('plugin::begroot.widgetsDir', path.join(fixture, 'dist'));
      }
    }
  );
});

describe('the city page', () => {
  test('is served at / with the widgets script and no inline scripts', async () => {
    const response = await app.request('/');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await response.text();
    assert.match(html, /<html lang="nl">/);
    assert.match(html, /<script type="module" src="\/begroot\/widgets\/begroot\.js"><\/script>/);
    assert.match(html, /<begroot-budget-meter round="voorbeeldstad-2027">/);
    for (const script of html.matchAll(/<script\b[^>]*>/g)) {
      assert.match(script[0], /\ssrc="/, `inline script: ${script[0]}`);
    }
    assert.doesNotMatch(html, /\son[a-z]+="/, 'inline event handler');
    const css = await app.request('/css/voorbeeldstad.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  });
});
