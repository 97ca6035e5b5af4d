import type { Core } from '@strapi/strapi';
import { registerRoundValidation } from './validation/round-document';
import { registerProposalImageValidation } from './validation/proposal-image';
import { ADMIN_ACTIONS } from './utils/permissions';

type ActionProvider = { registerMany(actions: unknown[]): Promise<void> };

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  registerRoundValidation(strapi);
  registerProposalImageValidation(strapi);
  const permissions = strapi.service('admin::permission') as unknown as {
    actionProvider: ActionProvider;
  };
  await permissions.actionProvider.registerMany(ADMIN_ACTIONS);
};

export default register;
