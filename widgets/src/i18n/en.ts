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
      rateLimited: 'Too many requests are coming in right now. Please try again in a few minutes.',
    },
    phases: {
      ideas: 'submitting ideas',
      review: 'review',
      deliberation: 'discussion',
      voting: 'voting',
      results: 'the results',
      execution: 'carrying out',
    },
    optional: '(optional)',
    charactersLeft: (count) =>
      `${count} ${plural.select(count) === 'one' ? 'character' : 'characters'} left`,
    charactersTooMany: (count) =>
      `${count} ${plural.select(count) === 'one' ? 'character' : 'characters'} too many`,
    errorSummaryTitle: 'There is a problem',
    errorCount: (count) =>
      count === 1 ? 'The form has 1 problem.' : `The form has ${count} problems.`,
    honeypotLabel: 'Leave this field empty',
    fieldErrors: {
      required: 'Fill in this field.',
      minLength: (count) => `Write at least ${count} characters.`,
      maxLength: (count) => `Write at most ${count} characters.`,
      oneLine: 'Keep this on one line.',
      noMarkup: 'Write plain text, without HTML.',
      controlCharacters: 'Remove the invisible control characters from this text.',
      email: 'Enter a valid e-mail address, or leave this field empty.',
      choose: 'Make a choice.',
      amount: 'Enter an amount, such as 12,000.',
      amountNegative: 'An amount cannot be negative.',
      amountTooBig: (max) => `The amount cannot be more than ${max}.`,
      amountDecimals: 'Use at most two decimals.',
      tooShort: 'This text is too short. Please write a little more.',
      tooLong: 'This text is too long. Please shorten it.',
      invalid: 'This is not quite right. Please check what you entered.',
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
    ballotTitle: 'Your budget',
    spentLabel: 'Spent',
    leftLabel: 'Left',
    overLabel: 'Over',
    ballotWaiting: 'Choose proposals on the ballot; you will see here what you spend.',
    ballotStatus: (spent, left, budget) => `${spent} spent, ${left} left of ${budget}.`,
    ballotStatusOver: (spent, over, budget) =>
      `${spent} spent, ${over} over the budget of ${budget}.`,
    overBy: (amount) => `Note: you are ${amount} over the budget.`,
    nearLimit: (amount) => `Almost spent: ${amount} left.`,
    resultsLoading: 'Loading the results…',
  },
};
