/** Helpers for the results tests and benchmark: a closed round with many ballots. */
import type { TestStrapi } from './strapi.ts';
import { createProposals, createVotingRound } from './voting.ts';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A round whose voting closed yesterday, with `proposals` proposals over oost and west. */
export async function createClosedRound(app: TestStrapi, slug: string, proposals = 40) {
  const roundId = await createVotingRound(app, slug, {
    phases: [
      { kind: 'ideas', start: iso(-30), end: iso(-20) },
      { kind: 'review', start: iso(-20), end: iso(-10) },
      { kind: 'voting', start: iso(-10), end: iso(-1) },
      { kind: 'results', start: iso(-1), end: iso(30) },
    ],
  });
  const ids = await createProposals(
    app,
    roundId,
    Array.from({ length: proposals }, (_, i) => ({
      title: `Voorstel ${i + 1}`,
      district: i % 2 === 0 ? 'oost' : 'west',
      cost: 4000 + 750 * i,
    }))
  );
  return { roundId, ids };
}

/**
 * Writes `voters` approval ballots straight into the ballots table (casting that many through
 * the API is the voting tests' and benchmark's job): 3–6 proposals of one district each, drawn
 * with a fixed seed, popular proposals more often.
 */
export async function insertBallots(
  app: TestStrapi,
  roundId: string,
  proposals: string[],
  voters: number
) {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const day = iso(-2).slice(0, 10);
  const rows = Array.from({ length: voters }, (_, i) => {
    const district = i % 3 === 0 ? 'west' : 'oost';
    const own = proposals.filter((_, j) => (j % 2 === 0) === (district === 'oost'));
    const picks = new Set<string>();
    const size = Math.min(own.length, 3 + Math.floor(random() * 4));
    while (picks.size < size) picks.add(own[Math.floor(random() ** 2 * own.length)]!);
    return {
      id: `${roundId.slice(0, 8)}${i.toString(16).padStart(12, '0')}`,
      round_id: roundId,
      district,
      day,
      selections: JSON.stringify([...picks].map((proposal) => ({ proposal }))),
      receipt_tag: `${roundId}-${i}`,
    };
  });
  await app.strapi.db.connection.batchInsert('begroot_ballots', rows as never, 150);
}
