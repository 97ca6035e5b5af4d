import { type Election } from '../../core/src/counting/index.js';

/** mulberry32: a small seeded PRNG, so every run generates the same election. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic approval election shaped like a big city's (Łódź 2022: ~90,000 voters, ~160 projects):
 * costs log-uniform between 20,000 and 2,000,000, popularity Zipf-like, ballots of 1–10 projects
 * (short ones more common), budget a fifth of the total cost.
 */
export function generateApproval(voters: number, projects: number, seed: number): Election {
  const rand = prng(seed);
  const list = Array.from({ length: projects }, (_, i) => ({
    id: `P${String(i + 1).padStart(3, '0')}`,
    cost: Math.round(Math.exp(Math.log(20_000) + rand() * Math.log(100)) / 100) * 100,
  }));
  const weights = list.map((_, i) => 1 / Math.pow(i + 1, 0.8) + rand() * 0.05);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  const pick = (): number => {
    const r = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ballots: { projects: string[] }[] = [];
  for (let v = 0; v < voters; v++) {
    const length = 1 + Math.floor(Math.pow(rand(), 1.7) * 10);
    const chosen = new Set<number>();
    let guard = 0;
    while (chosen.size < length && guard++ < 100) chosen.add(pick());
    ballots.push({ projects: [...chosen].map((i) => list[i]?.id as string) });
  }
  const totalCost = list.reduce((a, p) => a + p.cost, 0);
  return { budget: Math.round(totalCost / 5), projects: list, ballots };
}
