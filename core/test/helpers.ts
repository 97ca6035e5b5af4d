import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  count,
  electionFromPabulib,
  type CountOptions,
  type Outcome,
} from '../src/counting/index.js';
import { parsePabulib } from '../src/pabulib/index.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root is two levels up from core/test. */
export const repoRoot = resolve(here, '..', '..');
/** Shared reference elections: never copied into the repository. */
export const sharedDir = resolve(repoRoot, '..', 'shared', 'pabulib');
export const fixturesDir = join(here, 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(fixturesDir, name), 'utf8');
}

export function countText(text: string, options: CountOptions): Outcome {
  return count(electionFromPabulib(parsePabulib(text)), options);
}

export function sorted(ids: readonly string[]): string[] {
  return [...ids].sort();
}
