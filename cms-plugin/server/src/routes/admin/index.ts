import { requires } from '../../permissions';

/** Management routes (admin auth and the plugin's permissions), served under `/begroot/`. */
export default () => ({
  type: 'admin',
  routes: [
    {
      method: 'POST',
      path: '/rounds/:slug/codes',
      handler: 'manage.createCodes',
      config: { policies: [requires('plugin::begroot.codes.manage')] },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/codes',
      handler: 'manage.codeCounts',
      config: { policies: [requires('plugin::begroot.codes.manage')] },
    },
    {
      method: 'POST',
      path: '/codes/:id/void',
      handler: 'manage.voidCode',
      config: { policies: [requires('plugin::begroot.codes.manage')] },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/paper-ballots',
      handler: 'manage.paperBallot',
      config: { policies: [requires('plugin::begroot.paper-ballots.create')] },
    },
  ],
});
