import type { Core } from '@strapi/strapi';
import { registerRoundValidation } from './validation/round-document';
import { VOTING_ACTIONS } from './permissions';

type ActionProvider = {
  registerMany(
    actions: Array<{
      section: 'plugins';
      pluginName: string;
      uid: string;
      displayName: string;
      subCategory?: string;
    }>
  ): Promise<void>;
};

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  registerRoundValidation(strapi);
  const { actionProvider } = strapi.service('admin::permission') as unknown as {
    actionProvider: ActionProvider;
  };
  await actionProvider.registerMany(
    VOTING_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: 'begroot' }))
  );
};

export default register;
