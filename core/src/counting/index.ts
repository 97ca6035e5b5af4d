export { Rational } from './rational.js';
export {
  type Amount,
  type Election,
  type ElectionBallot,
  type ElectionProject,
  electionFromPabulib,
  toRational,
} from './election.js';
export { compile, type Compiled, type Satisfaction } from './compile.js';
export { type TieBreak } from './tiebreak.js';
export {
  count,
  countCompiled,
  countByDistrict,
  type Completion,
  type CountOptions,
  type DistrictOutcome,
  type DistrictSpec,
  type Outcome,
  type Payment,
  type ProjectExplanation,
  type Rule,
  type UnfundedReason,
} from './count.js';
export { countInWorker, type CountInWorkerOptions, type WorkerInput } from './worker.js';
