import type { DiscussionTexts } from './discussion-texts.js';

/** English. */
export const en: DiscussionTexts = {
  columns: { for: 'For', against: 'Against', question: 'Questions' },
  none: {
    for: 'No arguments for yet.',
    against: 'No arguments against yet.',
    question: 'No questions yet.',
  },
  official: 'Official answer from the council',
  repliesLabel: 'Replies',
  postedBy: (name, date) => `${name}, ${date}`,
  reply: 'Reply',
  replyingTo: (name) => `You are replying to ${name}.`,
  cancelReply: 'Do not reply',
  report: 'Report',
  reportConfirm: 'Report this contribution? A moderator will look at it.',
  reportYes: 'Yes, report',
  reportCancel: 'Cancel',
  reported: 'Thank you for your report. A moderator will look at it.',
  formTitle: 'Join the discussion',
  stanceLegend: 'Your contribution is',
  stances: { for: 'an argument for', against: 'an argument against', question: 'a question' },
  body: 'Your contribution',
  bodyHint: 'Be kind and stay on topic.',
  authorName: 'Your name',
  authorNameHint: 'Shown with your contribution.',
  post: 'Post',
  posting: 'Posting your contribution…',
  posted: 'Your contribution has been posted.',
  closed: 'The discussion is closed at the moment.',
  closedOpens: (date) =>
    `You can join the discussion from ${date}. Until then, read the ideas and what others wrote.`,
  closedEnded: (date) =>
    `The discussion ran until ${date}. What was written stays here to read; no new posts can be added.`,
  nextPhase: (phase, start, end) => `From ${start} to ${end}: ${phase}.`,
};
