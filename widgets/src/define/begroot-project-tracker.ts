// Side effect: defines <begroot-project-tracker>, unless this page already has it (loaded twice).
import { defineElement } from '../base/define.js';
import { BegrootProjectTracker } from '../project-tracker/project-tracker.js';

defineElement('begroot-project-tracker', BegrootProjectTracker);

export { BegrootProjectTracker };
