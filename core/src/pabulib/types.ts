import { type Rational } from '../counting/rational.js';

/** The ballot formats Pabulib knows. */
export type VoteType = 'approval' | 'cumulative' | 'scoring' | 'ordinal';
export const VOTE_TYPES: readonly VoteType[] = ['approval', 'cumulative', 'scoring', 'ordinal'];

export interface PbProject {
  /** `project_id`, exactly as in the file. */
  id: string;
  /** `cost`, exact. */
  cost: Rational;
  /** Every column of the row as raw text, `project_id` and `cost` included, in `projectColumns` order. */
  fields: Record<string, string>;
  /** 1-based line number in the source file (0 for elections built in code). */
  line: number;
}

export interface PbVote {
  voterId: string;
  /** Project ids in the order of the `vote` column (for ordinal ballots: most preferred first). */
  projects: string[];
  /** The `points` column, one per project (cumulative and scoring ballots), else null. */
  points: number[] | null;
  /** Every column of the row as raw text, in `voteColumns` order. */
  fields: Record<string, string>;
  line: number;
}

/** A parsed Pabulib `.pb` file: nothing in it is dropped. */
export interface PbElection {
  /** Every META key, as text, in file order. */
  meta: Record<string, string>;
  /** META `budget`, exact. */
  budget: Rational;
  voteType: VoteType;
  projectColumns: string[];
  projects: PbProject[];
  voteColumns: string[];
  votes: PbVote[];
  /** Things that look wrong but do not change the election (e.g. `num_votes` differs from the count). */
  warnings: string[];
}

/** A malformed file: the line (1-based) and what was expected there. */
export class PabulibError extends Error {
  readonly line: number;
  readonly expected: string;
  constructor(line: number, expected: string, found?: string) {
    super(
      `line ${line}: expected ${expected}${found === undefined ? '' : `, found ${JSON.stringify(found.length > 60 ? `${found.slice(0, 57)}...` : found)}`}`
    );
    this.name = 'PabulibError';
    this.line = line;
    this.expected = expected;
  }
}
