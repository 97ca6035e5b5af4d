import type { ProposalFormTexts } from './texts.js';

/** English. */
export const en: ProposalFormTexts = {
  title: (roundTitle) => `Your idea for ${roundTitle}`,
  loading: 'Loading the form…',
  intro:
    'Describe your idea in a few sentences. You do not need to make a budget: the council works out the cost.',
  fields: {
    title: 'Title of your idea',
    titleHint: 'Short and clear, for example: Benches in Oosterpark.',
    summary: 'Summary',
    summaryHint: 'One or two sentences that others read first.',
    description: 'Description',
    descriptionHint: 'What do you want, where, and why is it good for the neighbourhood?',
    estimatedCost: (currency) => `Estimated cost (in ${currency})`,
    estimatedCostHint: 'A rough guess is enough, for example 12,000.',
    district: 'District',
    districtPlaceholder: 'Choose a district',
    theme: 'Theme',
    themeNone: 'No theme',
    location: 'Place',
    locationHint: 'A street, square or park.',
    authorName: 'Your name',
    authorNameHint: 'Shown with your idea. You may leave it empty.',
    email: 'Your e-mail address',
    emailHint: 'Not public. Only to tell you what happens to your idea.',
  },
  submit: 'Send idea',
  submitting: 'Sending your idea…',
  draftRestored: 'We restored the draft you started earlier.',
  discardDraft: 'Clear the form',
  draftDiscarded: 'The form has been cleared.',
  notOpenTitle: 'Submitting ideas has not started yet',
  notOpen: (date) => `You can submit ideas from ${date}.`,
  closedTitle: 'Submitting ideas is closed',
  closed: (date) => `Ideas could be submitted until ${date}.`,
  noIdeasPhase: 'This round does not collect ideas from residents.',
  nextPhase: (phase, start, end) => `From ${start} to ${end}: ${phase}.`,
  forbidden: 'Ideas cannot be submitted at the moment.',
  successTitle: 'Thank you! Your idea has been received.',
  successReview: (date, days) =>
    `Council officers check whether your idea is possible and what it costs. You will hear within ${days} days, by ${date}.`,
  successDeliberation: (start, end) =>
    `From ${start} to ${end} everyone can discuss the ideas that pass the check.`,
  successVoting: (start, end) => `From ${start} to ${end} residents vote on the ideas.`,
  successEmail: 'We will send news about your idea to the e-mail address you gave.',
  another: 'Submit another idea',
};
