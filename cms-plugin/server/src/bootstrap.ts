import type { Core } from '@strapi/strapi';
import { ensureVotingTables } from './voting/tables';
import { ensureParticipationTables } from './participation/tables';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureVotingTables(strapi);
  await ensureParticipationTables(strapi);
};

export default bootstrap;
