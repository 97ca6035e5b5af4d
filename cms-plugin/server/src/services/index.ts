import round from './round';
import widgets from './widgets';

export default { round, widgets };
