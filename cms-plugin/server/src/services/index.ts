import round from './round';
import proposal from './proposal';
import widgets from './widgets';

export default { round, proposal, widgets };
