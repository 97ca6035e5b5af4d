export * from './primitives.js';
export * from './round.js';
export * from './error.js';
