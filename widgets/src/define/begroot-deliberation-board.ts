// Side effect: defines <begroot-deliberation-board>, unless this page already has it (loaded twice).
import { defineElement } from '../base/define.js';
import { BegrootDeliberationBoard } from '../deliberation-board/deliberation-board.js';

defineElement('begroot-deliberation-board', BegrootDeliberationBoard);

export { BegrootDeliberationBoard };
