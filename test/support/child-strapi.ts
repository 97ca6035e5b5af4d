/**
 * Runs the demo app (already compiled to demo/dist by the test that spawns this) in its own
 * process, on the database and with the secrets of the environment it inherits, and prints
 * `{"port": …}` on one line once it listens. For tests with two processes on one database and for
 * crash tests (kill -9).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { demoDir } from './strapi.ts';

const demoRequire = createRequire(path.join(demoDir, 'package.json'));
const { createStrapi } = demoRequire('@strapi/strapi') as {
  createStrapi(options: {
    appDir: string;
    distDir: string;
    autoReload: boolean;
    serveAdminPanel: boolean;
  }): Core.Strapi;
};

const strapi = createStrapi({
  appDir: demoDir,
  distDir: path.join(demoDir, 'dist'),
  autoReload: false,
  serveAdminPanel: false,
});
await strapi.load();
strapi.server.listen(0, '127.0.0.1', () => {
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});
