import round from './round';
import proposal from './proposal';
import proposalUpload from './proposal-upload';
import argument from './argument';
import rateLimit from './rate-limit';
import cors from './cors';
import readCache from './read-cache';
import results from './results';
import voting from './voting';
import widgets from './widgets';
import notify from './notify';
import participation from './participation';
import execution from './execution';
import panel from './panel';

export default {
  round,
  proposal,
  'proposal-upload': proposalUpload,
  argument,
  'rate-limit': rateLimit,
  cors,
  'read-cache': readCache,
  results,
  voting,
  widgets,
  notify,
  participation,
  execution,
  panel,
};
