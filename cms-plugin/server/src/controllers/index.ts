import manage from './manage';
import round from './round';
import roundAdmin from './round-admin';
import proposal from './proposal';
import proposalAdmin from './proposal-admin';
import proposalUpload from './proposal-upload';
import argument from './argument';
import argumentAdmin from './argument-admin';
import results from './results';
import voting from './voting';
import widgets from './widgets';
import participation from './participation';
import executionAdmin from './execution-admin';
import panel from './panel';
import panelAdmin from './panel-admin';

export default {
  round,
  'round-admin': roundAdmin,
  proposal,
  'proposal-admin': proposalAdmin,
  'proposal-upload': proposalUpload,
  argument,
  'argument-admin': argumentAdmin,
  manage,
  results,
  voting,
  widgets,
  participation,
  'execution-admin': executionAdmin,
  panel,
  'panel-admin': panelAdmin,
};
