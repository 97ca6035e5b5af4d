import type { ResultsTexts } from './results-texts.js';

// French counts 0 and 1 as singular.
const plural = new Intl.PluralRules('fr');
const one = (count: number) => plural.select(count) === 'one';

/** French (Brussels): formal `vous`, a no-break space before `:`. */
export const fr: ResultsTexts = {
  title: (roundTitle) => `Résultats de ${roundTitle}`,
  districtsLabel: 'Résultats par quartier',
  publishedOn: (date) => `Les résultats seront publiés le ${date}.`,
  notPublished: 'Les résultats n’ont pas encore été publiés.',
  empty: 'Aucun projet ne figurait sur le bulletin de vote\u00a0: il n’y a donc pas de résultats.',
  cityWide: 'Toute la commune',
  spent: (spent, left, budget) => `${spent} dépensés, reste ${left} sur ${budget}`,
  fundedIn: (district) => `Projets retenus à ${district}`,
  shareOfBudget: (percent) => `${percent} du budget`,
  noneFunded: 'Aucun projet n’a été retenu dans ce quartier.',
  notFunded: (count) =>
    one(count) ? `${count} projet n’a pas été retenu.` : `${count} projets n’ont pas été retenus.`,
  ballotsCounted: (count, formatted) =>
    `Dépouillés\u00a0: ${formatted} ${one(count) ? 'bulletin' : 'bulletins'}.`,
  loaded: (funded, districts) =>
    `Résultats chargés\u00a0: ${funded} ${one(funded) ? 'projet retenu' : 'projets retenus'} dans ${districts} ${one(districts) ? 'quartier' : 'quartiers'}.`,
};
