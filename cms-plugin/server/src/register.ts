import type { Core } from '@strapi/strapi';
import { registerRoundValidation } from './validation/round-document';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerRoundValidation(strapi);
};

export default register;
