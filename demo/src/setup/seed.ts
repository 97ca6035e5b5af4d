import type { Core } from '@strapi/strapi';
import { voorbeeldstadRound } from './voorbeeldstad';

type RoundService = {
  ensure(round: ReturnType<typeof voorbeeldstadRound>): Promise<{
    documentId: string;
    created: boolean;
  }>;
};

/**
 * Creates the demo round when it does not exist yet; leaves it alone when it does (an editor may
 * have changed it). Safe to run on every start and from several processes at once.
 */
export async function seedDemo(strapi: Core.Strapi) {
  const rounds = strapi.plugin('begroot').service('round') as RoundService;
  const round = voorbeeldstadRound();
  const result = await rounds.ensure(round);
  if (result.created) strapi.log.info(`[demo] Created the demo round "${round.slug}".`);
  return result;
}
