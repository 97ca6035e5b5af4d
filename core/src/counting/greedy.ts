import { type Compiled, type Satisfaction } from './compile.js';
import { Rational } from './rational.js';
import { type ProjectComparator } from './tiebreak.js';

export type GreedyVerdict = 'funded' | 'did-not-fit' | 'neighbourhood-cap' | 'already-funded';

export interface GreedyRun {
  /** Funded projects, in the order greedy took them (an initial allocation first). */
  selected: number[];
  /** Every project considered, best first. */
  ranking: number[];
  verdict: GreedyVerdict[];
  /** Budget left (scaled units) when the project's turn came. */
  leftAtTurn: (bigint | null)[];
}

/** Total satisfaction of a project as an exact rational: cost × supporters, supporters, or points. */
export function totalSat(c: Compiled, sat: Satisfaction, p: number): Rational {
  if (sat === 'points') return c.pointsTotal[p] as Rational;
  const a = BigInt(c.approvals[p] as number);
  return sat === 'cost' ? Rational.of(a * (c.cost[p] as bigint)) : Rational.of(a);
}

/**
 * Greedy by satisfaction per unit of cost, as pabutools' `greedy_utilitarian_welfare` (additive):
 * with cost satisfaction this is "by number of supporters"; a project that no longer fits is skipped.
 * Zero-cost projects with support come first; projects nobody supports come last but are still
 * funded when they fit (pabutools does so).
 */
export function greedy(
  c: Compiled,
  sat: Satisfaction,
  cmp: ProjectComparator,
  options: { initial?: readonly number[]; caps?: boolean } = {}
): GreedyRun {
  const P = c.ids.length;
  const initial = new Set(options.initial ?? []);
  const score = (p: number): { cls: number; num: Rational; den: bigint } => {
    const t = totalSat(c, sat, p);
    const cost = c.cost[p] as bigint;
    if (t.sign() <= 0) return { cls: 0, num: Rational.ZERO, den: 1n };
    if (cost === 0n) return { cls: 2, num: Rational.ZERO, den: 1n };
    return { cls: 1, num: t, den: cost };
  };
  const scores = Array.from({ length: P }, (_, p) => score(p));
  const ranking = Array.from({ length: P }, (_, p) => p).filter((p) => !initial.has(p));
  ranking.sort((p, q) => {
    const a = scores[p] as { cls: number; num: Rational; den: bigint };
    const b = scores[q] as { cls: number; num: Rational; den: bigint };
    if (a.cls !== b.cls) return b.cls - a.cls;
    if (a.cls === 1) {
      const o = b.num.mulInt(a.den).cmp(a.num.mulInt(b.den));
      if (o !== 0) return o;
    }
    return cmp(p, q);
  });
  const verdict = new Array<GreedyVerdict>(P).fill('did-not-fit');
  const leftAtTurn = new Array<bigint | null>(P).fill(null);
  const selected = [...initial];
  let left = c.budget;
  const spent = new Map<string, bigint>();
  for (const p of initial) {
    verdict[p] = 'already-funded';
    left -= c.cost[p] as bigint;
    const h = c.neighbourhood[p];
    if (h) spent.set(h, (spent.get(h) ?? 0n) + (c.cost[p] as bigint));
  }
  for (const p of ranking) {
    const cost = c.cost[p] as bigint;
    leftAtTurn[p] = left;
    if (cost > left) continue;
    const h = c.neighbourhood[p];
    const cap = options.caps && h && c.caps ? c.caps.get(h) : undefined;
    if (cap !== undefined && h) {
      const used = spent.get(h) ?? 0n;
      if (used + cost > cap) {
        verdict[p] = 'neighbourhood-cap';
        continue;
      }
      spent.set(h, used + cost);
    }
    verdict[p] = 'funded';
    selected.push(p);
    left -= cost;
  }
  return { selected, ranking, verdict, leftAtTurn };
}
