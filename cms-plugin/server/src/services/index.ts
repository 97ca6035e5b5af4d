import round from './round';
import proposal from './proposal';
import voting from './voting';
import widgets from './widgets';

export default { round, proposal, voting, widgets };
