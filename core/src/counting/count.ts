import { compile, type Compiled, type Satisfaction, type UtilView, utilView } from './compile.js';
import { type Amount, type Election, toRational } from './election.js';
import { greedy, type GreedyRun } from './greedy.js';
import { type MesRun, mesStats, runMes } from './mes.js';
import { Rational } from './rational.js';
import { type TieBreak, tieComparator } from './tiebreak.js';

export type Rule = 'greedy' | 'mes';
/**
 * `add1`: raise every voter's budget by `increment` until the outcome would cost more than the
 * budget; return the last outcome that fits. `add1-exhaustive-stop`: also stop at the first
 * exhaustive outcome (pabutools' `voter_budget_increment`). `add1u`: add1-exhaustive-stop, then
 * greedy over what is left.
 */
export type Completion = 'none' | 'add1' | 'add1-exhaustive-stop' | 'add1u';

export interface CountOptions {
  rule: Rule;
  /** `cost` (default), `cardinality`, or `points` (points as utilities; additive cardinal). */
  sat?: Satisfaction;
  completion?: Completion;
  /** Default `cost-votes` (lowest cost, then most supporters); `id` reproduces pabutools. */
  tieBreak?: TieBreak;
  /** add1 step per voter, in currency units (default 1). */
  increment?: Amount;
  /**
   * `exact` (default): voters start from budget ÷ voters, then +increment, +2×increment, … (pabutools).
   * `floor`: as the equalshares.net tools: the first run uses budget ÷ voters, the next ones
   * floor(budget ÷ voters) + increment, + 2×increment, …
   */
  start?: 'exact' | 'floor';
  /**
   * Which unfunded projects make an outcome non-exhaustive for the add1 stop: `supported` (default,
   * pabutools' MES) or `all` (pabutools' `exhaustion_by_budget_increase`, equalshares.net).
   */
  exhaustiveScope?: 'supported' | 'all';
  /** Greedy only: respect the election's per-neighbourhood caps (default false, as pabutools). */
  neighbourhoodCaps?: boolean;
  /** Safety limit on add1 reruns (default 10,000,000). */
  maxSteps?: number;
}

/**
 * Why a project was not funded. `no-utility`: it has supporters but gives them no satisfaction under
 * the chosen measure (a free project under cost satisfaction), so MES does not consider it.
 */
export type UnfundedReason =
  'no-supporters' | 'no-utility' | 'supporters-money-ran-out' | 'did-not-fit' | 'neighbourhood-cap';

export interface Payment {
  /** What one voter paid, in currency units. */
  amount: number;
  /** How many voters paid that amount. */
  voters: number;
}

export interface ProjectExplanation {
  id: string;
  cost: number;
  /** Voters whose ballot contains the project. */
  supporters: number;
  /** Summed points (points ballots; equals supporters on approval ballots). */
  points: number;
  funded: boolean;
  /** How it was funded: by MES, at zero cost, by greedy (rule or completion). */
  stage?: 'mes' | 'zero-cost' | 'greedy' | 'greedy-completion';
  /** Greedy: 1-based position in greedy's order. */
  rank?: number;
  /** MES: 1-based round in which it was bought. */
  round?: number;
  /** MES: price per unit of satisfaction (for cost satisfaction, the share of its cost each supporter paid). */
  rho?: number;
  /** MES: what supporters paid, grouped by amount (largest first); voters who paid 0 are listed too. */
  payments?: Payment[];
  reason?: UnfundedReason;
  /** MES, unfunded: the money its supporters had left at the end (currency units). */
  supportersMoneyLeft?: number;
  /** Greedy: budget left when its turn came (currency units). */
  leftAtTurn?: number;
}

export interface Outcome {
  rule: Rule;
  sat: Satisfaction;
  completion: Completion;
  tieBreak: TieBreak;
  /** Funded project ids, in the order of the election's project list (the file's PROJECTS order). */
  selected: string[];
  /** Funded project ids in the order the rule took them. */
  selectionOrder: string[];
  totalCost: number;
  /** Exact total cost as decimal text. */
  totalCostExact: string;
  budget: number;
  budgetLeft: number;
  voters: number;
  /** MES: per-voter budget of the returned outcome (currency units) as decimal text: exact when the
   * decimal expansion is finite, else rounded to 6 decimals (budget ÷ voters often is not). */
  perVoterBudget?: string;
  perVoterBudgetValue?: number;
  /** add1 family: how many MES runs the linear procedure needed. */
  add1Runs?: number;
  /** MES runs that had to be redone in exact arithmetic (diagnostic). */
  exactRuns?: number;
  /** Every project, in the election's order, with why it was or was not funded. */
  projects: ProjectExplanation[];
}

const money = (c: Compiled, x: bigint | number): number =>
  typeof x === 'number' ? x / Number(c.scale) : Rational.of(x, c.scale).toNumber();

function sumCost(c: Compiled, ps: readonly number[]): bigint {
  let s = 0n;
  for (const p of ps) s += c.cost[p] as bigint;
  return s;
}

function isExhaustive(
  c: Compiled,
  v: UtilView,
  selected: readonly number[],
  scope: 'supported' | 'all'
): boolean {
  const inSel = new Uint8Array(c.ids.length);
  for (const p of selected) inSel[p] = 1;
  const left = c.budget - sumCost(c, selected);
  for (let p = 0; p < c.ids.length; p++) {
    if (inSel[p]) continue;
    if (scope === 'supported' && !((v.w0[p] as number) > 0)) continue;
    if ((c.cost[p] as bigint) <= left) return false;
  }
  return true;
}

interface MesOutcome {
  run: MesRun;
  perVoter: Rational;
  runs: number;
}

/** MES with one of the completions: the exact linear procedure, one MES run per step. */
function mesCompleted(c: Compiled, v: UtilView, options: CountOptions): MesOutcome {
  const cmp = tieComparator(c, options.tieBreak ?? 'cost-votes');
  const completion = options.completion ?? 'none';
  const b0 = Rational.of(c.budget, BigInt(Math.max(c.n, 1)));
  if (completion === 'none') return { run: runMes(c, v, b0, cmp, true), perVoter: b0, runs: 1 };
  const inc = toRational(options.increment ?? 1, 'increment').mulInt(c.scale);
  if (inc.sign() <= 0) throw new RangeError('The add1 increment must be positive.');
  const stop = completion === 'add1' ? null : (options.exhaustiveScope ?? 'supported');
  const supported: number[] = [];
  for (let p = 0; p < c.ids.length; p++) if ((v.w0[p] as number) > 0) supported.push(p);
  const supportedCost = sumCost(c, supported);
  const maxSteps = options.maxSteps ?? 10_000_000;
  const floorStart = options.start === 'floor';
  const floorB = Rational.of((b0.floor() / c.scale) * c.scale);
  const budgetAt = (k: number): Rational =>
    k === 0 ? b0 : (floorStart ? floorB : b0).add(inc.mulInt(BigInt(k)));

  if (stop === null && supportedCost <= c.budget) {
    // Every outcome fits, so the procedure runs until every supported project is funded.
    const rich = Rational.of(supportedCost + 1n);
    return { run: runMes(c, v, rich, cmp), perVoter: rich, runs: 1 };
  }
  let prev: MesOutcome | null = null;
  for (let k = 0; k <= maxSteps; k++) {
    const b = budgetAt(k);
    const run = runMes(c, v, b, cmp);
    const cost = sumCost(c, run.selected);
    if (cost > c.budget) {
      if (prev) return { ...prev, runs: k + 1 };
      // Only possible with a floor start above B/n; pabutools returns the initial allocation.
      return { run: { ...run, selected: [], selections: [] }, perVoter: b, runs: k + 1 };
    }
    if (stop && isExhaustive(c, v, run.selected, stop)) return { run, perVoter: b, runs: k + 1 };
    if (run.selected.length === supported.length) return { run, perVoter: b, runs: k + 1 };
    prev = { run, perVoter: b, runs: k + 1 };
  }
  throw new RangeError(`add1 did not finish within ${maxSteps} steps; use a larger increment.`);
}

function aggregatePayments(c: Compiled, v: UtilView, p: number, pay: Float64Array): Payment[] {
  const s = v.supp[p] as Int32Array;
  const byAmount = new Map<number, number>();
  const unit = Number(c.scale);
  for (let k = 0; k < s.length; k++) {
    const amount = Math.round(((pay[k] as number) / unit) * 100) / 100;
    byAmount.set(amount, (byAmount.get(amount) ?? 0) + (c.weight[s[k] as number] as number));
  }
  return [...byAmount.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([amount, voters]) => ({ amount, voters }));
}

function baseProjects(c: Compiled): ProjectExplanation[] {
  return c.ids.map((id, p) => ({
    id,
    cost: money(c, c.cost[p] as bigint),
    supporters: c.approvals[p] as number,
    points: (c.pointsTotal[p] as Rational).toNumber(),
    funded: false,
  }));
}

function explainGreedy(
  c: Compiled,
  run: GreedyRun,
  projects: ProjectExplanation[],
  stage: 'greedy' | 'greedy-completion'
): void {
  run.ranking.forEach((p, i) => {
    const e = projects[p] as ProjectExplanation;
    const left = run.leftAtTurn[p];
    if (stage === 'greedy') e.rank = i + 1;
    if (left !== null && left !== undefined) e.leftAtTurn = money(c, left);
    if (run.verdict[p] === 'funded') {
      e.funded = true;
      e.stage = stage;
      e.rank = i + 1;
      delete e.reason;
    } else if (run.verdict[p] === 'neighbourhood-cap') e.reason = 'neighbourhood-cap';
    else if (stage === 'greedy') e.reason = 'did-not-fit';
    else if (e.reason === 'supporters-money-ran-out' || e.reason === undefined)
      e.reason = 'did-not-fit';
  });
}

/** Counts an election compiled once (reuse it to count several rules on one election). */
export function countCompiled(c: Compiled, options: CountOptions): Outcome {
  const sat = options.sat ?? 'cost';
  const tieBreak = options.tieBreak ?? 'cost-votes';
  const completion = options.rule === 'greedy' ? 'none' : (options.completion ?? 'none');
  const cmp = tieComparator(c, tieBreak);
  const projects = baseProjects(c);
  let order: number[];
  const extra: Partial<Outcome> = {};
  if (options.rule === 'greedy') {
    const run = greedy(c, sat, cmp, { caps: options.neighbourhoodCaps ?? false });
    explainGreedy(c, run, projects, 'greedy');
    order = run.selected;
  } else {
    const v = utilView(c, sat);
    const before = mesRunsExact();
    const mes = mesCompleted(c, v, { ...options, tieBreak, completion });
    // Rerun the returned per-voter budget with explanations on.
    const run = c.n === 0 || mes.run.budgets ? mes.run : runMes(c, v, mes.perVoter, cmp, true);
    extra.perVoterBudget = mes.perVoter.div(Rational.of(c.scale)).toDecimal(6);
    extra.perVoterBudgetValue = mes.perVoter.div(Rational.of(c.scale)).toNumber();
    if (completion !== 'none') extra.add1Runs = mes.runs;
    extra.exactRuns = mesRunsExact() - before;
    order = c.n === 0 ? [] : [...run.selected];
    const zero = new Set(run.selected.slice(0, run.selected.length - run.selections.length));
    for (const p of zero)
      Object.assign(projects[p] as ProjectExplanation, {
        funded: true,
        stage: 'zero-cost',
        payments: [],
      });
    run.selections.forEach((s, i) => {
      const e = projects[s.project] as ProjectExplanation;
      e.funded = true;
      e.stage = 'mes';
      e.round = i + 1;
      e.rho = s.rho;
      if (s.payments) e.payments = aggregatePayments(c, v, s.project, s.payments);
    });
    for (let p = 0; p < c.ids.length; p++) {
      const e = projects[p] as ProjectExplanation;
      if (e.funded) continue;
      if (!((v.w0[p] as number) > 0)) {
        e.reason = (c.approvals[p] as number) > 0 ? 'no-utility' : 'no-supporters';
        continue;
      }
      e.reason = 'supporters-money-ran-out';
      if (run.budgets) {
        let left = 0;
        const s = v.supp[p] as Int32Array;
        for (let k = 0; k < s.length; k++)
          left += (c.weight[s[k] as number] as number) * (run.budgets[s[k] as number] as number);
        e.supportersMoneyLeft = Math.round(money(c, left) * 100) / 100;
      }
    }
    if (completion === 'add1u' && !isExhaustive(c, v, order, 'all')) {
      const g = greedy(c, sat, cmp, { initial: order });
      explainGreedy(c, g, projects, 'greedy-completion');
      order = g.selected;
    }
  }
  const total = sumCost(c, order);
  const inOrder = new Set(order);
  const totalR = Rational.of(total, c.scale);
  return {
    rule: options.rule,
    sat,
    completion,
    tieBreak,
    selected: c.ids.filter((_, p) => inOrder.has(p)),
    selectionOrder: order.map((p) => c.ids[p] as string),
    totalCost: totalR.toNumber(),
    totalCostExact: totalR.toDecimal(),
    budget: money(c, c.budget),
    budgetLeft: Rational.of(c.budget - total, c.scale).toNumber(),
    voters: c.n,
    ...extra,
    projects,
  };
}

function mesRunsExact(): number {
  return mesStats.exactRuns;
}

/** Counts an election with one rule. See {@link CountOptions}. */
export function count(election: Election, options: CountOptions): Outcome {
  return countCompiled(compile(election), options);
}

export interface DistrictSpec {
  /** District name → its budget. */
  budgets: Readonly<Record<string, Amount>>;
  /** Which district each project belongs to (project id → district name). */
  districtOf: (projectId: string) => string | null | undefined;
}

export interface DistrictOutcome {
  districts: Record<string, Outcome>;
  selected: string[];
  totalCost: number;
}

/**
 * Counts each district separately with its own budget. A district's voters are the ballots that
 * name at least one of its projects, restricted to those projects.
 */
export function countByDistrict(
  election: Election,
  spec: DistrictSpec,
  options: CountOptions
): DistrictOutcome {
  const districts: Record<string, Outcome> = {};
  const selected = new Set<string>();
  let total = Rational.ZERO;
  for (const [name, budget] of Object.entries(spec.budgets)) {
    const projects = election.projects.filter((p) => spec.districtOf(p.id) === name);
    const ids = new Set(projects.map((p) => p.id));
    const ballots = election.ballots
      .map((b) => {
        const keep = b.projects.map((id, i) => [id, i] as const).filter(([id]) => ids.has(id));
        return {
          projects: keep.map(([id]) => id),
          points: b.points ? keep.map(([, i]) => b.points?.[i] ?? 0) : null,
        };
      })
      .filter((b) => b.projects.length > 0);
    const outcome = count(
      { budget, projects, ballots, neighbourhoodCaps: election.neighbourhoodCaps ?? null },
      options
    );
    districts[name] = outcome;
    for (const id of outcome.selected) selected.add(id);
    total = total.add(toRational(outcome.totalCostExact));
  }
  return {
    districts,
    selected: election.projects.map((p) => p.id).filter((id) => selected.has(id)),
    totalCost: total.toNumber(),
  };
}
