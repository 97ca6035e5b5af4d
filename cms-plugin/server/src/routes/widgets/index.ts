/**
 * The built widgets at a stable URL on the CMS, `/begroot/widgets/<file>`, so an embed snippet
 * needs nothing but the CMS's address. A plugin's non-API routes are mounted under `/<plugin id>`;
 * `auth: false` makes these public.
 */
export default () => ({
  type: 'admin',
  prefix: '/begroot',
  routes: [
    {
      method: 'GET',
      path: '/widgets/:file(.*)',
      handler: 'widgets.serve',
      config: { auth: false, policies: [] },
    },
  ],
});
