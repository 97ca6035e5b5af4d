import type { ProjectTrackerTexts } from './texts.js';

const plural = new Intl.PluralRules('fr');
const one = (count: number) => plural.select(count) === 'one';

/** French (Brussels): formal `vous`, French spacing before `:`. */
export const fr: ProjectTrackerTexts = {
  title: (roundTitle) => `Ce que devient ${roundTitle}`,
  loading: 'Chargement des projets…',
  district: 'Quartier',
  allDistricts: 'Tous les quartiers',
  fundedTitle: 'Projets retenus',
  otherTitle: 'Autres idées',
  summary: (count, granted, spent) =>
    `${count} ${one(count) ? 'projet retenu' : 'projets retenus'}\u00a0: ${granted} accordés, ${spent} dépensés.`,
  statusCounts: (counts) =>
    [
      counts.completed
        ? `${counts.completed} ${one(counts.completed) ? 'terminé' : 'terminés'}`
        : '',
      counts.in_progress ? `${counts.in_progress} en cours` : '',
      counts.planned ? `${counts.planned} ${one(counts.planned) ? 'planifié' : 'planifiés'}` : '',
      counts.funded
        ? `${counts.funded} pas encore ${one(counts.funded) ? 'commencé' : 'commencés'}`
        : '',
    ]
      .filter(Boolean)
      .join(', ') + '.',
  noneFunded: 'Aucun projet n’a encore été retenu.',
  noneFundedIn: (district) => `Aucun projet n’a (encore) été retenu dans le quartier ${district}.`,
  noneOther: 'Il n’y a pas d’autres idées à afficher.',
  districtNotFound: (slug) =>
    `Le quartier «\u00a0${slug}\u00a0» ne fait pas partie de ce budget participatif.`,
  cityWide: 'Toute la ville',
  statuses: {
    submitted: 'Déposée',
    in_review: 'En cours d’examen',
    admitted: 'Pas encore décidé',
    rejected: 'Refusée',
    merged: 'Fusionnée',
    funded: 'Retenu, pas encore commencé',
    not_funded: 'Non retenu',
    planned: 'Planifié',
    in_progress: 'En cours',
    completed: 'Terminé',
  },
  progress: (percent) => `${percent} réalisé`,
  spentOf: (spent, granted) => `${spent} dépensés sur ${granted}`,
  granted: (amount) => `Accordé\u00a0: ${amount}`,
  overspent: (amount) => `${amount} de plus que le montant accordé.`,
  updatesLabel: (project) => `Nouvelles de ${project}`,
  olderUpdates: (count) =>
    `${count} ${one(count) ? 'nouvelle précédente' : 'nouvelles précédentes'}`,
  noReason: 'La commune n’a pas donné d’explication.',
  mergedInto: (title) => `Fusionnée avec «\u00a0${title}\u00a0».`,
  mergedElsewhere: 'Fusionnée avec une autre proposition.',
  awaitingReview: (count) =>
    one(count)
      ? 'Encore 1 idée attend l’examen de la commune.'
      : `Encore ${count} idées attendent l’examen de la commune.`,
  loaded: (funded, other) =>
    `${funded} ${one(funded) ? 'projet retenu' : 'projets retenus'}` +
    (other === null ? '.' : `, ${other} ${one(other) ? 'autre idée' : 'autres idées'}.`),
};
