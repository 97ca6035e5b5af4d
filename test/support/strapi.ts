/**
 * Boots the demo Strapi app in this process for API and end-to-end tests: a fresh temporary SQLite
 * file per boot, or, when DATABASE_URL is set, a fresh PostgreSQL database `begroot_test_<random>`
 * created from that URL and dropped afterwards. Listens on a free port on 127.0.0.1; no admin
 * panel build is needed.
 */
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const demoDir = path.join(repoRoot, 'demo');
const pluginDir = path.join(repoRoot, 'cms-plugin');

// From the demo app, whose dependencies these are. (The ESM entry of @strapi/strapi fails on
// `lodash/fp`; its CommonJS entry works.)
const demoRequire = createRequire(path.join(demoDir, 'package.json'));

type StrapiModule = {
  compileStrapi(options: { appDir: string }): Promise<{ appDir: string; distDir: string }>;
  createStrapi(options: {
    appDir: string;
    distDir: string;
    autoReload?: boolean;
    serveAdminPanel?: boolean;
  }): Core.Strapi;
};

type PgClient = {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
};
type PgModule = { Client: new (options: { connectionString: string }) => PgClient };

export type Database =
  { kind: 'sqlite'; filename: string } | { kind: 'postgres'; name: string; url: string };

export type TestStrapi = {
  strapi: Core.Strapi;
  /** `http://127.0.0.1:<port>` */
  url: string;
  database: Database;
  /** `fetch` relative to the app's URL. */
  request(pathname: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
};

/** The plugin must be built and its build newer than its sources: an unbuilt one is skipped silently. */
export function assertPluginBuilt() {
  const built = path.join(pluginDir, 'dist', 'server', 'index.js');
  if (!fs.existsSync(built)) {
    throw new Error('cms-plugin is not built: run `npm run build -w cms-plugin` first.');
  }
  const builtAt = fs.statSync(built).mtimeMs;
  const newest = newestMtime(path.join(pluginDir, 'server', 'src'));
  if (newest.mtimeMs > builtAt) {
    throw new Error(
      `cms-plugin's build is older than ${path.relative(repoRoot, newest.file)}: ` +
        'run `npm run build -w cms-plugin` again.'
    );
  }
}

function newestMtime(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: dir, mtimeMs: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = fs.statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

const secret = (bytes = 16) => crypto.randomBytes(bytes).toString('base64');

/** What a fresh clone lacks: the secrets from demo/.env. */
export function setSecrets() {
  process.env.APP_KEYS = [secret(), secret(), secret(), secret()].join(',');
  process.env.API_TOKEN_SALT = secret();
  process.env.ADMIN_JWT_SECRET = secret();
  process.env.TRANSFER_TOKEN_SALT = secret();
  process.env.JWT_SECRET = secret();
  process.env.ENCRYPTION_KEY = secret(32);
}

async function createDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const adminUrl = process.env.BEGROOT_TEST_ADMIN_DATABASE_URL || process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'begroot-test-'));
    const filename = path.join(dir, 'data.db');
    process.env.DATABASE_URL = ''; // wins over a DATABASE_URL in demo/.env
    process.env.DATABASE_FILENAME = filename;
    return {
      database: { kind: 'sqlite', filename },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }

  // Remember the server's URL: DATABASE_URL now points at the test database.
  process.env.BEGROOT_TEST_ADMIN_DATABASE_URL = adminUrl;
  const { Client } = demoRequire('pg') as PgModule;
  const name = `begroot_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return {
    database: { kind: 'postgres', name, url: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Runs `fn` holding the lock on demo/dist: compileStrapi writes it, and so does the admin build, so
 * test files booting at the same time take turns. The lock is a directory, kept fresh while `fn`
 * runs and taken over when older than two minutes (a crashed holder).
 */
export async function withDistLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(os.tmpdir(), `begroot-compile-${hash(demoDir)}.lock`);
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const keepAlive = setInterval(() => {
    const now = new Date();
    fs.utimesSync(lock, now, now);
  }, 20_000);
  try {
    return await fn();
  } finally {
    clearInterval(keepAlive);
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** compileStrapi exits the process on a type error. */
function compileDemo(strapiModule: StrapiModule) {
  return withDistLock(() => strapiModule.compileStrapi({ appDir: demoDir }));
}

type TarnPool = {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
};

/**
 * Lets work that a finished request left running (Strapi does some after answering) reach the
 * database before the pool is destroyed: a query started on a destroyed pool would wait for the
 * acquire timeout and fail the file afterwards. Bounded; reports a pool that stays busy.
 */
async function waitForIdlePool(strapi: Core.Strapi, limitMs = 5000) {
  const pool = (strapi.db?.connection as unknown as { client?: { pool?: TarnPool } })?.client?.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
  const deadline = Date.now() + limitMs;
  let idleChecks = 0;
  while (idleChecks < 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    idleChecks = busy() === 0 ? idleChecks + 1 : 0;
  }
  if (idleChecks < 3) {
    console.warn(
      `[test harness] database pool still busy before shutdown: ${pool.numUsed()} used, ` +
        `${pool.numPendingAcquires()} waiting, ${pool.numPendingCreates()} opening`
    );
  }
}

const hash = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);

export async function startStrapi(options: { env?: Record<string, string> } = {}) {
  assertPluginBuilt();
  setSecrets();
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.STRAPI_LOG_LEVEL ??= 'warn';
  process.env.STRAPI_STARTUP_MESSAGE = 'false';
  process.env.BROWSER = 'none';
  // A query stuck on a full pool fails in 15 s rather than Strapi's default 60 s.
  process.env.DATABASE_CONNECTION_TIMEOUT ??= '15000';
  // Tests post many times from one address: rate limits off unless a test file turns them on
  // (test/api/abuse.test.ts sets them in the plugin's config).
  process.env.BEGROOT_RATE_LIMIT_CLIENT_MAX = '0';
  process.env.BEGROOT_RATE_LIMIT_ROUND_MAX = '0';
  Object.assign(process.env, options.env);

  // Strapi's update notifier writes demo/.strapi-updater.json on every boot: leave no trace.
  const updaterFile = path.join(demoDir, '.strapi-updater.json');
  const hadUpdaterFile = fs.existsSync(updaterFile);
  const { database, drop } = await createDatabase();
  const strapiModule = demoRequire('@strapi/strapi') as StrapiModule;
  let strapi: Core.Strapi | undefined;
  try {
    const { appDir, distDir } = await compileDemo(strapiModule);
    strapi = strapiModule.createStrapi({
      appDir,
      distDir,
      autoReload: false,
      serveAdminPanel: false,
    });
    await strapi.load();
    // Tests run the client in the server's process: a long synchronous step (a recount, a big
    // parse) can outlast Node's 5 s keep-alive, and the server then closes a socket just as fetch
    // reuses it ("fetch failed"). Idle sockets stay open longer than any test step.
    strapi.server.httpServer.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve, reject) => {
      strapi!.server.httpServer.once('error', reject);
      strapi!.server.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await strapi?.destroy().catch(() => {});
    await drop().catch(() => {});
    throw error;
  }

  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const running = strapi;
  return {
    strapi: running,
    url,
    database,
    request: (pathname: string, init?: RequestInit) => fetch(new URL(pathname, url), init),
    async stop() {
      // Strapi's destroy removes every process listener, the test runner's included.
      await waitForIdlePool(running);
      const events = process as unknown as NodeJS.EventEmitter;
      const saved = events.eventNames().map((name) => [name, events.listeners(name)] as const);
      try {
        await running.destroy();
      } finally {
        for (const [name, listeners] of saved) {
          for (const listener of listeners) {
            if (!events.listeners(name).includes(listener)) {
              events.on(name, listener as (...args: unknown[]) => void);
            }
          }
        }
        await drop();
        if (!hadUpdaterFile) fs.rmSync(updaterFile, { force: true });
      }
    },
  } satisfies TestStrapi;
}
