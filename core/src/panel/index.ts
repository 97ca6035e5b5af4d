export { drawPanel, largestRemainder, panelShuffle, SeededStream, stratumKey } from './draw.js';
export { checkPanelDraw, panelPoolHash, type PanelDrawCheck } from './verify.js';
export { sha256, sha256Hex, utf8 } from './sha256.js';
