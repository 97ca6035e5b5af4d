import { type Compiled, type UtilView } from './compile.js';
import { Rational } from './rational.js';
import { firstByTie, type ProjectComparator } from './tiebreak.js';

/** One project bought by MES. */
export interface MesSelection {
  project: number;
  /** Price per unit of utility (pabutools' "affordability"); a supporter paid min(budget, rho × utility). */
  rho: number;
  /** Exact rho when known. */
  rhoExact: Rational | null;
  /** With `explain`: what one voter of each supporting group paid, aligned with the view's supporters. */
  payments: Float64Array | null;
}

/** One run of MES at a fixed per-voter budget. Money in scaled units (see `Compiled.scale`). */
export interface MesRun {
  /** Zero-cost projects with supporters (always funded, first), then MES' picks in order. */
  selected: number[];
  selections: MesSelection[];
  /** Per project: the round in which its supporters' money was found to fall short (-1 if never). */
  droppedAtRound: Int32Array;
  /** With `explain`: the money each group's voters had left at the end. */
  budgets: Float64Array | null;
  /** True when the float path could not certify a decision and the run was redone exactly. */
  exact: boolean;
}

const EPS = 2 ** -52;

class NeedExact extends Error {
  constructor(reason: string) {
    super(reason);
  }
}

export const mesStats = { floatRuns: 0, exactRuns: 0, lastFallbackReason: '' };

/**
 * Runs MES with `perVoter` money for every voter. Float64 with certified error bounds; any decision
 * that the bounds cannot settle reruns the whole run in exact rational arithmetic.
 */
export function runMes(
  c: Compiled,
  v: UtilView,
  perVoter: Rational,
  cmp: ProjectComparator,
  explain = false
): MesRun {
  try {
    const r = mesFloat(c, v, perVoter, cmp, explain);
    mesStats.floatRuns++;
    return r;
  } catch (e) {
    if (!(e instanceof NeedExact)) throw e;
    mesStats.exactRuns++;
    mesStats.lastFallbackReason = e.message;
    return mesExact(c, v, perVoter, cmp, explain);
  }
}

function initialProjects(c: Compiled, v: UtilView): { remaining: number[]; zeroCost: number[] } {
  const remaining: number[] = [];
  const zeroCost: number[] = [];
  for (let p = 0; p < c.ids.length; p++) {
    if (!((v.w0[p] as number) > 0)) continue;
    if (c.cost[p] === 0n) zeroCost.push(p);
    else remaining.push(p);
  }
  return { remaining, zeroCost };
}

function mesFloat(
  c: Compiled,
  v: UtilView,
  b0: Rational,
  cmp: ProjectComparator,
  explain: boolean
): MesRun {
  const G = c.groups;
  const P = c.ids.length;
  const wt = c.weight;
  const costF = c.costF;
  const b0f = b0.toNumber();
  const bud = new Float64Array(G).fill(b0f);
  /** 0: untouched (exactly b0), 1: exactly zero, 2: inexact. */
  const st = new Uint8Array(G);
  /** Per-group bound on |true budget - float budget|. */
  const err = new Float64Array(G).fill(EPS * b0f);
  const { remaining, zeroCost } = initialProjects(c, v);
  const lb = new Float64Array(P);
  for (const p of remaining) lb[p] = ((costF[p] as number) / (v.w0[p] as number)) * (1 - 8 * EPS);
  const dropped = new Int32Array(P).fill(-1);
  const selections: MesSelection[] = [];
  const rhoF = new Float64Array(P);
  const rhoErr = new Float64Array(P);
  const rhoX: (Rational | null)[] = new Array<Rational | null>(P).fill(null);
  const costX: Rational[] = c.cost.map((x) => Rational.of(x));
  let round = 0;

  /** Computes rho for p; returns false when its supporters cannot afford it. */
  const evaluate = (p: number): boolean => {
    const s = v.supp[p] as Int32Array;
    const ua = v.util[p] ?? null;
    const uu = v.uniform[p] as number;
    const cost = costF[p] as number;
    const len = s.length;
    let A = 0;
    let mPristine = 0;
    let inexact = false;
    let E = 0;
    for (let k = 0; k < len; k++) {
      const g = s[k] as number;
      const m = wt[g] as number;
      A += m * (bud[g] as number);
      E += m * (err[g] as number);
      const t = st[g];
      if (t === 0) mPristine += m;
      else if (t === 2) inexact = true;
    }
    if (!inexact) {
      if (b0.mulInt(BigInt(mPristine)).lt(costX[p] as Rational)) return false;
    } else {
      const errA = E + (len + 4) * EPS * A;
      if (A < cost - errA) return false;
      if (A <= cost + errA) throw new NeedExact(`affordability of ${c.ids[p]}`);
    }
    // Fixed point: rho = (cost - money of the poor) / (utility of the rich), the poor being those with b < rho u.
    let rho = cost / (v.w0[p] as number);
    let prevPoor = -1;
    let poorSum = 0;
    let richW = 0;
    let poorErr = 0;
    for (let iter = 0; ; iter++) {
      if (iter > 200) throw new NeedExact('slow convergence');
      poorSum = 0;
      richW = 0;
      poorErr = 0;
      let poor = 0;
      for (let k = 0; k < len; k++) {
        const g = s[k] as number;
        const b = bud[g] as number;
        const u = ua ? (ua[k] as number) : uu;
        if (b < rho * u) {
          poorSum += (wt[g] as number) * b;
          poorErr += (wt[g] as number) * (err[g] as number);
          poor++;
        } else richW += (wt[g] as number) * u;
      }
      if (!(richW > 0)) throw new NeedExact('no rich supporter');
      const next = (cost - poorSum) / richW;
      if (poor === prevPoor) {
        rho = next;
        break;
      }
      prevPoor = poor;
      rho = next;
    }
    // Certified error of rho (Lipschitz in the budgets; slope at least the certainly-rich utility).
    const rounding = (len + 8) * EPS * (cost + A);
    const e1 = (poorErr + rounding) / richW + 8 * EPS * rho;
    let uncertainErr = 0;
    let richCert = 0;
    let exactOk = v.integral;
    let pristinePoor = 0;
    let richWfloat = 0;
    let maxURichPristine = -1;
    let minUPoorPristine = Infinity;
    for (let k = 0; k < len; k++) {
      const g = s[k] as number;
      const b = bud[g] as number;
      const u = ua ? (ua[k] as number) : uu;
      const m = wt[g] as number;
      const d = b - rho * u;
      const tol = (err[g] as number) + 2 * e1 * u + 4 * EPS * b0f;
      const isRich = !(b < rho * u);
      if (isRich) richWfloat += m * u;
      if (d > tol) {
        richCert += m * u;
        continue;
      }
      uncertainErr += m * (err[g] as number);
      const t = st[g];
      if (t === 1) continue;
      if (t === 0) {
        if (isRich) maxURichPristine = Math.max(maxURichPristine, u);
        else {
          pristinePoor += m;
          minUPoorPristine = Math.min(minUPoorPristine, u);
        }
        continue;
      }
      exactOk = false;
    }
    let e = richCert > 0 ? (uncertainErr + rounding) / richCert + 8 * EPS * rho : Infinity;
    let x: Rational | null = null;
    if (exactOk && richWfloat > 0 && richWfloat < 2 ** 53) {
      const cand = (costX[p] as Rational)
        .sub(b0.mulInt(BigInt(pristinePoor)))
        .div(Rational.of(BigInt(richWfloat)));
      let ok = cand.sign() > 0;
      if (ok && maxURichPristine >= 0 && b0.lt(cand.mul(Rational.fromNumber(maxURichPristine))))
        ok = false;
      if (
        ok &&
        minUPoorPristine < Infinity &&
        cand.mul(Rational.fromNumber(minUPoorPristine)).lt(b0)
      )
        ok = false;
      if (ok) {
        x = cand;
        rho = cand.toNumber();
        e = 8 * EPS * rho;
      }
    }
    if (x === null && e > 2 * e1) {
      throw new NeedExact(`error bound of ${c.ids[p]}`);
    }
    rhoF[p] = rho;
    rhoErr[p] = e;
    rhoX[p] = x;
    lb[p] = rho - e;
    return true;
  };

  const charge = (p: number): Float64Array | null => {
    const s = v.supp[p] as Int32Array;
    const ua = v.util[p] ?? null;
    const uu = v.uniform[p] as number;
    const rho = rhoF[p] as number;
    const e = rhoErr[p] as number;
    const x = rhoX[p] ?? null;
    const pay = explain ? new Float64Array(s.length) : null;
    for (let k = 0; k < s.length; k++) {
      const g = s[k] as number;
      if (st[g] === 1) continue;
      const u = ua ? (ua[k] as number) : uu;
      const before = bud[g] as number;
      const d = before - rho * u;
      const eg = err[g] as number;
      const tol = eg + e * u + 4 * EPS * b0f;
      const grown = eg + e * u + 4 * EPS * before;
      if (d > tol) {
        bud[g] = d;
        st[g] = 2;
        err[g] = grown;
      } else if (d < -tol) {
        bud[g] = 0;
        st[g] = 1;
        err[g] = 0;
      } else if (st[g] === 0 && x !== null && b0.le(x.mul(Rational.fromNumber(u)))) {
        bud[g] = 0;
        st[g] = 1;
        err[g] = 0;
      } else {
        bud[g] = d > 0 ? d : 0;
        st[g] = 2;
        err[g] = grown;
      }
      if (pay) pay[k] = before - (bud[g] as number);
    }
    return pay;
  };

  while (remaining.length > 0) {
    remaining.sort((a, b) => (lb[a] as number) - (lb[b] as number));
    let best = -1;
    let bestR = Infinity;
    let bestE = 0;
    let tied: number[] = [];
    let write = 0;
    let k = 0;
    for (; k < remaining.length; k++) {
      const p = remaining[k] as number;
      if (best >= 0 && (lb[p] as number) > bestR + bestE) break;
      if (!evaluate(p)) {
        dropped[p] = round;
        continue;
      }
      remaining[write++] = p;
      const r = rhoF[p] as number;
      const e = rhoErr[p] as number;
      if (best < 0) {
        best = p;
        bestR = r;
        bestE = e;
        tied = [p];
        continue;
      }
      let order: number;
      if (v.twin[p] === v.twin[best]) order = 0;
      else {
        const xp = rhoX[p];
        const xb = rhoX[best];
        if (xp && xb) order = xp.cmp(xb);
        else {
          const d = r - bestR;
          const margin = e + bestE;
          if (d > margin) order = 1;
          else if (d < -margin) order = -1;
          else throw new NeedExact(`near tie ${c.ids[p]} / ${c.ids[best]}`);
        }
      }
      if (order < 0) {
        best = p;
        bestR = r;
        bestE = e;
        tied = [p];
      } else if (order === 0) tied.push(p);
    }
    for (; k < remaining.length; k++) remaining[write++] = remaining[k] as number;
    remaining.length = write;
    if (best < 0) break;
    const pick = tied.length > 1 ? firstByTie(tied, cmp) : best;
    const payments = charge(pick);
    selections.push({
      project: pick,
      rho: rhoF[pick] as number,
      rhoExact: rhoX[pick] ?? null,
      payments,
    });
    remaining.splice(remaining.indexOf(pick), 1);
    round++;
  }
  return {
    selected: [...zeroCost, ...selections.map((s) => s.project)],
    selections,
    droppedAtRound: dropped,
    budgets: explain ? bud : null,
    exact: false,
  };
}

/** MES in exact rational arithmetic, following pabutools' `mes_inner_algo` step by step. */
export function mesExact(
  c: Compiled,
  v: UtilView,
  b0: Rational,
  cmp: ProjectComparator,
  explain = false
): MesRun {
  const G = c.groups;
  const P = c.ids.length;
  const bud: Rational[] = new Array<Rational>(G).fill(b0);
  const wt = Array.from(c.weight, (w) => BigInt(w));
  const utilOf = (p: number, k: number): Rational => {
    const ua = v.util[p];
    if (ua) return Rational.fromNumber(ua[k] as number);
    return v.sat === 'cost'
      ? Rational.of(c.cost[p] as bigint)
      : Rational.fromNumber(v.uniform[p] as number);
  };
  const utils: Rational[][] = [];
  const w0: Rational[] = [];
  for (let p = 0; p < P; p++) {
    const s = v.supp[p] as Int32Array;
    const us: Rational[] = [];
    let w = Rational.ZERO;
    for (let k = 0; k < s.length; k++) {
      const u = utilOf(p, k);
      us.push(u);
      w = w.add(u.mulInt(wt[s[k] as number] as bigint));
    }
    utils.push(us);
    w0.push(w);
  }
  const { remaining, zeroCost } = initialProjects(c, v);
  const costX = c.cost.map((x) => Rational.of(x));
  const lb: Rational[] = costX.map((x, p) =>
    (w0[p] as Rational).isZero() ? x : x.div(w0[p] as Rational)
  );
  const dropped = new Int32Array(P).fill(-1);
  const selections: MesSelection[] = [];
  let round = 0;
  while (remaining.length > 0) {
    remaining.sort((a, b) => (lb[a] as Rational).cmp(lb[b] as Rational));
    let best: Rational | null = null;
    let tied: number[] = [];
    const keep: number[] = [];
    let k = 0;
    for (; k < remaining.length; k++) {
      const p = remaining[k] as number;
      if (best && (lb[p] as Rational).cmp(best) > 0) break;
      const s = v.supp[p] as Int32Array;
      const us = utils[p] as Rational[];
      const cost = costX[p] as Rational;
      let A = Rational.ZERO;
      for (let j = 0; j < s.length; j++)
        A = A.add((bud[s[j] as number] as Rational).mulInt(wt[s[j] as number] as bigint));
      if (A.lt(cost)) {
        dropped[p] = round;
        continue;
      }
      keep.push(p);
      let rho = lb[p] as Rational;
      let prev = -1;
      for (;;) {
        let poorSum = Rational.ZERO;
        let richW = Rational.ZERO;
        let poor = 0;
        for (let j = 0; j < s.length; j++) {
          const g = s[j] as number;
          const b = bud[g] as Rational;
          const u = us[j] as Rational;
          if (b.lt(rho.mul(u))) {
            poorSum = poorSum.add(b.mulInt(wt[g] as bigint));
            poor++;
          } else richW = richW.add(u.mulInt(wt[g] as bigint));
        }
        const next = cost.sub(poorSum).div(richW);
        if (poor === prev) {
          rho = next;
          break;
        }
        prev = poor;
        rho = next;
      }
      lb[p] = rho;
      const o = best ? rho.cmp(best) : -1;
      if (o < 0) {
        best = rho;
        tied = [p];
      } else if (o === 0) tied.push(p);
    }
    for (; k < remaining.length; k++) keep.push(remaining[k] as number);
    if (!best) {
      remaining.length = 0;
      break;
    }
    const pick = tied.length > 1 ? firstByTie(tied, cmp) : (tied[0] as number);
    const s = v.supp[pick] as Int32Array;
    const us = utils[pick] as Rational[];
    const pay = explain ? new Float64Array(s.length) : null;
    for (let j = 0; j < s.length; j++) {
      const g = s[j] as number;
      const b = bud[g] as Rational;
      const amount = b.min(best.mul(us[j] as Rational));
      bud[g] = b.sub(amount);
      if (pay) pay[j] = amount.toNumber();
    }
    selections.push({ project: pick, rho: best.toNumber(), rhoExact: best, payments: pay });
    remaining.length = 0;
    for (const p of keep) if (p !== pick) remaining.push(p);
    round++;
  }
  return {
    selected: [...zeroCost, ...selections.map((s) => s.project)],
    selections,
    droppedAtRound: dropped,
    budgets: explain ? Float64Array.from(bud, (b) => b.toNumber()) : null,
    exact: true,
  };
}
