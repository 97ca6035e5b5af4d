import round from './round';
import voting from './voting';
import widgets from './widgets';

export default { round, voting, widgets };
