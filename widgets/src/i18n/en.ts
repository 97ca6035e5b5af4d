import type { Messages } from './messages.js';

const plural = new Intl.PluralRules('en');

/** English. */
export const en: Messages = {
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    requestFailed: {
      network: 'The server cannot be reached. Please check your internet connection.',
      notFound: 'This budgeting round does not exist (any more).',
      server: 'The server could not provide the data just now.',
      invalidResponse: 'The server sent an answer we could not read.',
      configuration: (attribute) =>
        `This component is not set up correctly: the ${attribute} attribute is missing or wrong.`,
    },
  },
  budgetMeter: {
    regionLabel: (roundTitle) => `Budget for ${roundTitle}`,
    loading: 'Loading the budget…',
    totalLabel: 'Total budget',
    districtsLabel: 'Budget per district',
    shareOfTotal: (percent) => `${percent} of the total`,
    noDistricts: 'This round has no budget per district.',
    districtNotFound: (district) => `The district ‘${district}’ is not part of this round.`,
    loaded: (total, count) =>
      `Budget loaded: ${total} across ${count} ${plural.select(count) === 'one' ? 'district' : 'districts'}.`,
    loadedDistrict: (name, amount) => `Budget for ${name} loaded: ${amount}.`,
  },
};
