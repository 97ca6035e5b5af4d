// Browser tests in a real headless Chromium, with no network: TypeScript through esbuild,
// mocha + @open-wc/testing (chai, axe through chai-a11y-axe) in the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
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

/**
 * Ends the output with one plain line, `N passed, N failed`, free of terminal colours (the
 * default reporter colours its counts, and colours are forced whenever FORCE_COLOR is set, even
 * to 0), for scripts that sum up several suites. A test file that fails to load counts as failed.
 */
function plainSummaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites) count(child);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        if (!session.passed && (session.errors ?? []).length > 0) failed += 1;
      }
      const extra = skipped > 0 ? `, ${skipped} skipped` : '';
      process.stdout.write(`\n${passed} passed, ${failed} failed${extra}\n`);
    },
  };
}

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: Windows high-contrast mode,
 * which the built-in `emulateMedia` command offers only for Playwright.
 */
function forcedColorsPlugin() {
  // Puppeteer's emulateMediaFeatures rejects `forced-colors`, so talk CDP directly; emulation
  // lasts as long as its CDP session, so keep one per test page.
  const cdpSessions = new Map();
  return {
    name: 'begroot-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors' && command !== 'fail-requests') return undefined;
      let cdp = cdpSessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        cdpSessions.set(session.id, cdp);
        cdp.on('Fetch.requestPaused', ({ requestId }) => {
          void cdp.send('Fetch.failRequest', { requestId, errorReason: 'InternetDisconnected' });
        });
      }
      // `executeServerCommand('fail-requests', { urlPattern })`: matching requests fail as if
      // the network were down (a chunk that cannot be loaded); `{ urlPattern: null }` ends it.
      if (command === 'fail-requests') {
        if (payload?.urlPattern) {
          await cdp.send('Fetch.enable', { patterns: [{ urlPattern: payload.urlPattern }] });
        } else {
          await cdp.send('Fetch.disable');
        }
        return true;
      }
      const value = payload?.active ? 'active' : 'none';
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value }],
      });
      return true;
    },
  };
}

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    forcedColorsPlugin(),
  ],
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
  reporters: [defaultReporter(), plainSummaryReporter()],
  concurrency: 2,
  testFramework: { config: { timeout: 5000 } },
  testsFinishTimeout: 120_000,
};
