import type { Core } from '@strapi/strapi';
import { ensureVotingTables } from './voting/tables';
import { registerVotingCacheInvalidation } from './voting/cache';
import { PROPOSAL_UID, ROUND_UID } from './utils/constants';
import { ensureParticipationTables } from './participation/tables';
import { forgetBallotChannels } from './participation/ballot-channels';
import { ensurePanelTables } from './panel/tables';
import { ensureUploadsTable } from './services/proposal-upload';
import { getService } from './utils/get-service';

const HOUR = 60 * 60 * 1000;
const cleanupTimers = new WeakMap<Core.Strapi, NodeJS.Timeout>();

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureVotingTables(strapi);
  await ensureParticipationTables(strapi);
  await forgetBallotChannels(strapi);
  await ensurePanelTables(strapi);
  registerVotingCacheInvalidation(strapi, [ROUND_UID, PROPOSAL_UID]);
  await ensureUploadsTable(strapi);
  // Residents' images never attached to a proposal: removed hourly (and on each new upload).
  const timer = setInterval(() => {
    getService('proposal-upload', { strapi })
      .removeExpired()
      .catch((error: unknown) =>
        strapi.log.warn(`[begroot] Could not clean up unattached uploads: ${String(error)}`)
      );
  }, HOUR);
  timer.unref();
  cleanupTimers.set(strapi, timer);
};

/** Stops the hourly clean-up (destroy). */
export function stopUploadCleanup(strapi: Core.Strapi) {
  clearInterval(cleanupTimers.get(strapi));
  cleanupTimers.delete(strapi);
}

export default bootstrap;
