#!/usr/bin/env node
// The whole test command (`npm test`): build, lint, type-check, then every suite, each in a real
// environment (node for core, headless Chromium for widgets, a booted Strapi for the API and the
// city page). Prints one closing line, `N passed, N failed`, over everything that ran.
//
//   node scripts/test.mjs                      everything
//   node scripts/test.mjs --only api           only the named steps (comma-separated)
//   node scripts/test.mjs --summary-file f     also write the counts as JSON (used by .ci/run)
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureChromium } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    'summary-file': { type: 'string' },
  },
});

/** Each step is one command; `kind` says how to read its counts from its output. */
const STEPS = [
  { name: 'build', kind: 'check', command: 'npm run --silent build' },
  { name: 'lint', kind: 'check', command: 'npm run --silent lint' },
  { name: 'typecheck', kind: 'check', command: 'npm run --silent typecheck' },
  { name: 'core', kind: 'node-test', command: 'npm test --silent -w core' },
  {
    name: 'widgets',
    kind: 'web-test-runner',
    command: 'npm test --silent -w widgets',
    browser: true,
  },
  { name: 'api', kind: 'node-test', command: 'npm run --silent test:api -w test' },
  { name: 'e2e', kind: 'node-test', command: 'npm run --silent test:e2e -w test', browser: true },
  { name: 'admin', kind: 'node-test', command: 'npm run --silent test:admin -w test', browser: true },
];

const only = options.only ? new Set(options.only.split(',').map((name) => name.trim())) : null;
const steps = only ? STEPS.filter((step) => only.has(step.name)) : STEPS;
if (only) {
  const unknown = [...only].filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length > 0) {
    console.error(
      `Unknown step(s): ${unknown.join(', ')}. Known: ${STEPS.map((s) => s.name).join(', ')}.`
    );
    process.exit(2);
  }
}

// Colour libraries treat any FORCE_COLOR as "on"; NO_COLOR turns them off.
const env = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', NO_COLOR: '1' };
delete env.FORCE_COLOR;
if (steps.some((step) => step.browser)) {
  try {
    env.CHROME_PATH = ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

/** Runs a shell command, echoing its output, and resolves with the exit code and the output. */
function run(command) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, {
      cwd: root,
      env,
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

/** The last match of `pattern` in `text`, as numbers, or null. */
function lastCounts(text, pattern) {
  const matches = [...text.matchAll(pattern)];
  const last = matches.at(-1);
  return last ? last.slice(1).map(Number) : null;
}

function countsOf(step, code, rawOutput) {
  // eslint-disable-next-line no-control-regex
  const output = rawOutput.replace(/\u001b\[[0-9;]*m/g, '');
  if (step.kind === 'node-test') {
    // node:test's reporters end with "ℹ pass N" / "ℹ fail N" (spec) or "# pass N" / "# fail N" (tap).
    const pass = lastCounts(output, /^[ℹ#] pass (\d+)$/gm)?.[0];
    const fail = lastCounts(output, /^[ℹ#] fail (\d+)$/gm)?.[0];
    if (pass !== undefined && fail !== undefined) {
      return { passed: pass, failed: fail + (code !== 0 && fail === 0 ? 1 : 0) };
    }
  }
  if (step.kind === 'web-test-runner') {
    const counts = lastCounts(output, /(\d+) passed, (\d+) failed/g);
    if (counts) {
      const [passed = 0, failed = 0] = counts;
      return { passed, failed: failed + (code !== 0 && failed === 0 ? 1 : 0) };
    }
  }
  // A check (or a suite whose counts could not be read) counts as one.
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

const results = [];
const started = Date.now();
for (const step of steps) {
  console.log(`\n━━ ${step.name}: ${step.command}`);
  const stepStarted = Date.now();
  const { code, output } = await run(step.command);
  const counts = countsOf(step, code, output);
  results.push({ step: step.name, code, seconds: (Date.now() - stepStarted) / 1000, ...counts });
}

const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log('\n━━ summary');
for (const result of results) {
  const status = result.code === 0 ? 'ok  ' : 'FAIL';
  console.log(
    `${status} ${result.step.padEnd(10)} ${String(result.passed).padStart(4)} passed ${String(result.failed).padStart(3)} failed  ${result.seconds.toFixed(1)} s`
  );
}
console.log(`${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
if (options['summary-file']) {
  writeFileSync(options['summary-file'], JSON.stringify({ passed, failed, results }, null, 2));
}
process.exit(results.every((result) => result.code === 0) ? 0 : 1);
