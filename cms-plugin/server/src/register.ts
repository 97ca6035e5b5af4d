import type { Core } from '@strapi/strapi';
import { registerCacheInvalidation, registerRoundValidation } from './validation/round-document';
import { registerProposalImageValidation } from './validation/proposal-image';
import { publicApiCors } from './middlewares/public-api-cors';
import { ADMIN_ACTIONS } from './utils/permissions';
import { registerStatusMails } from './services/notify';

type ActionProvider = { registerMany(actions: unknown[]): Promise<void> };

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  registerRoundValidation(strapi);
  registerCacheInvalidation(strapi);
  registerProposalImageValidation(strapi);
  registerStatusMails(strapi);
  // Before the app's middlewares (strapi::cors among them): see the middleware.
  strapi.server.use(publicApiCors(strapi));
  const permissions = strapi.service('admin::permission') as unknown as {
    actionProvider: ActionProvider;
  };
  await permissions.actionProvider.registerMany(ADMIN_ACTIONS);
};

export default register;
