// Side effect: defines <begroot-vote-ballot>, unless this page already has it (loaded twice).
import { defineElement } from '../base/define.js';
import { BegrootVoteBallot } from '../vote-ballot/vote-ballot.js';

defineElement('begroot-vote-ballot', BegrootVoteBallot);

export { BegrootVoteBallot };
