import { PLUGIN_ID } from './constants';

/**
 * The plugin's admin actions (Settings → Roles → Plugins → Begroot), so a city can give its
 * content team and its reviewing officials different rights.
 */
export const ACTIONS = {
  /** Create, change and list rounds (the round document). */
  manageRounds: `plugin::${PLUGIN_ID}.rounds.manage`,
  /** The review queue: every proposal with contact details; status, official cost, reasons. */
  reviewProposals: `plugin::${PLUGIN_ID}.proposals.review`,
  /** Hide and restore arguments; post official answers. */
  moderateArguments: `plugin::${PLUGIN_ID}.arguments.moderate`,
  /** Create, count, void and reissue voting codes. */
  manageCodes: `plugin::${PLUGIN_ID}.codes.manage`,
  /** Enter paper ballots with the letter's code. */
  enterPaperBallots: `plugin::${PLUGIN_ID}.paper-ballots.create`,
  /** Run the count (not published). */
  countResults: `plugin::${PLUGIN_ID}.results.count`,
  /** Publish the results and the anonymous ballots. */
  publishResults: `plugin::${PLUGIN_ID}.results.publish`,
  /** Execution of funded proposals: status, progress, money spent, public updates. */
  manageExecution: `plugin::${PLUGIN_ID}.execution.manage`,
  /** Participation figures: votes and proposals over time, per district and age band. */
  viewParticipation: `plugin::${PLUGIN_ID}.participation.view`,
  /** The citizens' panel: pool with contact details, import, seats and seed, draw, invitations. */
  managePanel: `plugin::${PLUGIN_ID}.panel.manage`,
} as const;

export const ADMIN_ACTIONS = [
  { uid: 'rounds.manage', displayName: 'Manage rounds' },
  { uid: 'proposals.review', displayName: 'Review proposals' },
  { uid: 'arguments.moderate', displayName: 'Moderate arguments and answer officially' },
  { uid: 'codes.manage', displayName: 'Create, count and void voting codes' },
  { uid: 'paper-ballots.create', displayName: 'Enter paper ballots' },
  { uid: 'results.count', displayName: 'Count the votes' },
  { uid: 'results.publish', displayName: 'Publish results' },
  { uid: 'execution.manage', displayName: 'Report on the execution of funded proposals' },
  { uid: 'participation.view', displayName: 'See participation figures' },
  { uid: 'panel.manage', displayName: "Run the citizens' panel draw" },
].map((action) => ({ section: 'plugins', pluginName: PLUGIN_ID, ...action }));

/** Policies of an admin route: an authenticated admin whose role has `action`. */
export const requires = (action: string) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [action] } },
];
