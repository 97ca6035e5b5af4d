/**
 * One benchmark measurement, run by test/bench/run.ts in its own process (so its peak memory is
 * its own): the counting itself runs in a worker thread while the main thread measures how long
 * its event loop was ever blocked.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  compile,
  countCompiled,
  electionFromPabulib,
  type CountOptions,
} from '../../core/src/counting/index.js';
import { parsePabulib } from '../../core/src/pabulib/index.js';
import { generateApproval } from './generate.js';

export interface TaskSpec {
  /** A .pb path, or a generated election. */
  source: { file: string } | { generate: { voters: number; projects: number; seed: number } };
  options: CountOptions;
}

export interface TaskResult {
  voters: number;
  projects: number;
  groups: number;
  loadMs: number;
  countMs: number;
  /** CPU time of the counting (process-wide; the main thread only ticks a timer meanwhile). */
  countCpuMs: number;
  add1Runs: number | null;
  selected: number;
  totalCost: number;
  budget: number;
  exactRuns: number;
  maxRssMb: number;
  maxLagMs: number;
}

function job(spec: TaskSpec): Omit<TaskResult, 'maxRssMb' | 'maxLagMs'> {
  const t0 = performance.now();
  const election =
    'file' in spec.source
      ? electionFromPabulib(parsePabulib(readFileSync(spec.source.file, 'utf8')))
      : generateApproval(
          spec.source.generate.voters,
          spec.source.generate.projects,
          spec.source.generate.seed
        );
  const compiled = compile(election);
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  const outcome = countCompiled(compiled, spec.options);
  const used = process.cpuUsage(cpu);
  const t2 = performance.now();
  return {
    voters: compiled.n,
    projects: compiled.ids.length,
    groups: compiled.groups,
    loadMs: t1 - t0,
    countMs: t2 - t1,
    countCpuMs: (used.user + used.system) / 1000,
    add1Runs: outcome.add1Runs ?? null,
    selected: outcome.selected.length,
    totalCost: outcome.totalCost,
    budget: outcome.budget,
    exactRuns: outcome.exactRuns ?? 0,
  };
}

if (!isMainThread) {
  parentPort?.postMessage('started');
  parentPort?.postMessage(job(workerData as TaskSpec));
} else {
  const spec = JSON.parse(process.argv[2] ?? '{}') as TaskSpec;
  const self = new URL(import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self.href)}); });`,
    { eval: true, workerData: spec }
  );
  // Event-loop lag of the main thread while the worker counts (measured from the worker's start
  // message, so module loading is not counted).
  let maxLag = 0;
  let last = performance.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  worker.on('message', (r: 'started' | Omit<TaskResult, 'maxRssMb' | 'maxLagMs'>) => {
    if (r === 'started') {
      last = performance.now();
      timer = setInterval(() => {
        const now = performance.now();
        maxLag = Math.max(maxLag, now - last - 10);
        last = now;
      }, 10);
      return;
    }
    clearInterval(timer);
    const result: TaskResult = {
      ...r,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      maxLagMs: Math.max(0, maxLag),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    void worker.terminate();
  });
  worker.once('error', (e) => {
    if (timer) clearInterval(timer);
    process.stderr.write(`bench task failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
