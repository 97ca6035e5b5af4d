import { type Compiled } from './compile.js';

/**
 * `id`: project id compared as a string, first wins (pabutools' default, "10" before "9").
 * `cost-votes`: lowest cost, then most supporters, then id (equalshares.net's recommendation).
 */
export type TieBreak = 'id' | 'cost-votes';

export type ProjectComparator = (p: number, q: number) => number;

function idCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders projects by the tie-break: the first in this order wins a tie. */
export function tieComparator(c: Compiled, tie: TieBreak): ProjectComparator {
  if (tie === 'id') return (p, q) => idCompare(c.ids[p] as string, c.ids[q] as string);
  return (p, q) => {
    const cp = c.cost[p] as bigint;
    const cq = c.cost[q] as bigint;
    if (cp !== cq) return cp < cq ? -1 : 1;
    const ap = c.approvals[p] as number;
    const aq = c.approvals[q] as number;
    if (ap !== aq) return aq - ap;
    return idCompare(c.ids[p] as string, c.ids[q] as string);
  };
}

export function firstByTie(projects: readonly number[], cmp: ProjectComparator): number {
  let best = projects[0] as number;
  for (let i = 1; i < projects.length; i++) {
    const p = projects[i] as number;
    if (cmp(p, best) < 0) best = p;
  }
  return best;
}
