/**
 * Stable codes of the problems core's own refinements find, in each zod issue's `params.code`
 * and in the `code` of Strapi's `details.errors` entries. Widgets and the admin translate these
 * (never the English `message`, which may be reworded). Problems found by zod's own checks keep
 * zod's codes: `too_small` / `too_big` (with `minimum` / `maximum`), `invalid_format`,
 * `invalid_type`, `invalid_value`.
 */
export const ISSUE_CODES = {
  /** Text with control characters other than tab and newline. */
  controlCharacters: 'begroot.text.controlCharacters',
  /** Text with HTML markup. */
  markup: 'begroot.text.markup',
  /** A line break where one line is expected (names, titles). */
  oneLine: 'begroot.text.oneLine',
  /** An amount with more than two decimals. */
  amountDecimals: 'begroot.amount.decimals',
  /** A proposal without the cost estimate its round requires. */
  costRequired: 'begroot.proposal.costRequired',
  /** A rejection without a public reason. */
  rejectionReasonRequired: 'begroot.review.reasonRequired',
  /** A merge without the proposal it is merged into. */
  mergeTargetRequired: 'begroot.review.mergeTargetRequired',
  /** A public title for a proposal that is not (being) rejected. */
  publicTitleOnlyRejected: 'begroot.review.publicTitleOnlyRejected',
  /** A phase that does not end after it starts. */
  phaseEndsBeforeStart: 'begroot.phase.endsBeforeStart',
  /** Voting settings whose maximum number of selections is below the minimum. */
  maxSelectionsBelowMin: 'begroot.voting.maxBelowMin',
  /** Points given for a method other than points, or missing for points. */
  pointsMismatch: 'begroot.voting.pointsMismatch',
  /** Something other than a bare web origin. */
  invalidOrigin: 'begroot.origin.invalid',
  duplicatePhase: 'begroot.round.duplicatePhase',
  duplicateDistrict: 'begroot.round.duplicateDistrict',
  duplicateNeighbourhood: 'begroot.round.duplicateNeighbourhood',
  duplicateTheme: 'begroot.round.duplicateTheme',
  /** An execution change that changes nothing. */
  nothingToChange: 'begroot.execution.nothingToChange',
  /** An execution change with a public reason but no status change. */
  reasonWithoutStatus: 'begroot.execution.reasonWithoutStatus',
  /** Voting settings that ask the age band without listing the bands. */
  ageBandsMissing: 'begroot.voting.ageBandsMissing',
  duplicateAgeBand: 'begroot.voting.duplicateAgeBand',
  /** A district's population figures for an age band the voting settings do not list. */
  unknownAgeBand: 'begroot.round.unknownAgeBand',
  /** A district with its own voting or counting rules in a round whose voters vote in all districts. */
  districtRulesNeedOneDistrict: 'begroot.round.districtRulesNeedOneDistrict',
} as const;

export type IssueCode = (typeof ISSUE_CODES)[keyof typeof ISSUE_CODES];

/** The begroot code of a zod issue (`params.code`), if it has one. */
export function issueCode(issue: object): IssueCode | undefined {
  const code = (issue as { params?: { code?: unknown } }).params?.code;
  return typeof code === 'string' && Object.values<string>(ISSUE_CODES).includes(code)
    ? (code as IssueCode)
    : undefined;
}
