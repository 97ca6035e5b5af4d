import type { Core } from '@strapi/strapi';

const config = (_: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  // The workspace plugin, built to cms-plugin/dist (`npm run build -w cms-plugin`). An unbuilt
  // plugin is skipped without a word: the tests check that its routes exist.
  begroot: {
    enabled: true,
    resolve: '../cms-plugin',
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: ['image/*', 'application/pdf'],
        deniedTypes: ['image/svg+xml'],
      },
    },
  },
});

export default config;
