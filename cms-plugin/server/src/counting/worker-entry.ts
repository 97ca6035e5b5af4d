/**
 * The counting worker: shipped as its own bundle (`dist/counting-worker/index.js`, see the
 * `./counting-worker` export in package.json) so the built plugin can start it.
 */
import { parentPort } from 'node:worker_threads';
import { tally, type TallyInput } from './tally';
import type { WorkerAnswer } from './in-worker';

parentPort?.once('message', (input: TallyInput) => {
  let answer: WorkerAnswer;
  try {
    answer = { ok: true, tally: tally(input) };
  } catch (error) {
    answer = {
      ok: false,
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(answer);
});
