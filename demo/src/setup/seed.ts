import type { Core } from '@strapi/strapi';
import {
  voorbeeldstadArguments,
  voorbeeldstadProposals,
  voorbeeldstadRound,
} from './voorbeeldstad';

type RoundService = {
  ensure(round: ReturnType<typeof voorbeeldstadRound>): Promise<{
    documentId: string;
    created: boolean;
  }>;
};

const PROPOSAL_UID = 'plugin::begroot.proposal';
const ARGUMENT_UID = 'plugin::begroot.argument';

/**
 * Creates the demo round when it does not exist yet; leaves it alone when it does (an editor may
 * have changed it). Safe to run on every start and from several processes at once. The demo's
 * admitted proposals and a few arguments are added once, to a round that has no proposals yet.
 */
export async function seedDemo(strapi: Core.Strapi) {
  const rounds = strapi.plugin('begroot').service('round') as RoundService;
  const round = voorbeeldstadRound();
  const result = await rounds.ensure(round);
  if (result.created) strapi.log.info(`[demo] Created the demo round "${round.slug}".`);
  await seedProposals(strapi, result.documentId);
  return result;
}

async function seedProposals(strapi: Core.Strapi, roundId: string) {
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
  for (const argument of voorbeeldstadArguments) {
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
  strapi.log.info(
    `[demo] Added ${ids.length} admitted proposals and ${voorbeeldstadArguments.length} arguments.`
  );
}
