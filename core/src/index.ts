export * from './schemas/index.js';
export * from './ballot/index.js';
export * from './order.js';
export * from './panel/index.js';
