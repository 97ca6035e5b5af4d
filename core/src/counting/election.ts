import { type PbElection } from '../pabulib/types.js';
import { Rational } from './rational.js';

/** An amount: exact rational, decimal text (`"1250000.50"`), fraction text (`"1/3"`), or a number. */
export type Amount = Rational | string | number;

export interface ElectionProject {
  id: string;
  cost: Amount;
  /** Neighbourhood name, for greedy's per-neighbourhood caps. */
  neighbourhood?: string | null;
}

export interface ElectionBallot {
  /** Project ids; for ordinal ballots most preferred first. An empty list is a blank ballot (it still counts as a voter). */
  projects: readonly string[];
  /** Points per project (cumulative/scoring ballots), aligned with `projects`. */
  points?: readonly number[] | null;
}

/** What the counting engine needs: a budget, projects, ballots. */
export interface Election {
  budget: Amount;
  projects: readonly ElectionProject[];
  ballots: readonly ElectionBallot[];
  /** Upper bounds on the summed cost of funded projects per neighbourhood (greedy only). */
  neighbourhoodCaps?: Readonly<Record<string, Amount>> | null;
}

export function toRational(a: Amount, what = 'amount'): Rational {
  if (a instanceof Rational) return a;
  let r: Rational | null;
  if (typeof a === 'number') r = Number.isFinite(a) ? Rational.fromNumber(a) : null;
  else {
    const frac = /^\s*(-?\d+)\s*\/\s*(\d+)\s*$/.exec(a);
    r =
      frac && BigInt(frac[2] ?? '0') !== 0n
        ? Rational.of(BigInt(frac[1] ?? '0'), BigInt(frac[2] ?? '1'))
        : Rational.parseDecimal(a);
  }
  if (!r) throw new RangeError(`Not a decimal ${what}: ${String(a)}`);
  return r;
}

/** The counting view of a parsed Pabulib file (neighbourhood caps from META `neighborhoods` / `budget_per_neighborhood`). */
export function electionFromPabulib(pb: PbElection): Election {
  let caps: Record<string, Amount> | null = null;
  const names = pb.meta['neighborhoods'];
  const amounts = pb.meta['budget_per_neighborhood'];
  if (names !== undefined && amounts !== undefined) {
    caps = {};
    const list = amounts.split(',');
    names.split(',').forEach((name, i) => {
      if (caps) caps[name.trim()] = (list[i] ?? '').trim();
    });
  }
  return {
    budget: pb.budget,
    projects: pb.projects.map((p) => ({
      id: p.id,
      cost: p.cost,
      neighbourhood: p.fields['neighborhood'] ?? p.fields['neighbourhood'] ?? null,
    })),
    ballots: pb.votes.map((v) => ({ projects: v.projects, points: v.points })),
    neighbourhoodCaps: caps,
  };
}
