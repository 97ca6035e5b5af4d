import type { Core } from '@strapi/strapi';
import { seedDemo } from './setup/seed';
import { ensureSuperAdmin } from './setup/super-admin';

export default {
  register(_: { strapi: Core.Strapi }) {},

  /** Every start: the demo round (created once, never overwritten) and the scripted admin. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await seedDemo(strapi);
    await ensureSuperAdmin(strapi);
  },
};
