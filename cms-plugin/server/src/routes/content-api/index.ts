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
    {
      method: 'POST',
      path: '/rounds/:slug/verifications',
      handler: 'voting.verify',
      config: { auth: false, policies: [] },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/ballots',
      handler: 'voting.cast',
      config: { auth: false, policies: [] },
    },
  ],
});
