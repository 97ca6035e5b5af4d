import type { VoteBallotTexts } from './texts.js';

const plural = new Intl.PluralRules('fr');
const one = (count: number) => plural.select(count) === 'one';
const projects = (count: number) => (one(count) ? 'projet' : 'projets');

/** French (Brussels): formal `vous`, French spacing before `:` and `!`. */
export const fr: VoteBallotTexts = {
  title: (roundTitle) => `Votez pour les idées de ${roundTitle}`,
  loading: 'Chargement du bulletin de vote…',
  notOpenTitle: 'Le vote n’a pas encore commencé',
  notOpen: (date) => `Vous pourrez voter à partir du ${date}.`,
  closedTitle: 'Le vote est clôturé',
  closed: (date) => `Il était possible de voter jusqu’au ${date}.`,
  noVoting: 'Il n’y a pas de vote dans ce budget participatif.',
  district: 'Votre quartier',
  districtPlaceholder: 'Choisissez votre quartier',
  step: (index, total, name) => `Étape ${index} sur ${total}\u00a0: ${name}`,
  steps: { choose: 'Choisir', verify: 'Confirmer votre identité', review: 'Vérifier et voter' },
  howApproval: (min, max) =>
    max === null
      ? `Choisissez au moins ${min} ${projects(min)}.`
      : `Choisissez ${min === max ? max : `de ${min} à ${max}`} ${projects(max)}.`,
  howKnapsack: (budget) =>
    `Choisissez des projets qui, ensemble, ne coûtent pas plus de ${budget}.`,
  howPoints: (points) =>
    `Répartissez ${points} points entre les projets qui vous semblent importants.`,
  howRanking: (max) =>
    `Choisissez ${max === null ? 'des projets' : `au plus ${max} ${projects(max)}`} et classez-les\u00a0: le plus important en premier.`,
  cost: (amount) => `Coût\u00a0: ${amount}`,
  points: 'Points',
  rank: (rank) => `Place ${rank}`,
  moveUp: 'Monter',
  moveDown: 'Descendre',
  spent: (spent, budget) => `Vous dépensez ${spent} sur ${budget}.`,
  left: (amount) => `Il reste ${amount}.`,
  chosen: (count) => (one(count) ? `${count} projet choisi.` : `${count} projets choisis.`),
  pointsLeft: (count) =>
    one(count) ? `Encore ${count} point à répartir.` : `Encore ${count} points à répartir.`,
  issues: {
    tooFew: (count) => `Choisissez au moins ${count} ${projects(count)}.`,
    tooMany: (count) => `Choisissez au plus ${count} ${projects(count)}.`,
    overBudget: 'Ensemble, les projets choisis coûtent plus que le budget.',
    underMinSpend: (percent) => `Dépensez au moins ${percent} du budget.`,
    pointsTotal: (points) => `Répartissez exactement ${points} points.`,
    rankSequence: 'Donnez à chaque projet choisi sa propre place\u00a0: 1, 2, 3, etc.',
    wrongDistrict: 'Vous ne pouvez voter que pour des projets de votre quartier.',
    severalDistricts: 'Choisissez des projets d’un seul quartier.',
    other: 'Quelque chose ne va pas dans votre choix.',
  },
  issuesTitle: 'Votre choix n’est pas encore complet',
  next: 'Continuer',
  empty: 'Il n’y a aucun projet soumis au vote.',
  discuss: 'Lire et discuter',
  overBy: (amount) => `Vous dépassez le budget de ${amount}.`,
  pointsOver: (count) =>
    one(count) ? 'Vous avez donné 1 point de trop.' : `Vous avez donné ${count} points de trop.`,
};
