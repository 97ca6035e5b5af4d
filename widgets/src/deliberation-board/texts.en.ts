import type { DeliberationBoardTexts } from './texts.js';

/** English. */
export const en: DeliberationBoardTexts = {
  title: (roundTitle) => `Discuss the ideas for ${roundTitle}`,
  loading: 'Loading the ideas…',
  loaded: (count) => (count === 1 ? '1 idea loaded.' : `${count} ideas loaded.`),
  orderNote: 'The order is random, so no idea gets an edge. It stays the same for you.',
  filters: 'Filter ideas',
  district: 'District',
  allDistricts: 'All districts',
  theme: 'Theme',
  allThemes: 'All themes',
  empty: 'There are no ideas to discuss yet.',
  emptyFiltered: 'There are no ideas for this choice.',
  proposalNotFound: 'This idea does not exist (any more).',
  showAll: 'Show all ideas',
  moreProposals: 'Show more ideas',
  estimatedCost: (amount) => `Estimated cost: ${amount}`,
  officialCost: (amount) => `Cost according to the council: ${amount}`,
  counts: (c) =>
    `${c.for} for, ${c.against} against, ${c.question} ${c.question === 1 ? 'question' : 'questions'}`,
  showArguments: 'Show arguments',
  hideArguments: 'Hide arguments',
  argumentsLoading: 'Loading the arguments…',
  argumentsLoaded: (count) =>
    count === 1 ? '1 contribution loaded.' : `${count} contributions loaded.`,
};
