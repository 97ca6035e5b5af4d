#!/usr/bin/env node
/**
 * npm run --silent tally -- <file.pb> --rule greedy|mes --sat cost|cardinality|points
 *   --completion none|add1|add1-exhaustive-stop|add1u --tie-break id|cost-votes
 *   [--increment N] [--start exact|floor] [--exhaustive-scope supported|all] [--caps]
 *   [--district-column COLUMN --district-budgets NAME=AMOUNT,…] [--json]
 */
import { readFileSync } from 'node:fs';
import {
  count,
  countByDistrict,
  type CountOptions,
  electionFromPabulib,
  type Outcome,
  type UnfundedReason,
} from '../counting/index.js';
import { PabulibError, parsePabulib } from '../pabulib/index.js';

class UsageError extends Error {}

const USAGE = `usage: npm run --silent tally -- <file.pb> [options]
  --rule greedy|mes                         (default mes)
  --sat cost|cardinality|points             (default cost)
  --completion none|add1|add1-exhaustive-stop|add1u   (default none; MES only)
  --tie-break id|cost-votes                 (default cost-votes)
  --increment N          add1 step per voter, in currency units (default 1)
  --start exact|floor    add1 start: budget/voters (default) or equalshares.net's floor
  --exhaustive-scope supported|all          which projects the exhaustive stop looks at
  --caps                 greedy: respect META budget_per_neighborhood caps
  --district-column C --district-budgets A=100000,B=50000   count each district on its own
  --json                 one JSON object on stdout`;

const CHOICES: Record<string, readonly string[]> = {
  rule: ['greedy', 'mes'],
  sat: ['cost', 'cardinality', 'points'],
  completion: ['none', 'add1', 'add1-exhaustive-stop', 'add1u'],
  'tie-break': ['id', 'cost-votes'],
  start: ['exact', 'floor'],
  'exhaustive-scope': ['supported', 'all'],
};
const VALUED = new Set([
  ...Object.keys(CHOICES),
  'increment',
  'district-column',
  'district-budgets',
]);
const FLAGS = new Set(['json', 'caps', 'help']);

function parseArgs(argv: string[]): {
  file: string;
  opts: Record<string, string>;
  flags: Set<string>;
} {
  const opts: Record<string, string> = {};
  const flags = new Set<string>();
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      let name = arg.slice(2);
      let value: string | undefined;
      const eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      if (FLAGS.has(name)) {
        if (value !== undefined) throw new UsageError(`--${name} takes no value`);
        flags.add(name);
        continue;
      }
      if (!VALUED.has(name)) throw new UsageError(`unknown option --${name}`);
      if (value === undefined) {
        value = argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
      }
      const choices = CHOICES[name];
      if (choices && !choices.includes(value)) {
        throw new UsageError(
          `--${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(value)})`
        );
      }
      opts[name] = value;
    } else if (file === null) file = arg;
    else throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
  }
  if (flags.has('help')) return { file: '', opts, flags };
  if (file === null) throw new UsageError('missing the .pb file');
  return { file, opts, flags };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function fmt(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The table's plain words for each reason a project was not funded. */
const WHY_NOT_FUNDED: Record<UnfundedReason, string> = {
  'no-supporters': 'nobody supported it',
  'no-utility': 'its supporters gain nothing from it under this satisfaction',
  'supporters-money-ran-out': "supporters' money ran out",
  'did-not-fit': 'did not fit in what was left',
  'neighbourhood-cap': "over its neighbourhood's cap",
};

function table(o: Outcome, title: string): string {
  const lines: string[] = [];
  lines.push(
    `${title}: ${o.rule}${o.rule === 'mes' ? ` (${o.completion})` : ''}, ${o.sat} satisfaction, ties by ${o.tieBreak}`
  );
  const rows = o.projects.map((p) => {
    const note = p.funded
      ? p.stage === 'mes'
        ? `round ${p.round}`
        : p.stage === 'zero-cost'
          ? 'free'
          : `rank ${p.rank}${p.stage === 'greedy-completion' ? ' (completion)' : ''}`
      : p.reason === 'supporters-money-ran-out' && p.supportersMoneyLeft !== undefined
        ? `supporters' money ran out (they had ${fmt(p.supportersMoneyLeft)} left)`
        : p.reason
          ? WHY_NOT_FUNDED[p.reason]
          : '';
    return [p.id, fmt(p.cost), fmt(p.supporters), p.funded ? 'yes' : 'no', note];
  });
  const head = ['project', 'cost', 'supporters', 'funded', 'why'];
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length))
  );
  const render = (r: string[]): string =>
    r
      .map((cell, i) => pad(cell, widths[i] as number, i === 1 || i === 2))
      .join('  ')
      .trimEnd();
  lines.push(render(head), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) lines.push(render(r));
  lines.push('');
  lines.push(
    `funded: ${o.selected.length} projects, ${fmt(o.totalCost)} of ${fmt(o.budget)} (left: ${fmt(o.budgetLeft)})`
  );
  if (o.perVoterBudget !== undefined) {
    lines.push(
      `budget per voter: ${o.perVoterBudget}${o.add1Runs !== undefined ? ` (after ${o.add1Runs} MES run${o.add1Runs === 1 ? '' : 's'})` : ''}; ${o.voters} voters`
    );
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  const { file, opts, flags } = parseArgs(argv);
  if (flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
  const pb = parsePabulib(text);
  const election = electionFromPabulib(pb);
  const options: CountOptions = {
    rule: (opts['rule'] ?? 'mes') as CountOptions['rule'],
    sat: (opts['sat'] ?? 'cost') as NonNullable<CountOptions['sat']>,
    completion: (opts['completion'] ?? 'none') as NonNullable<CountOptions['completion']>,
    tieBreak: (opts['tie-break'] ?? 'cost-votes') as NonNullable<CountOptions['tieBreak']>,
    start: (opts['start'] ?? 'exact') as NonNullable<CountOptions['start']>,
    neighbourhoodCaps: flags.has('caps'),
  };
  if (opts['exhaustive-scope'])
    options.exhaustiveScope = opts['exhaustive-scope'] as 'supported' | 'all';
  if (opts['increment'] !== undefined) {
    if (!/^\d*\.?\d+$/.test(opts['increment']) || Number(opts['increment']) <= 0) {
      throw new UsageError('--increment must be a positive decimal number');
    }
    options.increment = opts['increment'];
  }
  if (options.rule === 'greedy' && options.completion !== 'none') {
    throw new UsageError('--completion applies to --rule mes only');
  }
  if (options.sat === 'points' && pb.voteType !== 'cumulative' && pb.voteType !== 'scoring') {
    // Approval ballots: one point per approval, i.e. cardinality.
  }
  const column = opts['district-column'];
  if (column !== undefined || opts['district-budgets'] !== undefined) {
    if (!column || !opts['district-budgets'])
      throw new UsageError('--district-column and --district-budgets go together');
    const budgets: Record<string, string> = {};
    for (const part of opts['district-budgets'].split(',')) {
      const [name, amount] = part.split('=');
      if (!name || !amount || !/^\d*\.?\d+$/.test(amount))
        throw new UsageError(
          `--district-budgets: expected NAME=AMOUNT, got ${JSON.stringify(part)}`
        );
      budgets[name] = amount;
    }
    if (!pb.projectColumns.includes(column))
      throw new UsageError(`the file has no project column ${JSON.stringify(column)}`);
    const districtOf = new Map(pb.projects.map((p) => [p.id, p.fields[column] ?? null]));
    const result = countByDistrict(
      election,
      { budgets, districtOf: (id) => districtOf.get(id) },
      options
    );
    if (flags.has('json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      for (const [name, o] of Object.entries(result.districts))
        process.stdout.write(`${table(o, name)}\n\n`);
      process.stdout.write(
        `all districts: ${result.selected.length} projects, ${fmt(result.totalCost)}\n`
      );
    }
    return 0;
  }
  const outcome = count(election, options);
  if (flags.has('json')) process.stdout.write(`${JSON.stringify({ file, ...outcome })}\n`);
  else process.stdout.write(`${table(outcome, file)}\n`);
  for (const w of pb.warnings) process.stderr.write(`warning: ${w}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`tally: ${e.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (e instanceof PabulibError) {
    process.stderr.write(`tally: ${e.message}\n`);
    process.exitCode = 1;
  } else if (e instanceof RangeError) {
    process.stderr.write(`tally: ${e.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`tally: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  }
}
