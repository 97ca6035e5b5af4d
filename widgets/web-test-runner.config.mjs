// Browser tests in a real headless Chromium, with no network: TypeScript through esbuild,
// mocha + @open-wc/testing (chai, axe through chai-a11y-axe) in the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/chromium.mjs';

let executablePath;
try {
  executablePath = ensureChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'begroot-wtr-'));
process.on('exit', () => rmSync(userDataDir, { recursive: true, force: true }));

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        userDataDir,
      },
    }),
  ],
  // Lit's development build (used in tests for its extra checks) announces itself in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  concurrency: 2,
  testFramework: { config: { timeout: 5000 } },
  testsFinishTimeout: 120_000,
};
