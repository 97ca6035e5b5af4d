import round from './round';
import proposal from './proposal';
import argument from './argument';

export default { round, proposal, argument };
