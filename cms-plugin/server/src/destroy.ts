import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { stopUploadCleanup } from './bootstrap';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  stopUploadCleanup(strapi);
  getService('notify', { strapi }).stopRetries();
  await getService('rate-limit', { strapi }).close();
};

export default destroy;
