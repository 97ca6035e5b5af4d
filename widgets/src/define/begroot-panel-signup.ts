// Side effect: defines <begroot-panel-signup>, unless this page already has it (loaded twice).
import { defineElement } from '../base/define.js';
import { BegrootPanelSignup } from '../panel-signup/panel-signup.js';

defineElement('begroot-panel-signup', BegrootPanelSignup);

export { BegrootPanelSignup };
