/** ETag, Cache-Control, 304 and a short in-process cache on the public reads. */
const READ_CACHE = 'plugin::begroot.read-cache';

/** Public API, served under `/api/begroot/`. No login; phase rules are checked in the controllers. */
export default () => ({
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/rounds/:slug',
      handler: 'round.findOne',
      config: { auth: false, policies: [], middlewares: [READ_CACHE] },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/proposals',
      handler: 'proposal.find',
      config: { auth: false, policies: [], middlewares: [READ_CACHE] },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/proposals',
      handler: 'proposal.create',
      config: { auth: false, policies: [] },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/uploads',
      handler: 'proposal-upload.create',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/proposals/:id',
      handler: 'proposal.findOne',
      config: { auth: false, policies: [], middlewares: [READ_CACHE] },
    },
    {
      method: 'GET',
      path: '/proposals/:id/arguments',
      handler: 'argument.find',
      config: { auth: false, policies: [], middlewares: [READ_CACHE] },
    },
    {
      method: 'POST',
      path: '/proposals/:id/arguments',
      handler: 'argument.create',
      config: { auth: false, policies: [] },
    },
    {
      method: 'POST',
      path: '/arguments/:id/report',
      handler: 'argument.report',
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
    {
      method: 'GET',
      path: '/rounds/:slug/panel',
      handler: 'panel.find',
      config: { auth: false, policies: [], middlewares: [READ_CACHE] },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/panel/draw.json',
      handler: 'panel.drawFile',
      config: { auth: false, policies: [] },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/panel/volunteers',
      handler: 'panel.volunteer',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/results',
      handler: 'results.find',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/ballots.pb',
      handler: 'results.ballots',
      config: { auth: false, policies: [] },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/open-data.zip',
      handler: 'results.openData',
      config: { auth: false, policies: [] },
    },
  ],
});
