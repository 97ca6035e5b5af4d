export * from './primitives.js';
export * from './text.js';
export * from './phase.js';
export * from './round.js';
export * from './round-document.js';
export * from './proposal.js';
export * from './argument.js';
export * from './error.js';
