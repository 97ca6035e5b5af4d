import round from './round';
import proposal from './proposal';
import argument from './argument';
import widgets from './widgets';

export default { round, proposal, argument, widgets };
