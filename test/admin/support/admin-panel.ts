/**
 * The admin panel for the browser tests: built once into demo/dist/build (where `strapi start`
 * and the demo's start script serve it from) and rebuilt only when what it is built from changed,
 * then Strapi booted in this process with `serveAdminPanel: true` on a fresh SQLite file.
 *
 * The build takes about a minute and 2.5 GB; it holds the lock test/support/strapi.ts takes
 * around `compileStrapi`, since both write demo/dist.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { assertPluginBuilt, demoDir, setSecrets, withDistLock } from '../../support/strapi.ts';

const demoRequire = createRequire(path.join(demoDir, 'package.json'));
const buildDir = path.join(demoDir, 'dist', 'build');
const stampFile = path.join(buildDir, '.begroot-admin-test-build');
const pluginAdmin = path.resolve(demoDir, '..', 'cms-plugin', 'dist', 'admin');

function listFiles(target: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The contents (not the times) of what the admin build is made from. */
export function adminInputsHash(): string {
  const digest = crypto.createHash('sha256');
  digest.update((demoRequire('@strapi/strapi/package.json') as { version: string }).version);
  const inputs = [
    path.join(demoDir, 'package.json'),
    path.join(demoDir, 'config', 'admin.ts'),
    path.join(demoDir, 'config', 'plugins.ts'),
    path.join(demoDir, 'src', 'admin'),
    pluginAdmin,
  ];
  for (const input of inputs) {
    for (const file of listFiles(input)) {
      digest.update(`${path.relative(demoDir, file)}\n`);
      digest.update(fs.readFileSync(file));
    }
  }
  return digest.digest('hex');
}

export type BuildReport = { built: boolean; ms: number };

/** Builds the admin panel unless the build in demo/dist/build is from the same inputs. */
export async function ensureAdminBuild(): Promise<BuildReport> {
  assertPluginBuilt();
  const started = Date.now();
  const inputs = adminInputsHash();
  const current = () =>
    fs.existsSync(path.join(buildDir, 'index.html')) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8').trim() === inputs;
  if (current()) return { built: false, ms: Date.now() - started };
  return withDistLock(async () => {
    if (current()) return { built: false, ms: Date.now() - started };
    const bin = path.join(
      path.dirname(demoRequire.resolve('@strapi/strapi/package.json')),
      'bin',
      'strapi.js'
    );
    setSecrets();
    const child = spawn(process.execPath, [bin, 'build', '--silent'], {
      cwd: demoDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', NODE_ENV: 'production' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const code = await new Promise<number>((resolve) =>
      child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)))
    );
    if (code !== 0) throw new Error(`strapi build failed (${code}):\n${stderr}`);
    fs.writeFileSync(stampFile, `${inputs}\n`);
    return { built: true, ms: Date.now() - started };
  });
}

type StrapiModule = {
  compileStrapi(options: { appDir: string }): Promise<{ appDir: string; distDir: string }>;
  createStrapi(options: {
    appDir: string;
    distDir: string;
    autoReload?: boolean;
    serveAdminPanel?: boolean;
  }): Core.Strapi;
};

export type AdminStrapi = { strapi: Core.Strapi; url: string; stop(): Promise<void> };

/** Strapi with its admin panel on a free port, on a fresh SQLite file removed by `stop`. */
export async function startStrapiWithAdmin(): Promise<AdminStrapi> {
  setSecrets();
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.STRAPI_LOG_LEVEL ??= 'warn';
  process.env.STRAPI_STARTUP_MESSAGE = 'false';
  process.env.BROWSER = 'none';
  process.env.BEGROOT_RATE_LIMIT_CLIENT_MAX = '0';
  process.env.BEGROOT_RATE_LIMIT_ROUND_MAX = '0';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'begroot-admin-test-'));
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_URL = '';
  process.env.DATABASE_FILENAME = path.join(dir, 'data.db');

  const strapiModule = demoRequire('@strapi/strapi') as StrapiModule;
  const updaterFile = path.join(demoDir, '.strapi-updater.json');
  const hadUpdaterFile = fs.existsSync(updaterFile);
  const { appDir, distDir } = await withDistLock(() =>
    strapiModule.compileStrapi({ appDir: demoDir })
  );
  const strapi = strapiModule.createStrapi({
    appDir,
    distDir,
    autoReload: false,
    serveAdminPanel: true,
  });
  await strapi.load();
  await new Promise<void>((resolve, reject) => {
    strapi.server.httpServer.once('error', reject);
    strapi.server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const events = process as unknown as NodeJS.EventEmitter;
      const saved = events.eventNames().map((name) => [name, events.listeners(name)] as const);
      try {
        await strapi.destroy();
      } finally {
        for (const [name, listeners] of saved) {
          for (const listener of listeners) {
            if (!events.listeners(name).includes(listener)) {
              events.on(name, listener as (...args: unknown[]) => void);
            }
          }
        }
        fs.rmSync(dir, { recursive: true, force: true });
        if (!hadUpdaterFile) fs.rmSync(updaterFile, { force: true });
      }
    },
  };
}

/** The admin panel built (or the build reused, as the log says) and Strapi serving it. */
export async function startAdminPanel(): Promise<AdminStrapi> {
  const build = await ensureAdminBuild();
  console.log(
    `admin panel ${build.built ? 'built' : 'reused'} in ${(build.ms / 1000).toFixed(1)} s`
  );
  return startStrapiWithAdmin();
}
