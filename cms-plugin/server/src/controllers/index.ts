import manage from './manage';
import round from './round';
import voting from './voting';
import widgets from './widgets';

export default { manage, round, voting, widgets };
