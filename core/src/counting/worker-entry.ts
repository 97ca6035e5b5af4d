/** The worker side of `countInWorker` (Node.js only). */
import { parentPort } from 'node:worker_threads';
import { parsePabulib } from '../pabulib/parse.js';
import { count } from './count.js';
import { electionFromPabulib } from './election.js';
import { type WorkerRequest, type WorkerResponse } from './worker.js';

parentPort?.once('message', (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    const start = performance.now();
    const election =
      'pabulib' in req.input
        ? electionFromPabulib(parsePabulib(req.input.pabulib))
        : req.input.election;
    const outcome = count(election, req.options);
    res = { ok: true, outcome, elapsedMs: performance.now() - start };
  } catch (e) {
    res =
      e instanceof Error
        ? { ok: false, name: e.name, message: e.message }
        : { ok: false, name: 'Error', message: String(e) };
  }
  parentPort?.postMessage(res);
});
