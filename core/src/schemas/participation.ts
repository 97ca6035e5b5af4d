import * as z from 'zod/mini';
import { phaseKindSchema } from './phase.js';

const count = z.int().check(z.minimum(0));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** A district's slug, or null for ballots and proposals that belong to no district. */
const district = z.nullable(z.string());

/** A number of ballots or proposals on one day in one district. */
export const dailyCountSchema = z.object({ day, district, count });

/**
 * `GET /begroot/rounds/:slug/participation`: who takes part in a round, for officials. Ballots per
 * day and district come from the ballots table (which keeps the day, not the time); age bands and
 * channels from a separate counter that holds no ballot and no day (docs/secret-ballot.md).
 */
export const participationFiguresSchema = z.object({
  round: z.object({
    slug: z.string(),
    title: z.string(),
    language: z.string(),
    currentPhase: z.nullable(phaseKindSchema),
  }),
  totals: z.object({ ballots: count, proposals: count }),
  votesPerDay: z.array(dailyCountSchema),
  proposalsPerDay: z.array(dailyCountSchema),
  /** Ballots per channel (`online`, `kiosk`, `paper`), as counted when they were cast. */
  channels: z.array(z.object({ channel: z.string(), count })),
  /** Whether voters are asked their age band, and the bands offered. */
  askAgeBand: z.boolean(),
  ageBands: z.array(z.string()),
  districts: z.array(
    z.object({
      slug: district,
      name: z.string(),
      /** Residents who may vote, when the round gives it. */
      population: z.nullable(count),
      ballots: count,
      proposals: count,
      /** Per age band: voters who gave it, and residents in it when the round gives that. */
      ageBands: z.array(
        z.object({ band: z.string(), participants: count, population: z.nullable(count) })
      ),
      /** Voters who skipped the question, voted on paper, or were not asked. */
      ageBandNotGiven: count,
    })
  ),
});
export type ParticipationFigures = z.infer<typeof participationFiguresSchema>;
