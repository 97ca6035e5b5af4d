import type { StrapiApp } from '@strapi/strapi/admin';

/** The admin panel in Dutch and English (Strapi offers English only unless told otherwise). */
export default {
  config: {
    locales: ['nl'],
  },
  bootstrap(_app: StrapiApp) {},
};
