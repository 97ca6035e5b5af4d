// The value lists behind the schemas' enums, in a module without schemas: the widgets' light
// checks (light.ts) use them without pulling the full schemas into a page's shared code.
// Each list is exported from the module of its schema as before.

/** The stages a round moves through; a round may skip some. */
export const PHASE_KINDS = [
  'ideas',
  'review',
  'deliberation',
  'voting',
  'results',
  'execution',
] as const;

export const PROPOSAL_STATUSES = [
  'submitted',
  'in_review',
  'admitted',
  'rejected',
  'merged',
  'funded',
  'not_funded',
  'planned',
  'in_progress',
  'completed',
] as const;

export const STANCES = ['for', 'against', 'question'] as const;

/** Fields of the proposal form a round may show besides title, description and district. */
export const OPTIONAL_PROPOSAL_FIELDS = ['summary', 'theme', 'location', 'image'] as const;

export const VOTING_METHODS = ['approval', 'knapsack', 'points', 'ranking'] as const;

export const COUNTING_RULES = ['greedy', 'mes'] as const;
export const SATISFACTIONS = ['cost', 'cardinality'] as const;
export const COMPLETIONS = ['none', 'add1', 'add1-exhaustive-stop', 'add1u'] as const;
export const TIE_BREAKS = ['id', 'cost-votes'] as const;

export const VERIFICATION_METHODS = ['code', 'email', 'open'] as const;
