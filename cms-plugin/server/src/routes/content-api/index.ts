/** Public API, served under `/api/begroot/`. */
export default () => ({
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/rounds/:slug',
      handler: 'round.findOne',
      config: { auth: false, policies: [] },
    },
  ],
});
