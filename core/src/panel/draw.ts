/**
 * The citizens' panel draw: stratified, seeded, reproducible. The same input gives the same output
 * on every machine: integers only (BigInt where products may pass 2^53), plain code-unit string
 * order, and randomness from SHA-256 of the public seed. docs/panel.md explains it for residents.
 *
 * 1. Candidates are grouped into strata by their values of `stratifyBy`; strata are ordered by
 *    their key, the JSON array of those values, compared code unit by code unit.
 * 2. Seats are apportioned by largest remainder (Hamilton) over the strata's weights. A stratum
 *    with fewer candidates than its share keeps all of them, and the seats it cannot fill are
 *    apportioned again, by the same rule, over the strata that still have candidates. Strata with
 *    weight 0 only get seats when no weighted stratum has candidates left (then by candidates).
 *    Equal remainders go to the stratum that comes first in the seeded tie order.
 * 3. Within each stratum the candidates, ordered by id, are shuffled by Fisher–Yates
 *    (Durstenfeld) with the stratum's own random stream; the first ones take its seats.
 */
import {
  PANEL_ALGORITHM,
  panelDrawInputSchema,
  type PanelDrawInput,
  type PanelDrawOutput,
  type PanelStratum,
  type PanelStratumResult,
} from '../schemas/panel.js';
import { sha256 } from './sha256.js';

/**
 * A stream of uniform 32-bit numbers: block k is SHA-256 of the UTF-8 text
 * `<algorithm>\n<purpose>\n<seed>\n<stratum key>\n<k>` (k = 0, 1, …), read as eight big-endian
 * 32-bit words.
 */
export class SeededStream {
  private words: number[] = [];
  private block = 0;
  constructor(private readonly prefix: string) {}

  static for(seed: string, purpose: string, stratumKey: string): SeededStream {
    return new SeededStream(`${PANEL_ALGORITHM}\n${purpose}\n${seed}\n${stratumKey}\n`);
  }

  nextUint32(): number {
    if (this.words.length === 0) {
      const digest = sha256(`${this.prefix}${this.block++}`);
      const view = new DataView(digest.buffer);
      for (let i = 0; i < 8; i++) this.words.push(view.getUint32(i * 4));
    }
    return this.words.shift() as number;
  }

  /** A uniform whole number in [0, n), by rejection: no modulo bias. */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`below(${n})`);
    const limit = Math.floor(2 ** 32 / n) * n;
    for (;;) {
      const word = this.nextUint32();
      if (word < limit) return word % n;
    }
  }
}

/** Plain code-unit order, the same everywhere (no locale). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The key of a stratum: the JSON array of its values in `stratifyBy` order. */
export function stratumKey(stratifyBy: readonly string[], stratum: PanelStratum): string {
  return JSON.stringify(stratifyBy.map((field) => stratum[field] ?? ''));
}

/** Fisher–Yates (Durstenfeld), from the last position down, with j = below(i + 1). */
export function panelShuffle<T>(items: readonly T[], stream: SeededStream): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = stream.below(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Largest remainder: `seats` over `weights` (whole numbers, not all 0). Each gets
 * floor(seats × w / W); the seats left go one each to the largest remainders seats × w mod W,
 * equal remainders in `tieOrder` (indices, first wins).
 */
export function largestRemainder(
  seats: number,
  weights: readonly number[],
  tieOrder: readonly number[]
): number[] {
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total === 0n) throw new RangeError('largestRemainder needs a positive total weight');
  const n = BigInt(seats);
  const shares = weights.map((w) => Number((n * BigInt(w)) / total));
  const remainders = weights.map((w) => (n * BigInt(w)) % total);
  let left = seats - shares.reduce((sum, s) => sum + s, 0);
  const rank = new Map(tieOrder.map((index, position) => [index, position]));
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => {
      const ra = remainders[a] as bigint;
      const rb = remainders[b] as bigint;
      if (ra !== rb) return ra > rb ? -1 : 1;
      return (rank.get(a) as number) - (rank.get(b) as number);
    });
  for (const index of order) {
    if (left === 0) break;
    shares[index] = (shares[index] as number) + 1;
    left--;
  }
  return shares;
}

type Stratum = {
  key: string;
  stratum: PanelStratum;
  weight: number;
  ids: string[];
  tieRank: string;
  seats: number;
};

/** Draws the panel. Throws a zod error on input the schema refuses. */
export function drawPanel(rawInput: PanelDrawInput): PanelDrawOutput {
  const input = panelDrawInputSchema.parse(rawInput);
  const { seed, stratifyBy } = input;

  const strata = new Map<string, Stratum>();
  const stratumFor = (stratum: PanelStratum) => {
    const key = stratumKey(stratifyBy, stratum);
    let entry = strata.get(key);
    if (!entry) {
      const picked = Object.fromEntries(stratifyBy.map((field) => [field, stratum[field] ?? '']));
      // The tie order: strata by the SHA-256 of seed and key, so no stratum is favoured by name.
      const digest = sha256(`${PANEL_ALGORITHM}\ntie\n${seed}\n${key}\n`);
      let tieRank = '';
      for (const byte of digest) tieRank += byte.toString(16).padStart(2, '0');
      entry = { key, stratum: picked, weight: 0, ids: [], tieRank, seats: 0 };
      strata.set(key, entry);
    }
    return entry;
  };
  for (const target of input.targets ?? []) stratumFor(target.stratum).weight = target.weight;
  for (const candidate of input.candidates) stratumFor(candidate.strata).ids.push(candidate.id);
  if (input.targets === null) for (const s of strata.values()) s.weight = s.ids.length;

  const ordered = [...strata.values()].sort((a, b) => compare(a.key, b.key));
  const tieOrderOf = (list: readonly Stratum[]) =>
    list
      .map((s, index) => ({ index, rank: s.tieRank, key: s.key }))
      .sort((a, b) => compare(a.rank, b.rank) || compare(a.key, b.key))
      .map((entry) => entry.index);

  // The targets: the seats each stratum's weight gives it, candidates or not.
  const weighted = ordered.filter((s) => s.weight > 0);
  const targets = new Map<string, number>();
  if (weighted.length > 0) {
    const shares = largestRemainder(
      input.seats,
      weighted.map((s) => s.weight),
      tieOrderOf(weighted)
    );
    weighted.forEach((s, i) => targets.set(s.key, shares[i] as number));
  }

  // The allocation: seats a stratum cannot fill go round again over those with candidates left.
  let remaining = Math.min(input.seats, input.candidates.length);
  while (remaining > 0) {
    const open = ordered.filter((s) => s.seats < s.ids.length);
    const openWeighted = open.filter((s) => s.weight > 0);
    const pool = openWeighted.length > 0 ? openWeighted : open;
    const shares = largestRemainder(
      remaining,
      pool.map((s) => (openWeighted.length > 0 ? s.weight : s.ids.length)),
      tieOrderOf(pool)
    );
    pool.forEach((s, i) => {
      const given = Math.min(shares[i] as number, s.ids.length - s.seats);
      s.seats += given;
      remaining -= given;
    });
  }

  const selected: string[] = [];
  const rest: string[][] = [];
  for (const s of ordered) {
    const shuffled = panelShuffle(
      [...s.ids].sort(compare),
      SeededStream.for(seed, 'shuffle', s.key)
    );
    selected.push(...shuffled.slice(0, s.seats));
    rest.push(shuffled.slice(s.seats));
  }
  // Reserves take turns per stratum (in stratum order), so the first reserves spread over strata;
  // a seat left by a member is best offered to the first reserve of the member's stratum.
  const reserves: string[] = [];
  for (let round = 0; reserves.length < input.candidates.length - selected.length; round++) {
    for (const list of rest) if (round < list.length) reserves.push(list[round] as string);
  }

  const results: PanelStratumResult[] = ordered.map((s) => ({
    stratum: s.stratum,
    weight: s.weight,
    target: targets.get(s.key) ?? 0,
    available: s.ids.length,
    selected: s.seats,
  }));
  return {
    algorithm: PANEL_ALGORITHM,
    selected,
    reserves,
    unfilled: input.seats - selected.length,
    strata: results,
  };
}
