import round from './round';
import proposal from './proposal';
import results from './results';
import voting from './voting';
import widgets from './widgets';

export default { round, proposal, results, voting, widgets };
