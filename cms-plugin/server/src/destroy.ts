import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService('rate-limit', { strapi }).close();
};

export default destroy;
