import type { RoundTimelineTexts } from './texts.js';

const plural = new Intl.PluralRules('fr');

/** French (Brussels): formal `vous`, French spacing before `:`. */
export const fr: RoundTimelineTexts = {
  title: (roundTitle) => `Le déroulement de ${roundTitle}`,
  loading: 'Chargement du calendrier…',
  stepsLabel: 'Étapes du budget participatif',
  empty: 'Le calendrier de ce budget participatif n’est pas encore connu.',
  names: {
    ideas: 'Dépôt des idées',
    review: 'Examen',
    deliberation: 'Discussion',
    voting: 'Vote',
    results: 'Résultats',
    execution: 'Réalisation',
  },
  now: {
    ideas: 'Vous avez une idée pour votre quartier\u202f? Déposez-la maintenant.',
    review: 'La commune examine maintenant si les idées sont réalisables et ce qu’elles coûtent.',
    deliberation: 'Lisez les projets et donnez vos arguments pour ou contre.',
    voting: 'Choisissez les projets qui vous semblent les plus importants.',
    results: 'Les résultats sont connus\u00a0: découvrez les projets retenus.',
    execution: 'Les projets retenus sont en cours de réalisation\u00a0: suivez leur avancement.',
  },
  about: {
    ideas: 'Les habitants déposent leurs idées.',
    review: 'La commune examine si les idées sont réalisables et ce qu’elles coûtent.',
    deliberation: 'Les habitants discutent des projets.',
    voting: 'Les habitants choisissent les projets qui seront réalisés.',
    results: 'Les résultats sont publiés.',
    execution: 'Les projets retenus sont réalisés.',
  },
  links: {
    ideas: 'Déposer une idée',
    review: 'Voir les idées déposées',
    deliberation: 'Discuter des projets',
    voting: 'Aller au bulletin de vote',
    results: 'Voir les résultats',
    execution: 'Suivre la réalisation',
  },
  state: { done: 'Terminé', current: 'En cours', upcoming: 'À venir' },
  dates: (start, end) => `${start} – ${end}`,
  opensIn: (relative) => `Commence ${relative}`,
  closesIn: (relative) => `Se termine ${relative}`,
  closedOn: (date) => `Clôturé le ${date}`,
  closedEarlyOn: (date) => `Clôturé plus tôt, le ${date}`,
  summaryNow: (phase) => `En ce moment\u00a0: ${phase}.`,
  summaryNext: (phase, relative) => `Prochaine étape\u00a0: ${phase}, commence ${relative}.`,
  summaryDone: 'Toutes les étapes de ce budget participatif sont terminées.',
  loaded: (steps) =>
    `Calendrier chargé\u00a0: ${steps} ${plural.select(steps) === 'one' ? 'étape' : 'étapes'}.`,
};
