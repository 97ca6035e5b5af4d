import readCache from './read-cache';

export default { 'read-cache': readCache };
