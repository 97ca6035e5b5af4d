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
} as const;

export const ADMIN_ACTIONS = [
  { uid: 'rounds.manage', displayName: 'Manage rounds' },
  { uid: 'proposals.review', displayName: 'Review proposals' },
  { uid: 'arguments.moderate', displayName: 'Moderate arguments and answer officially' },
].map((action) => ({ section: 'plugins', pluginName: PLUGIN_ID, ...action }));

/** Policies of an admin route: an authenticated admin whose role has `action`. */
export const requires = (action: string) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [action] } },
];
