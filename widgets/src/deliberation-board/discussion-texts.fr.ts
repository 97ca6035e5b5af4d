import type { DiscussionTexts } from './discussion-texts.js';

/** French (Brussels): formal `vous`, French spacing before `:`, `?` and `!`. */
export const fr: DiscussionTexts = {
  columns: { for: 'Pour', against: 'Contre', question: 'Questions' },
  none: {
    for: 'Pas encore d’arguments pour.',
    against: 'Pas encore d’arguments contre.',
    question: 'Pas encore de questions.',
  },
  official: 'Réponse officielle de la commune',
  repliesLabel: 'Réponses',
  postedBy: (name, date) => `${name}, ${date}`,
  reply: 'Répondre',
  replyingTo: (name) => `Vous répondez à ${name}.`,
  cancelReply: 'Ne pas répondre',
  report: 'Signaler',
  reportConfirm: 'Signaler cette contribution\u202f? Un modérateur l’examinera.',
  reportYes: 'Oui, signaler',
  reportCancel: 'Annuler',
  reported: 'Merci pour votre signalement. Un modérateur va l’examiner.',
  formTitle: 'Participez à la discussion',
  stanceLegend: 'Votre contribution est',
  stances: { for: 'un argument pour', against: 'un argument contre', question: 'une question' },
  body: 'Votre contribution',
  bodyHint: 'Restez courtois et dans le sujet.',
  authorName: 'Votre nom',
  authorNameHint: 'Affiché avec votre contribution.',
  post: 'Publier',
  posting: 'Publication de votre contribution…',
  posted: 'Votre contribution a été publiée.',
  closed: 'La discussion est fermée pour le moment.',
  closedOpens: (date) =>
    `Vous pourrez participer à la discussion à partir du ${date}. D’ici là, lisez les idées et les contributions.`,
  closedEnded: (date) =>
    `La discussion était ouverte jusqu’au ${date}. Les contributions restent lisibles\u00a0; il n’est plus possible d’en ajouter.`,
  nextPhase: (phase, start, end) => `Du ${start} au ${end}\u00a0: ${phase}.`,
};
