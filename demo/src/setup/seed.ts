import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import {
  TRIAL_ROUND_SLUG,
  voorbeeldstadArguments,
  voorbeeldstadProposals,
  voorbeeldstadRound,
  voorbeeldstadTrialRound,
} from './voorbeeldstad';
import { seedPastRound } from './past-round';

type RoundService = {
  ensure(round: { slug: string }): Promise<{
    documentId: string;
    created: boolean;
  }>;
};
type PanelService = { enableIfNew(round: unknown, seats: number): Promise<void> };
type RoundLookup = { findBySlug(slug: string): Promise<unknown> };
type CodeCount = { district: string | null; unused: number };
type VotingService = {
  codeCounts(slug: string): Promise<CodeCount[]>;
  createCodes(
    slug: string,
    district: string,
    count: number
  ): Promise<{ district: string | null; codes: string[] }>;
};

const PROPOSAL_UID = 'plugin::begroot.proposal';
const ARGUMENT_UID = 'plugin::begroot.argument';
/** Demo voting codes made per district when none are left unused. */
const CODES_PER_DISTRICT = 3;

/**
 * Creates the demo rounds when they do not exist yet; leaves them alone when they do (an editor
 * may have changed them). Safe to run on every start and from several processes at once. The
 * admitted proposals (and, in the main round, a few arguments) are added once, to a round that
 * has no proposals yet. With `BEGROOT_DEMO_CODES_FILE` set (`npm start` sets it), voting codes for
 * the trial vote are made when none are left unused, printed and written to that file.
 */
export async function seedDemo(strapi: Core.Strapi, env = process.env) {
  const rounds = strapi.plugin('begroot').service('round') as RoundService;
  const round = voorbeeldstadRound();
  const result = await rounds.ensure(round);
  if (result.created) strapi.log.info(`[demo] Created the demo round "${round.slug}".`);
  await seedProposals(strapi, result.documentId, true);
  // The citizens' panel takes sign-ups in the demo round (the sign-up widget on the city page).
  const stored = await (strapi.plugin('begroot').service('round') as RoundLookup).findBySlug(
    round.slug
  );
  if (stored) {
    await (strapi.plugin('begroot').service('panel') as PanelService).enableIfNew(stored, 24);
  }

  const trial = voorbeeldstadTrialRound();
  const trialResult = await rounds.ensure(trial);
  if (trialResult.created) strapi.log.info(`[demo] Created the trial vote "${trial.slug}".`);
  await seedProposals(strapi, trialResult.documentId, false);

  // Last year's finished round, for the page's "what happened to the ideas" section. An editor
  // may have changed that round so that a step no longer applies (voting reopened, say): the app
  // still starts, and the log says why the round stays as it is.
  try {
    await seedPastRound(strapi);
  } catch (error) {
    strapi.log.error(`[demo] Could not finish last year's round: ${(error as Error).message}`);
  }

  const codesFile = env.BEGROOT_DEMO_CODES_FILE?.trim();
  if (codesFile) await seedCodes(strapi, path.resolve(codesFile));
  return result;
}

async function seedProposals(strapi: Core.Strapi, roundId: string, withArguments: boolean) {
  const proposals = strapi.documents(PROPOSAL_UID);
  const existing = await proposals.count({ filters: { round: { documentId: roundId } } as never });
  if (existing > 0) return;
  const at = new Date().toISOString();
  const ids: string[] = [];
  for (const proposal of voorbeeldstadProposals) {
    const created = await proposals.create({
      data: {
        ...proposal,
        round: roundId,
        status: 'admitted',
        history: [
          { status: 'submitted', at, reason: null },
          { status: 'admitted', at, reason: null },
        ],
        updates: [],
        submittedAt: at,
      } as never,
    });
    ids.push(created.documentId);
  }
  const args = withArguments ? voorbeeldstadArguments : [];
  for (const argument of args) {
    await strapi.documents(ARGUMENT_UID).create({
      data: {
        ...argument,
        proposal: ids[argument.proposal],
        official: false,
        hidden: false,
        postedAt: at,
      } as never,
    });
  }
  strapi.log.info(`[demo] Added ${ids.length} admitted proposals and ${args.length} arguments.`);
}

/**
 * Codes are stored only as keyed hashes, so they can be shown only when made: when every district
 * of the trial vote has unused codes, the file from the start that made them still lists them.
 */
async function seedCodes(strapi: Core.Strapi, file: string) {
  const voting = strapi.plugin('begroot').service('voting') as VotingService;
  const districts = voorbeeldstadTrialRound().districts.map((district) => district.slug);
  const unused = new Map(
    (await voting.codeCounts(TRIAL_ROUND_SLUG)).map((count) => [count.district, count.unused])
  );
  const empty = districts.filter((district) => !unused.get(district));
  if (empty.length === 0 && fs.existsSync(file)) {
    strapi.log.info(`[demo] Voting codes for the trial vote: see ${file}`);
    return;
  }
  const lines: string[] = [];
  for (const district of empty.length > 0 ? empty : districts) {
    const { codes } = await voting.createCodes(TRIAL_ROUND_SLUG, district, CODES_PER_DISTRICT);
    for (const code of codes) lines.push(`${district}\t${code}`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const header =
    `# Demo voting codes for the trial vote "${TRIAL_ROUND_SLUG}" (one vote each; stored only ` +
    'as hashes).\n# New ones are made at start for a district whose codes are used up.\n';
  // Every district without codes: a fresh database, so the codes in an old file are void.
  const kept =
    empty.length < districts.length && fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line && !line.startsWith('#'))
      : [];
  fs.writeFileSync(file, `${header}${[...kept, ...lines].join('\n')}\n`, { mode: 0o600 });
  strapi.log.info(
    `[demo] New voting codes for the trial vote (also in ${file}):\n` +
      lines.map((line) => `  ${line.replace('\t', ': ')}`).join('\n')
  );
}
