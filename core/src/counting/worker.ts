/**
 * Counting off the main thread, so a server stays responsive while it counts a big round.
 * Node.js only: `node:worker_threads` is loaded lazily, when `countInWorker` is first called, so the
 * rest of `@begroot/core/counting` stays free of Node imports.
 */
import { type CountOptions, type Outcome } from './count.js';
import { type Amount, type Election } from './election.js';
import { Rational } from './rational.js';

/** What to count: Pabulib text (parsed in the worker), or an election built in code. */
export type WorkerInput = { pabulib: string } | { election: Election };

export interface WorkerRequest {
  input: WorkerInput;
  options: CountOptions;
}

export type WorkerResponse =
  { ok: true; outcome: Outcome; elapsedMs: number } | { ok: false; name: string; message: string };

/** Rationals do not survive structured cloning: send amounts as exact text. */
function amountText(a: Amount): string | number {
  return a instanceof Rational ? (a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`) : a;
}

export function serialisableInput(input: WorkerInput): WorkerInput {
  if ('pabulib' in input) return input;
  const e = input.election;
  return {
    election: {
      budget: amountText(e.budget),
      projects: e.projects.map((p) => ({ ...p, cost: amountText(p.cost) })),
      ballots: e.ballots,
      neighbourhoodCaps: e.neighbourhoodCaps
        ? Object.fromEntries(
            Object.entries(e.neighbourhoodCaps).map(([k, v]) => [k, amountText(v)])
          )
        : null,
    },
  };
}

export interface CountInWorkerOptions {
  /** Aborting terminates the worker and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Counts in a `node:worker_threads` worker and resolves with the same {@link Outcome} as `count`.
 * Errors in the input (a malformed file, an unknown project) reject with an Error of the same name
 * and message.
 */
export async function countInWorker(
  input: WorkerInput,
  options: CountOptions,
  { signal }: CountInWorkerOptions = {}
): Promise<Outcome & { workerElapsedMs: number }> {
  const { Worker } = await import('node:worker_threads');
  const here = import.meta.url;
  const isTs = here.endsWith('.ts');
  const entry = new URL(isTs ? './worker-entry.ts' : './worker-entry.js', here);
  // Run from TypeScript sources (tests, `tsx`): register tsx's loader inside the worker first.
  const worker = isTs
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`,
        { eval: true }
      )
    : new Worker(entry);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      void worker.terminate();
      reject(signal?.reason ?? new Error('aborted'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
    };
    worker.once('message', (r: WorkerResponse) => {
      done();
      if (r.ok) resolve({ ...r.outcome, workerElapsedMs: r.elapsedMs });
      else {
        const err = new Error(r.message);
        err.name = r.name;
        reject(err);
      }
    });
    worker.once('error', (e) => {
      done();
      reject(e);
    });
    worker.postMessage({ input: serialisableInput(input), options } satisfies WorkerRequest);
  });
}
