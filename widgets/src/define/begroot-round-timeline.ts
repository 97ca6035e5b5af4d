// Side effect: defines <begroot-round-timeline>, unless this page already has it (loaded twice).
import { defineElement } from '../base/define.js';
import { BegrootRoundTimeline } from '../round-timeline/round-timeline.js';

defineElement('begroot-round-timeline', BegrootRoundTimeline);

export { BegrootRoundTimeline };
