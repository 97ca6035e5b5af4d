/**
 * npm run bench: time and peak memory of greedy, MES and MES+add1 on the largest shared elections
 * and on generated ones (seeded, so every run counts the same elections). Each measurement runs in
 * a fresh process; the counting runs in a worker thread of that process.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CountOptions } from '../../core/src/counting/index.js';
import { type TaskResult, type TaskSpec } from './task.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const shared = resolve(repoRoot, '..', 'shared', 'pabulib');

const RULES: Array<[string, CountOptions]> = [
  ['greedy', { rule: 'greedy', sat: 'cost', tieBreak: 'id' }],
  ['MES', { rule: 'mes', sat: 'cost', tieBreak: 'id' }],
  ['MES+add1', { rule: 'mes', sat: 'cost', tieBreak: 'id', completion: 'add1' }],
];

function largestShared(k: number): string[] {
  if (!existsSync(shared)) return [];
  return readdirSync(shared)
    .filter((f) => f.endsWith('.pb'))
    .map((f) => {
      const m = /\nnum_votes;(\d+)/.exec(readFileSync(join(shared, f), 'utf8').slice(0, 4000));
      return { f, votes: Number(m?.[1] ?? 0) };
    })
    .sort((a, b) => b.votes - a.votes)
    .slice(0, k)
    .map(({ f }) => join(shared, f));
}

const sources: Array<[string, TaskSpec['source']]> = [
  ...largestShared(4).map((file): [string, TaskSpec['source']] => [
    basename(file, '.pb'),
    { file },
  ]),
  ['generated 100,000 × 200', { generate: { voters: 100_000, projects: 200, seed: 1 } }],
  ['generated 90,000 × 160', { generate: { voters: 90_000, projects: 160, seed: 2022 } }],
];

const only = process.argv[2];
const rows: string[][] = [];
const header = [
  'election',
  'voters',
  'projects',
  'ballot groups',
  'rule',
  'load ms',
  'count ms',
  'count cpu ms',
  'add1 runs',
  'peak RSS MB',
  'max main-thread lag ms',
  'funded',
];
let targetLines: string[] = [];
for (const [name, source] of sources) {
  if (only && !name.includes(only)) continue;
  for (const [ruleName, options] of RULES) {
    const spec: TaskSpec = { source, options };
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(here, 'task.ts'), JSON.stringify(spec)],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      }
    );
    if (r.status !== 0) {
      process.stderr.write(`${name} ${ruleName}: failed\n${r.stderr}\n`);
      process.exitCode = 1;
      continue;
    }
    const t = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as TaskResult;
    rows.push([
      name,
      t.voters.toLocaleString('en-US'),
      String(t.projects),
      t.groups.toLocaleString('en-US'),
      ruleName,
      t.loadMs.toFixed(0),
      t.countMs.toFixed(0),
      t.countCpuMs.toFixed(0),
      t.add1Runs === null ? '' : String(t.add1Runs),
      t.maxRssMb.toFixed(0),
      t.maxLagMs.toFixed(0),
      `${t.selected} (${((100 * t.totalCost) / t.budget).toFixed(1)}%)`,
    ]);
    if (name.startsWith('generated 90,000')) {
      const limit = ruleName === 'MES' ? 300 : ruleName === 'MES+add1' ? 2500 : null;
      if (limit !== null) {
        targetLines.push(
          `${ruleName} on 90,000 × 160: ${t.countMs.toFixed(0)} ms wall, ${t.countCpuMs.toFixed(0)} ms CPU (target < ${limit} ms) ${t.countMs < limit ? 'met' : t.countCpuMs < limit ? 'met in CPU time only' : 'MISSED'}; peak RSS ${t.maxRssMb.toFixed(0)} MB (target < 500 MB) ${t.maxRssMb < 500 ? 'met' : 'MISSED'}`
        );
      }
    }
    process.stderr.write('.');
  }
}
process.stderr.write('\n');
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]): string =>
  cells
    .map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
    .join('  ');
process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
for (const r of rows) process.stdout.write(`${line(r)}\n`);
if (targetLines.length) process.stdout.write(`\n${targetLines.join('\n')}\n`);
targetLines = [];
process.stdout.write(
  '\nload = read/parse or generate + group ballots; count = the rule (MES with its explanation); peak RSS of the whole process.\n'
);
process.stdout.write(
  `machine: ${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min) at the end; wall times grow with the load, CPU times less so.\n`
);
