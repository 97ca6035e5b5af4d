/**
 * Admin actions of the plugin (Settings → Roles), so a city can give the content team, the
 * reviewing officials and the election officials different rights. Each becomes
 * `plugin::begroot.<uid>`.
 */
export const VOTING_ACTIONS = [
  {
    uid: 'codes.manage',
    displayName: 'Create, count and void voting codes',
    subCategory: 'voting',
  },
  { uid: 'paper-ballots.create', displayName: 'Enter paper ballots', subCategory: 'voting' },
  { uid: 'results.count', displayName: 'Count the votes', subCategory: 'results' },
  { uid: 'results.publish', displayName: 'Publish results', subCategory: 'results' },
] as const;

export type VotingAction = `plugin::begroot.${(typeof VOTING_ACTIONS)[number]['uid']}`;

/** The route policy that lets through only admins with the action. */
export const requires = (action: VotingAction) => ({
  name: 'admin::hasPermissions',
  config: { actions: [action] },
});
