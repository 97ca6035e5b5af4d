import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Tally, TallyInput } from './tally';

export type WorkerAnswer =
  { ok: true; tally: Tally } | { ok: false; name: string; message: string };

/** The count took longer than allowed; the worker was stopped. */
export class CountTimeoutError extends Error {
  override name = 'CountTimeoutError';
}

/** The worker bundle is missing (the plugin was not built with its `./counting-worker` export). */
export class CountWorkerMissingError extends Error {
  override name = 'CountWorkerMissingError';
}

// The CommonJS build has `require`; the ES build (unused by Strapi) falls back to the app's root.
const nodeRequire: NodeJS.Require =
  typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'index.js'));

/**
 * The worker bundle, found through the plugin's own export so it works wherever the plugin is
 * installed (a workspace link, node_modules, `resolve: '../cms-plugin'`).
 */
function workerFile(): string {
  let file: string;
  try {
    file = nodeRequire.resolve('@begroot/cms-plugin/counting-worker');
  } catch {
    file = path.join(__dirname, '..', 'counting-worker', 'index.js');
  }
  if (!fs.existsSync(file)) {
    throw new CountWorkerMissingError(
      `The counting worker is missing (${file}): build the plugin with \`npm run build -w cms-plugin\`.`
    );
  }
  return file;
}

/**
 * Counts in a worker thread, so the server keeps answering requests while it counts. Rejects
 * with a CountTimeoutError after `timeoutMs` (the worker is terminated).
 */
export function tallyInWorker(input: TallyInput, { timeoutMs }: { timeoutMs: number }) {
  const worker = new Worker(workerFile());
  return new Promise<Tally>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new CountTimeoutError(
          `The count took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`
        )
      );
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once('message', (answer: WorkerAnswer) => {
      done();
      if (answer.ok) resolve(answer.tally);
      else reject(Object.assign(new Error(answer.message), { name: answer.name }));
    });
    worker.once('error', (error) => {
      done();
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The counting worker stopped (exit code ${code}) before it answered.`));
    });
    worker.postMessage(input);
  });
}
