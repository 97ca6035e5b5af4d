import type { VoteBallotTexts } from './texts.js';

/** English. */
export const en: VoteBallotTexts = {
  title: (roundTitle) => `Vote on the ideas for ${roundTitle}`,
  loading: 'Loading the ballot…',
  notOpenTitle: 'Voting has not started yet',
  notOpen: (date) => `You can vote from ${date}.`,
  closedTitle: 'Voting is closed',
  closed: (date) => `Voting was possible until ${date}.`,
  noVoting: 'There is no vote in this round.',
  district: 'Your district',
  districtPlaceholder: 'Choose your district',
  step: (index, total, name) => `Step ${index} of ${total}: ${name}`,
  steps: { choose: 'Choose', verify: 'Confirm who you are', review: 'Check and vote' },
  howApproval: (min, max) =>
    max === null
      ? `Choose at least ${min} ${min === 1 ? 'proposal' : 'proposals'}.`
      : `Choose ${min === max ? max : `${min} to ${max}`} ${max === 1 ? 'proposal' : 'proposals'}.`,
  howKnapsack: (budget) => `Choose proposals that together cost no more than ${budget}.`,
  howPoints: (points) => `Spread ${points} points over the proposals you find important.`,
  howRanking: (max) =>
    `Choose ${max === null ? 'proposals' : `at most ${max} proposals`} and put them in order: the most important first.`,
  cost: (amount) => `Cost: ${amount}`,
  points: 'Points',
  rank: (rank) => `Place ${rank}`,
  moveUp: 'Up',
  moveDown: 'Down',
  spent: (spent, budget) => `You spend ${spent} of ${budget}.`,
  left: (amount) => `${amount} left.`,
  chosen: (count) => (count === 1 ? '1 proposal chosen.' : `${count} proposals chosen.`),
  pointsLeft: (count) =>
    count === 1 ? '1 point left to spread.' : `${count} points left to spread.`,
  issues: {
    tooFew: (count) => `Choose at least ${count} ${count === 1 ? 'proposal' : 'proposals'}.`,
    tooMany: (count) => `Choose at most ${count} ${count === 1 ? 'proposal' : 'proposals'}.`,
    overBudget: 'The chosen proposals together cost more than the budget.',
    underMinSpend: (percent) => `Spend at least ${percent} of the budget.`,
    pointsTotal: (points) => `Spread exactly ${points} points.`,
    rankSequence: 'Give each chosen proposal its own place: 1, 2, 3 and so on.',
    wrongDistrict: 'You can only vote for proposals in your own district.',
    severalDistricts: 'Choose proposals from one district.',
    other: 'Something about your choice is not right.',
  },
  issuesTitle: 'Your choice is not complete yet',
  next: 'Continue',
  empty: 'There are no proposals to vote on.',
  discuss: 'Read and discuss',
  overBy: (amount) => `You are ${amount} over the budget.`,
  pointsOver: (count) =>
    count === 1 ? 'You gave 1 point too many.' : `You gave ${count} points too many.`,
};
