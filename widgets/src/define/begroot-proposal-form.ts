// Side effect: defines <begroot-proposal-form>, unless this page already has it (loaded twice).
import { defineElement } from '../base/define.js';
import { BegrootProposalForm } from '../proposal-form/proposal-form.js';

defineElement('begroot-proposal-form', BegrootProposalForm);

export { BegrootProposalForm };
