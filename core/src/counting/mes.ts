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
/** Relative width above the first guess of rho within which supporters are remembered. */
const BORDER_WIDTH = 0.5;
const BORDER_CAP = 16384;

/** The smallest float32 at or above x (x >= 0): error bounds must only round up. */
function up32(x: number): number {
  const f = Math.fround(x);
  return f >= x ? f : Math.fround(x * (1 + 2 ** -23) + 2 ** -149);
}

/** 0: untouched (exactly b0); 1: exactly zero; 2: inexact (see the packed layout in mesFloat). */
function stateOf(e: number): number {
  return e < 0 ? 0 : e === 0 ? 1 : 2;
}

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
  const costF = c.costF;
  const b0f = b0.toNumber();
  /**
   * Per group, 16 bytes packed for locality: the budget of one voter (float64, F[2g]); a bound on
   * |true - float budget| (float32 rounded up, H[4g+2]) whose sign also tells the state: negative =
   * untouched (exactly b0), zero = exactly zero, positive = inexact; the voters (H[4g+3]).
   */
  const buffer = new ArrayBuffer(G * 16);
  const F = new Float64Array(buffer);
  const H = new Float32Array(buffer);
  const e0 = -up32(EPS * b0f);
  for (let g = 0; g < G; g++) {
    const w = c.weight[g] as number;
    if (w >= 2 ** 24) throw new NeedExact('a ballot cast by more than 16 million voters');
    F[2 * g] = b0f;
    H[4 * g + 2] = e0;
    H[4 * g + 3] = w;
  }
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
  /** Supporters just above the first guess of rho, re-examined without a second full pass. */
  const border = new Int32Array(BORDER_CAP);
  const moved = new Uint8Array(BORDER_CAP);
  /** 0: exact rho unknown; 1: computable on demand; 2: computed (in rhoX). */
  const xState = new Uint8Array(P);
  const xPristinePoor = new Float64Array(P);
  const xRichW = new Float64Array(P);
  const xMaxURichPristine = new Float64Array(P);
  const xMinUPoorPristine = new Float64Array(P);

  /** The exact rho of p's last evaluation, or null when it cannot be had without exact budgets. */
  const exactRho = (p: number): Rational | null => {
    if (xState[p] === 2) return rhoX[p] ?? null;
    if (xState[p] !== 1) return null;
    xState[p] = 0;
    const cand = (costX[p] as Rational)
      .sub(b0.mulInt(BigInt(xPristinePoor[p] as number)))
      .div(Rational.of(BigInt(xRichW[p] as number)));
    if (cand.sign() <= 0) return null;
    const maxU = xMaxURichPristine[p] as number;
    const minU = xMinUPoorPristine[p] as number;
    if (maxU >= 0 && b0.lt(cand.mul(Rational.fromNumber(maxU)))) return null;
    if (minU < Infinity && cand.mul(Rational.fromNumber(minU)).lt(b0)) return null;
    rhoX[p] = cand;
    xState[p] = 2;
    rhoF[p] = cand.toNumber();
    rhoErr[p] = 8 * EPS * (rhoF[p] as number);
    return cand;
  };

  /**
   * Computes rho for p (false when its supporters cannot afford it) by the fixed point
   * rho = (cost - money of the poor) / (utility of the rich), the poor being those with b < rho u,
   * started from p's last known lower bound. The pass that confirms the fixed point also certifies
   * it: |true rho - float rho| <= e, from per-group error bounds (Lipschitz in the budgets).
   */
  const evaluate = (p: number): boolean => {
    const s = v.supp[p] as Int32Array;
    const ua = v.util[p] ?? null;
    const uu = v.uniform[p] as number;
    const cost = costF[p] as number;
    const len = s.length;
    let rho = lb[p] as number;
    let A = 0;
    let E = 0;
    let mPristine = 0;
    let inexact = false;
    let poorSum = 0;
    let poorErr = 0;
    let richW = 0;
    let rounding = 0;
    let richCert = 0;
    let uncertainErr = 0;
    let exactOk = v.integral;
    let pristinePoor = 0;
    let maxURichPristine = -1;
    let minUPoorPristine = Infinity;
    let e1 = 0;
    let certified = false;
    // Fast passes: classify by b/u < rho (exact for the float values: rounding is monotone) and
    // check in the same pass whether the new rho keeps that classification and leaves every rich
    // supporter clear of the boundary; usually one pass settles a project.
    for (let pass = 0; ; pass++) {
      if (pass > 200) throw new NeedExact('slow convergence');
      poorSum = 0;
      poorErr = 0;
      richW = 0;
      pristinePoor = 0;
      minUPoorPristine = Infinity;
      let inexactPoor = false;
      let maxPoorR = -Infinity;
      let minRichR = Infinity;
      let minRichSafeR = Infinity;
      const slack = 4 * EPS * b0f;
      const thr = rho * uu;
      // First pass only: remember rich supporters whose key (b/u, or b for a uniform utility) is
      // within BORDER_WIDTH above the guess, so the fixed point can usually be finished on them alone.
      const hiKey = pass === 0 ? (ua ? rho : thr) * (1 + BORDER_WIDTH) : -Infinity;
      let nb = 0;
      let overflow = false;
      for (let k = 0; k < len; k++) {
        const g = s[k] as number;
        const b = F[2 * g] as number;
        const m = H[4 * g + 3] as number;
        const e = Math.abs(H[4 * g + 2] as number);
        const t = stateOf(H[4 * g + 2] as number);
        const u = ua ? (ua[k] as number) : uu;
        if (pass === 0) {
          A += m * b;
          E += m * e;
          if (t === 0) mPristine += m;
          else if (t === 2) inexact = true;
        }
        if (ua) {
          const r = b / u;
          if (r < rho) {
            poorSum += m * b;
            poorErr += m * e;
            if (r > maxPoorR) maxPoorR = r;
            if (t === 2) inexactPoor = true;
            else if (t === 0) {
              pristinePoor += m;
              if (u < minUPoorPristine) minUPoorPristine = u;
            }
          } else {
            richW += m * u;
            if (r < hiKey) {
              if (nb < BORDER_CAP) border[nb++] = k;
              else overflow = true;
            } else {
              if (r < minRichR) minRichR = r;
              const safe = (b - e - slack) / u;
              if (safe < minRichSafeR) minRichSafeR = safe;
            }
          }
        } else if (b < thr) {
          // Uniform utility: the same tests in money (thr = rho × u), no division per voter.
          poorSum += m * b;
          poorErr += m * e;
          if (b > maxPoorR) maxPoorR = b;
          if (t === 2) inexactPoor = true;
          else if (t === 0) {
            pristinePoor += m;
            minUPoorPristine = u;
          }
        } else {
          richW += m * u;
          if (b < hiKey) {
            if (nb < BORDER_CAP) border[nb++] = k;
            else overflow = true;
          } else {
            if (b < minRichR) minRichR = b;
            const safe = b - e - slack;
            if (safe < minRichSafeR) minRichSafeR = safe;
          }
        }
      }
      if (pass === 0) {
        if (!inexact) {
          if (b0.mulInt(BigInt(mPristine)).lt(costX[p] as Rational)) return false;
        } else {
          const errA = E + (len + 4) * EPS * A;
          if (A < cost - errA) return false;
          if (A <= cost + errA) throw new NeedExact(`affordability of ${c.ids[p]}`);
        }
        rounding = (len + 8) * EPS * (cost + A);
      }
      if (!(richW > 0)) throw new NeedExact('no rich supporter');
      let next = (cost - poorSum) / richW;
      if (nb > 0) {
        if (overflow)
          minRichR = -Infinity; // unknown: take another full pass
        else {
          // Move remembered supporters below the new rho to the poor, until nothing moves.
          moved.fill(0, 0, nb);
          for (let again = true; again;) {
            again = false;
            const nextKey = ua ? next : next * uu;
            for (let i = 0; i < nb; i++) {
              if (moved[i]) continue;
              const k = border[i] as number;
              const g = s[k] as number;
              const b = F[2 * g] as number;
              const u = ua ? (ua[k] as number) : uu;
              const key = ua ? b / u : b;
              if (!(key < nextKey)) continue;
              const m = H[4 * g + 3] as number;
              const t = stateOf(H[4 * g + 2] as number);
              moved[i] = 1;
              again = true;
              poorSum += m * b;
              poorErr += m * Math.abs(H[4 * g + 2] as number);
              richW -= m * u;
              if (key > maxPoorR) maxPoorR = key;
              if (t === 2) inexactPoor = true;
              else if (t === 0) {
                pristinePoor += m;
                if (u < minUPoorPristine) minUPoorPristine = u;
              }
            }
            if (!(richW > 0)) throw new NeedExact('no rich supporter');
            if (again) next = (cost - poorSum) / richW;
          }
          for (let i = 0; i < nb; i++) {
            if (moved[i]) continue;
            const k = border[i] as number;
            const g = s[k] as number;
            const b = F[2 * g] as number;
            const u = ua ? (ua[k] as number) : uu;
            const key = ua ? b / u : b;
            if (key < minRichR) minRichR = key;
            const safe = ua
              ? (b - Math.abs(H[4 * g + 2] as number) - slack) / u
              : b - Math.abs(H[4 * g + 2] as number) - slack;
            if (safe < minRichSafeR) minRichSafeR = safe;
          }
        }
      }
      const nextThr = ua ? next : next * uu;
      if (!(maxPoorR < nextThr && nextThr <= minRichR)) {
        if (!(next > rho)) break; // no progress in float: settle it with the careful passes below
        rho = next;
        continue;
      }
      rho = next;
      e1 = (poorErr + rounding) / richW + (len + 8) * EPS * rho;
      const bound = ua ? rho + 2 * e1 : (rho + 2 * e1) * uu;
      if (minRichSafeR * (1 - 4 * EPS) > bound * (1 + 4 * EPS)) {
        certified = true;
        richCert = richW;
        uncertainErr = poorErr;
        exactOk = v.integral && !inexactPoor;
        maxURichPristine = -1;
      }
      break;
    }
    // Careful passes: classify by b < rho u and certify every supporter against its own error bound.
    for (let iter = 0; !certified; iter++) {
      if (iter > 200) throw new NeedExact('slow convergence');
      const prevPoorSum = poorSum;
      const prevRichW = richW;
      rho = (cost - poorSum) / richW;
      e1 = (poorErr + rounding) / richW + (len + 8) * EPS * rho;
      poorSum = 0;
      poorErr = 0;
      richW = 0;
      richCert = 0;
      uncertainErr = 0;
      exactOk = v.integral;
      pristinePoor = 0;
      maxURichPristine = -1;
      minUPoorPristine = Infinity;
      for (let k = 0; k < len; k++) {
        const g = s[k] as number;
        const b = F[2 * g] as number;
        const m = H[4 * g + 3] as number;
        const e = Math.abs(H[4 * g + 2] as number);
        const u = ua ? (ua[k] as number) : uu;
        const pu = rho * u;
        const poor = b < pu;
        if (poor) {
          poorSum += m * b;
          poorErr += m * e;
        } else richW += m * u;
        if (b - pu > e + 2 * e1 * u + 4 * EPS * b0f) {
          richCert += m * u;
          continue;
        }
        uncertainErr += m * e;
        const t = stateOf(H[4 * g + 2] as number);
        if (t === 1) continue;
        if (t === 0) {
          if (poor) {
            pristinePoor += m;
            if (u < minUPoorPristine) minUPoorPristine = u;
          } else if (u > maxURichPristine) maxURichPristine = u;
          continue;
        }
        exactOk = false;
      }
      if (poorSum === prevPoorSum && richW === prevRichW) break;
      if (!(richW > 0)) throw new NeedExact('no rich supporter');
    }
    const e =
      richCert > 0 ? (uncertainErr + rounding) / richCert + (len + 8) * EPS * rho : Infinity;
    rhoF[p] = rho;
    rhoErr[p] = e;
    rhoX[p] = null;
    xState[p] = 0;
    if (exactOk && richW > 0 && richW < 2 ** 53) {
      // Every supporter that is not clearly rich has an exactly known budget (b0 or 0): the exact
      // rho is computed only if a comparison needs it.
      xState[p] = 1;
      xPristinePoor[p] = pristinePoor;
      xRichW[p] = richW;
      xMaxURichPristine[p] = maxURichPristine;
      xMinUPoorPristine[p] = minUPoorPristine;
    }
    if (e > 2 * e1 && exactRho(p) === null) throw new NeedExact(`error bound of ${c.ids[p]}`);
    lb[p] = (rhoF[p] as number) - (rhoErr[p] as number);
    return true;
  };

  const charge = (p: number): Float64Array | null => {
    const s = v.supp[p] as Int32Array;
    const ua = v.util[p] ?? null;
    const uu = v.uniform[p] as number;
    const rho = rhoF[p] as number;
    const e = rhoErr[p] as number;
    let x: Rational | null | undefined;
    const pay = explain ? new Float64Array(s.length) : null;
    for (let k = 0; k < s.length; k++) {
      const g = s[k] as number;
      if (H[4 * g + 2] === 0) continue;
      const u = ua ? (ua[k] as number) : uu;
      const before = F[2 * g] as number;
      const d = before - rho * u;
      const eg = Math.abs(H[4 * g + 2] as number);
      const tol = eg + e * u + 4 * EPS * b0f;
      const grown = eg + e * u + 4 * EPS * before;
      if (d > tol) {
        F[2 * g] = d;
        H[4 * g + 2] = up32(grown);
      } else if (d < -tol) {
        F[2 * g] = 0;
        H[4 * g + 2] = 0;
      } else if (
        (H[4 * g + 2] as number) < 0 &&
        (x ??= exactRho(p)) !== null &&
        b0.le(x.mul(Rational.fromNumber(u)))
      ) {
        F[2 * g] = 0;
        H[4 * g + 2] = 0;
      } else {
        F[2 * g] = d > 0 ? d : 0;
        H[4 * g + 2] = up32(grown);
      }
      if (pay) pay[k] = before - (F[2 * g] as number);
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
        const d = r - bestR;
        const margin = e + bestE;
        if (d > margin) order = 1;
        else if (d < -margin) order = -1;
        else {
          const xp = exactRho(p);
          const xb = exactRho(best);
          if (!xp || !xb) throw new NeedExact(`near tie ${c.ids[p]} / ${c.ids[best]}`);
          order = xp.cmp(xb);
          bestR = rhoF[best] as number;
          bestE = rhoErr[best] as number;
        }
      }
      if (order < 0) {
        best = p;
        bestR = rhoF[p] as number;
        bestE = rhoErr[p] as number;
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
    budgets: explain ? Float64Array.from({ length: G }, (_, g) => F[2 * g] as number) : null,
    exact: false,
  };
}

/** Relative margin within which the exact engine compares budgets as rationals instead of floats. */
const NEAR = 1e-9;

/**
 * MES in exact rational arithmetic, following pabutools' `mes_inner_algo` step by step: every
 * budget is an exact rational. Float copies of the budgets (relative error < 1e-15) only settle
 * comparisons that are far from a tie; anything within NEAR is compared exactly, and the money of
 * the poor is summed exactly, so the outcome is exact.
 */
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
  const budF = new Float64Array(G).fill(b0.toNumber());
  const wt = Array.from(c.weight, (w) => BigInt(w));
  const utilR = (p: number, k: number): Rational => {
    const ua = v.util[p];
    if (ua) return Rational.fromNumber(ua[k] as number);
    return v.sat === 'cost'
      ? Rational.of(c.cost[p] as bigint)
      : Rational.fromNumber(v.uniform[p] as number);
  };
  const utilF = (p: number, k: number): number => {
    const ua = v.util[p];
    return ua ? (ua[k] as number) : (v.uniform[p] as number);
  };
  const w0: Rational[] = [];
  for (let p = 0; p < P; p++) {
    const s = v.supp[p] as Int32Array;
    let w = Rational.ZERO;
    for (let k = 0; k < s.length; k++) w = w.add(utilR(p, k).mulInt(wt[s[k] as number] as bigint));
    w0.push(w);
  }
  const { remaining, zeroCost } = initialProjects(c, v);
  const costX = c.cost.map((x) => Rational.of(x));
  const lb: Rational[] = costX.map((x, p) =>
    (w0[p] as Rational).isZero() ? x : x.div(w0[p] as Rational)
  );
  const dropped = new Int32Array(P).fill(-1);
  const selections: MesSelection[] = [];

  /** Is budget b (group g) below price × u? Floats when clearly apart, rationals otherwise. */
  const below = (
    g: number,
    priceF: number,
    price: Rational,
    uF: number,
    u: () => Rational
  ): boolean => {
    const bF = budF[g] as number;
    const tF = priceF * uF;
    if (bF < tF * (1 - NEAR)) return true;
    if (bF > tF * (1 + NEAR)) return false;
    return (bud[g] as Rational).lt(price.mul(u()));
  };

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
      const cost = costX[p] as Rational;
      const costF = c.costF[p] as number;
      // Can the supporters afford it? Floats unless close, then exactly.
      let AF = 0;
      for (let j = 0; j < s.length; j++)
        AF += (c.weight[s[j] as number] as number) * (budF[s[j] as number] as number);
      let affordable: boolean;
      if (AF < costF * (1 - NEAR)) affordable = false;
      else if (AF > costF * (1 + NEAR)) affordable = true;
      else {
        let A = Rational.ZERO;
        for (let j = 0; j < s.length; j++) {
          const g = s[j] as number;
          if (!(bud[g] as Rational).isZero())
            A = A.add((bud[g] as Rational).mulInt(wt[g] as bigint));
        }
        affordable = !A.lt(cost);
      }
      if (!affordable) {
        dropped[p] = round;
        continue;
      }
      keep.push(p);
      let rho = lb[p] as Rational;
      let prev = -1;
      for (;;) {
        const rhoF = rho.toNumber();
        let poorSum = Rational.ZERO;
        let richW = Rational.ZERO;
        let richWUniform = 0n;
        let poor = 0;
        for (let j = 0; j < s.length; j++) {
          const g = s[j] as number;
          if (below(g, rhoF, rho, utilF(p, j), () => utilR(p, j))) {
            const b = bud[g] as Rational;
            if (!b.isZero()) poorSum = poorSum.add(b.mulInt(wt[g] as bigint));
            poor++;
          } else if (v.util[p]) richW = richW.add(utilR(p, j).mulInt(wt[g] as bigint));
          else richWUniform += wt[g] as bigint;
        }
        if (!v.util[p]) richW = utilR(p, 0).mulInt(richWUniform);
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
    const pay = explain ? new Float64Array(s.length) : null;
    const bestF = best.toNumber();
    const uniformPrice = v.util[pick] ? null : best.mul(utilR(pick, 0));
    for (let j = 0; j < s.length; j++) {
      const g = s[j] as number;
      const b = bud[g] as Rational;
      if (b.isZero()) continue;
      const price = uniformPrice ?? best.mul(utilR(pick, j));
      const amount = below(g, bestF, best, utilF(pick, j), () => utilR(pick, j)) ? b : price;
      const after = b.sub(amount);
      bud[g] = after;
      budF[g] = after.toNumber();
      if (pay) pay[j] = amount.toNumber();
    }
    selections.push({ project: pick, rho: bestF, rhoExact: best, payments: pay });
    remaining.length = 0;
    for (const p of keep) if (p !== pick) remaining.push(p);
    round++;
  }
  return {
    selected: [...zeroCost, ...selections.map((s) => s.project)],
    selections,
    droppedAtRound: dropped,
    budgets: explain ? Float64Array.from(budF) : null,
    exact: true,
  };
}
