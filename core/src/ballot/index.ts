export * from './ballot.js';
