export { parsePabulib } from './parse.js';
export { writePabulib } from './write.js';
export {
  PabulibError,
  VOTE_TYPES,
  type PbElection,
  type PbProject,
  type PbVote,
  type VoteType,
} from './types.js';
