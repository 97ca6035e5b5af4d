export * from './schemas/index.js';
export * from './ballot/index.js';
