/**
 * The plugin's admin actions (registered by the server in `utils/permissions.ts`) and what the
 * pages show for them: a city gives its content team and its reviewing officials different rights.
 */
export const ACTIONS = {
  manageRounds: 'plugin::begroot.rounds.manage',
  reviewProposals: 'plugin::begroot.proposals.review',
  moderateArguments: 'plugin::begroot.arguments.moderate',
  manageCodes: 'plugin::begroot.codes.manage',
  enterPaperBallots: 'plugin::begroot.paper-ballots.create',
  countResults: 'plugin::begroot.results.count',
  publishResults: 'plugin::begroot.results.publish',
  manageExecution: 'plugin::begroot.execution.manage',
  viewParticipation: 'plugin::begroot.participation.view',
  managePanel: 'plugin::begroot.panel.manage',
} as const;

export type Right = keyof typeof ACTIONS;

export type Rights = Record<Right, boolean>;

/** A permission as Strapi's admin holds it for the signed-in user. */
export type HeldPermission = { action: string; subject?: string | null };

/** Which of the plugin's rights the user holds. */
export function rightsOf(permissions: readonly HeldPermission[] | undefined): Rights {
  const held = new Set((permissions ?? []).map((permission) => permission.action));
  return Object.fromEntries(
    (Object.keys(ACTIONS) as Right[]).map((right) => [right, held.has(ACTIONS[right])])
  ) as Rights;
}

/** The menu link shows for anyone holding at least one of the plugin's rights. */
export const MENU_PERMISSIONS = Object.values(ACTIONS).map((action) => ({
  action,
  subject: null,
}));

export type Section =
  | 'rounds'
  | 'review'
  | 'moderation'
  | 'voting'
  | 'results'
  | 'execution'
  | 'participation'
  | 'panel';

/** A section opens for anyone holding one of its rights; each action inside checks its own. */
const NEEDS: Record<Section, readonly Right[]> = {
  rounds: ['manageRounds'],
  review: ['reviewProposals'],
  moderation: ['moderateArguments'],
  voting: ['manageCodes', 'enterPaperBallots'],
  results: ['countResults', 'publishResults'],
  execution: ['manageExecution'],
  participation: ['viewParticipation'],
  panel: ['managePanel'],
};

export function canOpen(rights: Rights, section: Section): boolean {
  return NEEDS[section].some((right) => rights[right]);
}

/** The sections a user may open, in menu order. */
export function sectionsFor(rights: Rights): Section[] {
  return (Object.keys(NEEDS) as Section[]).filter((section) => canOpen(rights, section));
}
