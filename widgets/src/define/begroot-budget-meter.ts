// Side effect: defines <begroot-budget-meter>, unless this page already has it (loaded twice).
import { defineElement } from '../base/define.js';
import { BegrootBudgetMeter } from '../budget-meter/budget-meter.js';

defineElement('begroot-budget-meter', BegrootBudgetMeter);

export { BegrootBudgetMeter };
