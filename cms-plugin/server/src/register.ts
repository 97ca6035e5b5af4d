import type { Core } from '@strapi/strapi';
import { registerRoundValidation } from './validation/round-document';
import { registerProposalImageValidation } from './validation/proposal-image';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerRoundValidation(strapi);
  registerProposalImageValidation(strapi);
};

export default register;
