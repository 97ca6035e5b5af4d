import round from './round';
import proposal from './proposal';

export default { round, proposal };
