import round from './round';
import proposal from './proposal';
import argument from './argument';
import rateLimit from './rate-limit';
import cors from './cors';
import readCache from './read-cache';
import results from './results';
import voting from './voting';
import widgets from './widgets';
import execution from './execution';

export default {
  round,
  proposal,
  argument,
  'rate-limit': rateLimit,
  cors,
  'read-cache': readCache,
  results,
  voting,
  widgets,
  execution,
};
