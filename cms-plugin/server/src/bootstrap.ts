import type { Core } from '@strapi/strapi';
import { ensureVotingTables } from './voting/tables';
import { registerVotingCacheInvalidation } from './voting/cache';
import { PROPOSAL_UID } from './services/voting';
import { ROUND_UID } from './utils/constants';
import { ensureParticipationTables } from './participation/tables';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureVotingTables(strapi);
  await ensureParticipationTables(strapi);
  registerVotingCacheInvalidation(strapi, [ROUND_UID, PROPOSAL_UID]);
};

export default bootstrap;
