import { ACTIONS, requires } from '../../utils/permissions';

/**
 * Management routes for officials, served under `/begroot/`: Strapi admin auth (the JWT from
 * `POST /admin/login`) and the plugin's admin actions, checked by Strapi's policies.
 */
export default () => ({
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/rounds',
      handler: 'round-admin.find',
      config: { policies: requires(ACTIONS.manageRounds) },
    },
    {
      method: 'POST',
      path: '/rounds',
      handler: 'round-admin.create',
      config: { policies: requires(ACTIONS.manageRounds) },
    },
    {
      method: 'PUT',
      path: '/rounds/:slug',
      handler: 'round-admin.update',
      config: { policies: requires(ACTIONS.manageRounds) },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/proposals',
      handler: 'proposal-admin.find',
      config: { policies: requires(ACTIONS.reviewProposals) },
    },
    {
      method: 'PATCH',
      path: '/proposals/:id',
      handler: 'proposal-admin.review',
      config: { policies: requires(ACTIONS.reviewProposals) },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/arguments',
      handler: 'argument-admin.find',
      config: { policies: requires(ACTIONS.moderateArguments) },
    },
    {
      method: 'PATCH',
      path: '/arguments/:id',
      handler: 'argument-admin.moderate',
      config: { policies: requires(ACTIONS.moderateArguments) },
    },
    {
      method: 'POST',
      path: '/proposals/:id/answers',
      handler: 'argument-admin.answer',
      config: { policies: requires(ACTIONS.moderateArguments) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/codes',
      handler: 'manage.createCodes',
      config: { policies: requires(ACTIONS.manageCodes) },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/codes',
      handler: 'manage.codeCounts',
      config: { policies: requires(ACTIONS.manageCodes) },
    },
    {
      method: 'POST',
      path: '/codes/:id/void',
      handler: 'manage.voidCode',
      config: { policies: requires(ACTIONS.manageCodes) },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/kiosks',
      handler: 'manage.listKiosks',
      config: { policies: requires(ACTIONS.manageCodes) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/kiosks',
      handler: 'manage.createKiosk',
      config: { policies: requires(ACTIONS.manageCodes) },
    },
    {
      method: 'POST',
      path: '/kiosks/:id/revoke',
      handler: 'manage.revokeKiosk',
      config: { policies: requires(ACTIONS.manageCodes) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/paper-ballots/form',
      handler: 'manage.paperBallotForm',
      config: { policies: requires(ACTIONS.enterPaperBallots) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/paper-ballots',
      handler: 'manage.paperBallot',
      config: { policies: requires(ACTIONS.enterPaperBallots) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/count',
      handler: 'results.count',
      config: { policies: requires(ACTIONS.countResults) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/publish-results',
      handler: 'results.publish',
      config: { policies: requires(ACTIONS.publishResults) },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/participation',
      handler: 'participation.figures',
      config: { policies: requires(ACTIONS.viewParticipation) },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/execution',
      handler: 'execution-admin.find',
      config: { policies: requires(ACTIONS.manageExecution) },
    },
    {
      method: 'PATCH',
      path: '/proposals/:id/execution',
      handler: 'execution-admin.change',
      config: { policies: requires(ACTIONS.manageExecution) },
    },
    {
      method: 'GET',
      path: '/rounds/:slug/panel',
      handler: 'panel-admin.find',
      config: { policies: requires(ACTIONS.managePanel) },
    },
    {
      method: 'PUT',
      path: '/rounds/:slug/panel',
      handler: 'panel-admin.update',
      config: { policies: requires(ACTIONS.managePanel) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/panel/candidates/import',
      handler: 'panel-admin.importCandidates',
      config: { policies: requires(ACTIONS.managePanel) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/panel/close',
      handler: 'panel-admin.close',
      config: { policies: requires(ACTIONS.managePanel) },
    },
    {
      method: 'DELETE',
      path: '/rounds/:slug/panel/candidates/:id',
      handler: 'panel-admin.removeCandidate',
      config: { policies: requires(ACTIONS.managePanel) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/panel/draw',
      handler: 'panel-admin.draw',
      config: { policies: requires(ACTIONS.managePanel) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/panel/void',
      handler: 'panel-admin.voidDraw',
      config: { policies: requires(ACTIONS.managePanel) },
    },
    {
      method: 'POST',
      path: '/rounds/:slug/panel/invitations',
      handler: 'panel-admin.invite',
      config: { policies: requires(ACTIONS.managePanel) },
    },
  ],
});
