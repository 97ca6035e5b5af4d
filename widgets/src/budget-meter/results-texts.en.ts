import type { ResultsTexts } from './results-texts.js';

const plural = new Intl.PluralRules('en');

/** English. */
export const en: ResultsTexts = {
  title: (roundTitle) => `Results of ${roundTitle}`,
  districtsLabel: 'Results per district',
  publishedOn: (date) => `The results will be published on ${date}.`,
  notPublished: 'The results have not been published yet.',
  empty: 'There were no proposals on the ballot, so there are no results.',
  cityWide: 'Whole city',
  spent: (spent, left, budget) => `${spent} spent, ${left} left of ${budget}`,
  fundedIn: (district) => `Funded proposals in ${district}`,
  shareOfBudget: (percent) => `${percent} of the budget`,
  noneFunded: 'No proposal was funded in this district.',
  notFunded: (count) =>
    count === 1 ? '1 proposal was not funded.' : `${count} proposals were not funded.`,
  ballotsCounted: (count, formatted) =>
    `Counted: ${formatted} ${plural.select(count) === 'one' ? 'ballot' : 'ballots'}.`,
  loaded: (funded, districts) =>
    `Results loaded: ${funded} ${plural.select(funded) === 'one' ? 'proposal' : 'proposals'} funded in ${districts} ${plural.select(districts) === 'one' ? 'district' : 'districts'}.`,
};
