import manage from './manage';
import round from './round';
import roundAdmin from './round-admin';
import proposal from './proposal';
import proposalAdmin from './proposal-admin';
import results from './results';
import voting from './voting';
import widgets from './widgets';

export default {
  round,
  'round-admin': roundAdmin,
  proposal,
  'proposal-admin': proposalAdmin,
  manage,
  results,
  voting,
  widgets,
};
