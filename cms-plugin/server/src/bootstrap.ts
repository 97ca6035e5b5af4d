import type { Core } from '@strapi/strapi';
import { ensureVotingTables } from './voting/tables';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureVotingTables(strapi);
};

export default bootstrap;
