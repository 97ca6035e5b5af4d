import type { Stance } from '@begroot/core';
import type { Catalogue } from '../i18n/index.js';

/**
 * The texts of an opened discussion (columns, reply, report, the form), in the chunk of the
 * discussions (`discussion.ts`): a board lists its proposals without them. Dutch is here; other
 * languages load on demand (`discussion-texts.en.ts`, `discussion-texts.fr.ts`).
 */
export interface DiscussionTexts {
  columns: Record<Stance, string>;
  none: Record<Stance, string>;
  official: string;
  repliesLabel: string;
  postedBy: (name: string, date: string) => string;
  reply: string;
  replyingTo: (name: string) => string;
  cancelReply: string;
  report: string;
  reportConfirm: string;
  reportYes: string;
  reportCancel: string;
  reported: string;
  formTitle: string;
  stanceLegend: string;
  stances: Record<Stance, string>;
  body: string;
  bodyHint: string;
  authorName: string;
  authorNameHint: string;
  post: string;
  posting: string;
  posted: string;
  closed: string;
  /** Posting opens later in the round (date formatted). */
  closedOpens: (date: string) => string;
  /** Posting ended (date formatted); the round's later phases follow as `nextPhase`. */
  closedEnded: (date: string) => string;
  /** A later phase of the round: `Van 1 april tot 21 april 2027: stemmen.` */
  nextPhase: (phase: string, start: string, end: string) => string;
}

const nl: DiscussionTexts = {
  columns: { for: 'Voor', against: 'Tegen', question: 'Vragen' },
  none: {
    for: 'Nog geen argumenten voor.',
    against: 'Nog geen argumenten tegen.',
    question: 'Nog geen vragen.',
  },
  official: 'Officieel antwoord van de gemeente',
  repliesLabel: 'Reacties',
  postedBy: (name, date) => `${name}, ${date}`,
  reply: 'Reageren',
  replyingTo: (name) => `U reageert op ${name}.`,
  cancelReply: 'Niet reageren',
  report: 'Melden',
  reportConfirm: 'Deze bijdrage melden? Een moderator bekijkt haar dan.',
  reportYes: 'Ja, melden',
  reportCancel: 'Annuleren',
  reported: 'Bedankt voor uw melding. Een moderator kijkt ernaar.',
  formTitle: 'Praat mee',
  stanceLegend: 'Uw bijdrage is',
  stances: { for: 'een argument voor', against: 'een argument tegen', question: 'een vraag' },
  body: 'Uw bijdrage',
  bodyHint: 'Schrijf vriendelijk en bij het onderwerp.',
  authorName: 'Uw naam',
  authorNameHint: 'Wordt bij uw bijdrage getoond.',
  post: 'Plaatsen',
  posting: 'Uw bijdrage wordt geplaatst…',
  posted: 'Uw bijdrage is geplaatst.',
  closed: 'Meepraten is op dit moment gesloten.',
  closedOpens: (date) => `Meepraten kan vanaf ${date}. Lees tot dan de ideeën en de bijdragen.`,
  closedEnded: (date) =>
    `Meepraten kon tot ${date}. De bijdragen blijven hier te lezen; nieuwe plaatsen kan niet meer.`,
  nextPhase: (phase, start, end) => `Van ${start} tot ${end}: ${phase}.`,
};

export const discussionTexts: Catalogue<DiscussionTexts> = {
  nl,
  en: () => import('./discussion-texts.en.js').then((module) => module.en),
  fr: () => import('./discussion-texts.fr.js').then((module) => module.fr),
};
