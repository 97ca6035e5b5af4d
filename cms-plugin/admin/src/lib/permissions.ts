/**
 * The plugin's admin actions (registered by the server in `utils/permissions.ts`) and what the
 * pages show for them: a city gives its content team and its reviewing officials different rights.
 */
export const ACTIONS = {
  manageRounds: 'plugin::begroot.rounds.manage',
  reviewProposals: 'plugin::begroot.proposals.review',
  moderateArguments: 'plugin::begroot.arguments.moderate',
} as const;

export type Right = keyof typeof ACTIONS;

export type Rights = Record<Right, boolean>;

/** A permission as Strapi's admin holds it for the signed-in user. */
export type HeldPermission = { action: string; subject?: string | null };

/** Which of the plugin's rights the user holds. */
export function rightsOf(permissions: readonly HeldPermission[] | undefined): Rights {
  const held = new Set((permissions ?? []).map((permission) => permission.action));
  return {
    manageRounds: held.has(ACTIONS.manageRounds),
    reviewProposals: held.has(ACTIONS.reviewProposals),
    moderateArguments: held.has(ACTIONS.moderateArguments),
  };
}

/** The menu link shows for anyone holding at least one of the plugin's rights. */
export const MENU_PERMISSIONS = Object.values(ACTIONS).map((action) => ({
  action,
  subject: null,
}));

export type Section = 'rounds' | 'review' | 'moderation';

const NEEDS: Record<Section, Right> = {
  rounds: 'manageRounds',
  review: 'reviewProposals',
  moderation: 'moderateArguments',
};

export function canOpen(rights: Rights, section: Section): boolean {
  return rights[NEEDS[section]];
}

/** The sections a user may open, in menu order. */
export function sectionsFor(rights: Rights): Section[] {
  return (Object.keys(NEEDS) as Section[]).filter((section) => canOpen(rights, section));
}
