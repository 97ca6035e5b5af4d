import type { RoundTimelineTexts } from './texts.js';

const plural = new Intl.PluralRules('en');

/** English. */
export const en: RoundTimelineTexts = {
  title: (roundTitle) => `How ${roundTitle} works`,
  loading: 'Loading the schedule…',
  stepsLabel: 'Steps of the round',
  empty: 'The schedule of this round has not been announced yet.',
  names: {
    ideas: 'Submitting ideas',
    review: 'Review',
    deliberation: 'Discussion',
    voting: 'Voting',
    results: 'Results',
    execution: 'Carrying out',
  },
  now: {
    ideas: 'Do you have an idea for your neighbourhood? Submit it now.',
    review: 'The city is now checking whether the ideas are feasible and what they cost.',
    deliberation: 'Read the proposals and give your arguments for or against.',
    voting: 'Choose the proposals you find most important.',
    results: 'The results are in: see which proposals were chosen.',
    execution: 'The chosen proposals are being carried out: follow their progress.',
  },
  about: {
    ideas: 'Residents submit ideas.',
    review: 'The city checks whether the ideas are feasible and what they cost.',
    deliberation: 'Residents discuss the proposals.',
    voting: 'Residents choose the proposals that will be carried out.',
    results: 'The results are published.',
    execution: 'The chosen proposals are carried out.',
  },
  links: {
    ideas: 'Submit an idea',
    review: 'See the submitted ideas',
    deliberation: 'Discuss the proposals',
    voting: 'Go to the ballot',
    results: 'See the results',
    execution: 'Follow the progress',
  },
  state: { done: 'Done', current: 'Now open', upcoming: 'Coming up' },
  dates: (start, end) => `${start} – ${end}`,
  opensIn: (relative) => `Opens ${relative}`,
  closesIn: (relative) => `Closes ${relative}`,
  closedOn: (date) => `Closed on ${date}`,
  closedEarlyOn: (date) => `Closed early, on ${date}`,
  summaryNow: (phase) => `Now: ${phase}.`,
  summaryNext: (phase, relative) => `Next step: ${phase}, opens ${relative}.`,
  summaryDone: 'Every step of this round is done.',
  loaded: (steps) =>
    `Schedule loaded: ${steps} ${plural.select(steps) === 'one' ? 'step' : 'steps'}.`,
};
