import { type Election, toRational } from './election.js';
import { Rational } from './rational.js';

/** Satisfaction (utility) measures. `points` = additive cardinal: points as utilities. */
export type Satisfaction = 'cost' | 'cardinality' | 'points';

/**
 * An election prepared for counting: money scaled to integers, identical ballots grouped.
 * Internal; built once and shared by every run of a rule (add1 reruns MES hundreds of times).
 */
export interface Compiled {
  ids: string[];
  index: Map<string, number>;
  /** Money is counted in units of 1/scale currency units, so every cost and the budget are integers. */
  scale: bigint;
  cost: bigint[];
  costF: Float64Array;
  budget: bigint;
  neighbourhood: (string | null)[];
  caps: Map<string, bigint> | null;
  /** Number of ballots (blank ones included): MES gives each of them budget / n. */
  n: number;
  /** Distinct ballots and how many voters cast each. */
  groups: number;
  weight: Float64Array;
  groupProjects: Int32Array[];
  groupPoints: Float64Array[] | null;
  /** Weighted number of ballots that contain each project. */
  approvals: number[];
  /** Summed points per project (1 per approval on approval ballots). */
  pointsTotal: Rational[];
  views: Partial<Record<Satisfaction, UtilView>>;
}

/** Supporters and utilities of each project under one satisfaction measure. */
export interface UtilView {
  sat: Satisfaction;
  supp: Int32Array[];
  /** Per-supporter utility, or null when every supporter has the same utility `uniform[p]`. */
  util: (Float64Array | null)[];
  uniform: Float64Array;
  /** Σ weight × utility over supporters (exact when an integer below 2^53). */
  w0: Float64Array;
  /** True when every utility is an integer, so Σ weight × utility is exact in float64. */
  integral: boolean;
  /** Projects with identical cost, supporters and utilities share a twin id. */
  twin: Int32Array;
}

export function compile(election: Election): Compiled {
  const budgetR = toRational(election.budget, 'budget');
  const costsR = election.projects.map((p) => toRational(p.cost, `cost of project ${p.id}`));
  const capsR = election.neighbourhoodCaps
    ? Object.entries(election.neighbourhoodCaps).map(
        ([k, v]) => [k, toRational(v, `cap of ${k}`)] as const
      )
    : null;
  let scale = 1n;
  for (const r of [budgetR, ...costsR, ...(capsR ?? []).map(([, v]) => v)]) {
    scale = (scale * r.den) / gcdBig(scale, r.den);
  }
  const toUnits = (r: Rational): bigint => {
    const v = r.mulInt(scale);
    if (!v.isInteger()) throw new Error('internal: scaling failed');
    return v.num;
  };
  const ids = election.projects.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new RangeError(`Duplicate project id ${id}`);
    index.set(id, i);
  });
  const cost = costsR.map((c) => {
    if (c.sign() < 0) throw new RangeError('A cost cannot be negative.');
    return toUnits(c);
  });
  const P = ids.length;
  const groupsByKey = new Map<string, number>();
  const weights: number[] = [];
  const groupProjects: Int32Array[] = [];
  const groupPointsList: Float64Array[] = [];
  let anyPoints = false;
  for (const b of election.ballots) if (b.points) anyPoints = true;
  for (const b of election.ballots) {
    const idx: number[] = [];
    for (const id of b.projects) {
      const i = index.get(id);
      if (i === undefined) throw new RangeError(`A ballot names unknown project ${id}`);
      idx.push(i);
    }
    let order = idx.map((_, k) => k);
    order.sort((a, c) => (idx[a] as number) - (idx[c] as number));
    const sortedIdx = order.map((k) => idx[k] as number);
    for (let k = 1; k < sortedIdx.length; k++) {
      if (sortedIdx[k] === sortedIdx[k - 1])
        throw new RangeError('A ballot names a project twice.');
    }
    let key = sortedIdx.join(',');
    let pts: number[] | null = null;
    if (anyPoints) {
      pts = order.map((k) => (b.points ? (b.points[k] ?? 0) : 1));
      key += `|${pts.join(',')}`;
    }
    order = [];
    let g = groupsByKey.get(key);
    if (g === undefined) {
      g = weights.length;
      groupsByKey.set(key, g);
      weights.push(0);
      groupProjects.push(Int32Array.from(sortedIdx));
      if (anyPoints) groupPointsList.push(Float64Array.from(pts ?? []));
    }
    weights[g] = (weights[g] as number) + 1;
  }
  const G = weights.length;
  reorderForLocality(P, weights, groupProjects, anyPoints ? groupPointsList : null);
  const weight = Float64Array.from(weights);
  const approvals = new Array<number>(P).fill(0);
  const pointsNum = new Array<Rational>(P).fill(Rational.ZERO);
  for (let g = 0; g < G; g++) {
    const ps = groupProjects[g] as Int32Array;
    const w = weight[g] as number;
    for (let k = 0; k < ps.length; k++) {
      const p = ps[k] as number;
      approvals[p] = (approvals[p] as number) + w;
      const pt = anyPoints ? ((groupPointsList[g] as Float64Array)[k] as number) : 1;
      pointsNum[p] = (pointsNum[p] as Rational).add(Rational.fromNumber(pt).mulInt(BigInt(w)));
    }
  }
  let caps: Map<string, bigint> | null = null;
  if (capsR) caps = new Map(capsR.map(([k, v]) => [k, toUnits(v)]));
  return {
    ids,
    index,
    scale,
    cost,
    costF: Float64Array.from(cost.map(Number)),
    budget: toUnits(budgetR),
    neighbourhood: election.projects.map((p) => p.neighbourhood ?? null),
    caps,
    n: election.ballots.length,
    groups: G,
    weight,
    groupProjects,
    groupPoints: anyPoints ? groupPointsList : null,
    approvals,
    pointsTotal: pointsNum,
    views: {},
  };
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Supporters and utilities of every project under `sat` (cached on the compiled election). */
export function utilView(c: Compiled, sat: Satisfaction): UtilView {
  const cached = c.views[sat];
  if (cached) return cached;
  const P = c.ids.length;
  const suppL: number[][] = Array.from({ length: P }, () => []);
  const utilL: number[][] = Array.from({ length: P }, () => []);
  for (let g = 0; g < c.groups; g++) {
    const ps = c.groupProjects[g] as Int32Array;
    const pts = c.groupPoints ? (c.groupPoints[g] as Float64Array) : null;
    for (let k = 0; k < ps.length; k++) {
      const p = ps[k] as number;
      if (sat === 'points') {
        const u = pts ? (pts[k] as number) : 1;
        if (u > 0) {
          (suppL[p] as number[]).push(g);
          (utilL[p] as number[]).push(u);
        }
      } else {
        (suppL[p] as number[]).push(g);
      }
    }
  }
  const supp = suppL.map((l) => Int32Array.from(l));
  const uniform = new Float64Array(P);
  const util: (Float64Array | null)[] = [];
  const w0 = new Float64Array(P);
  let integral = true;
  for (let p = 0; p < P; p++) {
    const s = supp[p] as Int32Array;
    if (sat === 'points') {
      const us = utilL[p] as number[];
      const allSame = us.every((u) => u === us[0]);
      if (allSame) {
        uniform[p] = us[0] ?? 1;
        util.push(null);
      } else util.push(Float64Array.from(us));
      let w = 0;
      for (let k = 0; k < s.length; k++) {
        const u = us[k] as number;
        if (!Number.isInteger(u)) integral = false;
        w += (c.weight[s[k] as number] as number) * u;
      }
      w0[p] = w;
    } else {
      uniform[p] = sat === 'cost' ? (c.costF[p] as number) : 1;
      util.push(null);
      let m = 0;
      for (let k = 0; k < s.length; k++) m += c.weight[s[k] as number] as number;
      w0[p] = m * (uniform[p] as number);
    }
    if (!(w0[p]! < 2 ** 53)) integral = false;
  }
  const twin = new Int32Array(P);
  const buckets = new Map<string, number[]>();
  for (let p = 0; p < P; p++) {
    const s = supp[p] as Int32Array;
    let h = 0;
    for (let k = 0; k < s.length; k++) h = (Math.imul(h, 31) + (s[k] as number)) | 0;
    const key = `${c.cost[p]}|${uniform[p]}|${s.length}|${h}`;
    let t = p;
    const bucket = buckets.get(key);
    if (bucket) {
      const same = bucket.find(
        (q) => sameArray(supp[q] as Int32Array, s) && sameArray(util[q] ?? null, util[p] ?? null)
      );
      if (same !== undefined) t = same;
      else bucket.push(p);
    } else buckets.set(key, [p]);
    twin[p] = t;
  }
  const view: UtilView = { sat, supp, util, uniform, w0, integral, twin };
  c.views[sat] = view;
  return view;
}

function sameArray(a: ArrayLike<number> | null, b: ArrayLike<number> | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Orders the groups so that the supporters of each project sit close together in memory: by the
 * ballot's projects, most popular first. MES then scans supporter lists almost sequentially.
 */
function reorderForLocality(
  P: number,
  weights: number[],
  groupProjects: Int32Array[],
  groupPoints: Float64Array[] | null
): void {
  const G = weights.length;
  const popularity = new Float64Array(P);
  for (let g = 0; g < G; g++) {
    for (const p of groupProjects[g] as Int32Array)
      popularity[p] = (popularity[p] as number) + (weights[g] as number);
  }
  const byPopularity = Array.from({ length: P }, (_, p) => p).sort(
    (a, b) => (popularity[b] as number) - (popularity[a] as number) || a - b
  );
  const rank = new Int32Array(P);
  byPopularity.forEach((p, i) => {
    rank[p] = i;
  });
  const keys = groupProjects.map((ps) => Int32Array.from(ps, (p) => rank[p] as number).sort());
  const order = Array.from({ length: G }, (_, g) => g).sort((a, b) => {
    const ka = keys[a] as Int32Array;
    const kb = keys[b] as Int32Array;
    const n = Math.min(ka.length, kb.length);
    for (let i = 0; i < n; i++) {
      const d = (ka[i] as number) - (kb[i] as number);
      if (d !== 0) return d;
    }
    return ka.length - kb.length;
  });
  const w = order.map((g) => weights[g] as number);
  const gp = order.map((g) => groupProjects[g] as Int32Array);
  const pts = groupPoints ? order.map((g) => groupPoints[g] as Float64Array) : null;
  for (let g = 0; g < G; g++) {
    weights[g] = w[g] as number;
    groupProjects[g] = gp[g] as Int32Array;
    if (groupPoints && pts) groupPoints[g] = pts[g] as Float64Array;
  }
}
