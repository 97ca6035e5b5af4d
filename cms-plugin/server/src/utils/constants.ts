export const PLUGIN_ID = 'begroot';

export const ROUND_UID = 'plugin::begroot.round' as const;
export const PROPOSAL_UID = 'plugin::begroot.proposal' as const;
export const ARGUMENT_UID = 'plugin::begroot.argument' as const;
