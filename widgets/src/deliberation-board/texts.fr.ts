import type { DeliberationBoardTexts } from './texts.js';

const plural = new Intl.PluralRules('fr');
const one = (count: number) => plural.select(count) === 'one';

/** French (Brussels): formal `vous`, French spacing before `:`, `?` and `!`. */
export const fr: DeliberationBoardTexts = {
  title: (roundTitle) => `Discutez des idées pour ${roundTitle}`,
  loading: 'Chargement des idées…',
  loaded: (count) => (one(count) ? `${count} idée chargée.` : `${count} idées chargées.`),
  orderNote:
    'L’ordre est aléatoire, pour qu’aucune idée ne soit avantagée. Il reste le même pour vous.',
  filters: 'Filtrer les idées',
  district: 'Quartier',
  allDistricts: 'Tous les quartiers',
  theme: 'Thème',
  allThemes: 'Tous les thèmes',
  empty: 'Il n’y a pas encore d’idées à discuter.',
  emptyFiltered: 'Il n’y a pas d’idées pour ce choix.',
  proposalNotFound: 'Cette idée n’existe pas (ou plus).',
  showAll: 'Afficher toutes les idées',
  moreProposals: 'Afficher plus d’idées',
  estimatedCost: (amount) => `Coût estimé\u00a0: ${amount}`,
  officialCost: (amount) => `Coût selon la commune\u00a0: ${amount}`,
  counts: (c) =>
    `${c.for} pour, ${c.against} contre, ${c.question} ${one(c.question) ? 'question' : 'questions'}`,
  showArguments: 'Afficher les arguments',
  hideArguments: 'Masquer les arguments',
  argumentsLoading: 'Chargement des arguments…',
  argumentsLoaded: (count) =>
    one(count) ? `${count} contribution chargée.` : `${count} contributions chargées.`,
};
