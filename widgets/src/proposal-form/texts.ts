import type { Catalogue } from '../i18n/index.js';

/**
 * The texts of this widget, in its own chunk (a page pays only for the widgets it has). Dutch is
 * here; other languages load on demand (`texts.en.ts`, `texts.fr.ts`). Functions where a text holds a number,
 * an amount or a plural; amounts and dates arrive formatted.
 */
export interface ProposalFormTexts {
  /** The form's heading: `Uw idee voor Voorbeeldstad 2027`. */
  title: (roundTitle: string) => string;
  loading: string;
  intro: string;
  fields: {
    title: string;
    titleHint: string;
    summary: string;
    summaryHint: string;
    description: string;
    descriptionHint: string;
    estimatedCost: (currency: string) => string;
    estimatedCostHint: string;
    district: string;
    districtPlaceholder: string;
    theme: string;
    themeNone: string;
    location: string;
    locationHint: string;
    authorName: string;
    authorNameHint: string;
    email: string;
    emailHint: string;
    /** Said beside the name and e-mail fields: they are not kept in the browser's draft. */
    notInDraft: string;
  };
  submit: string;
  submitting: string;
  draftRestored: string;
  discardDraft: string;
  draftDiscarded: string;
  /** The phase is not open: headings and what to say. Dates already formatted. */
  notOpenTitle: string;
  notOpen: (date: string) => string;
  closedTitle: string;
  closed: (date: string) => string;
  noIdeasPhase: string;
  /** What comes next after a closed ideas phase: `Van 1 maart tot 21 maart 2027: stemmen.` */
  nextPhase: (phase: string, start: string, end: string) => string;
  /** Sending failed outside the form's fields. */
  forbidden: string;
  successTitle: string;
  successReview: (date: string, days: number) => string;
  successDeliberation: (start: string, end: string) => string;
  successVoting: (start: string, end: string) => string;
  successEmail: string;
  another: string;
}

const nl: ProposalFormTexts = {
  title: (roundTitle) => `Uw idee voor ${roundTitle}`,
  loading: 'Het formulier wordt geladen…',
  intro:
    'Beschrijf uw idee in een paar zinnen. U hoeft geen begroting te maken: de gemeente rekent de kosten uit.',
  fields: {
    title: 'Titel van uw idee',
    titleHint: 'Kort en duidelijk, bijvoorbeeld: Bankjes in het Oosterpark.',
    summary: 'Samenvatting',
    summaryHint: 'Eén of twee zinnen die anderen als eerste lezen.',
    description: 'Beschrijving',
    descriptionHint: 'Wat wilt u, waar, en waarom is het goed voor de buurt?',
    estimatedCost: (currency) => `Geschatte kosten (in ${currency})`,
    estimatedCostHint: 'Een ruwe schatting is genoeg, bijvoorbeeld 12.000.',
    district: 'Wijk',
    districtPlaceholder: 'Kies een wijk',
    theme: 'Thema',
    themeNone: 'Geen thema',
    location: 'Plek',
    locationHint: 'Een straat, plein of park.',
    authorName: 'Uw naam',
    authorNameHint: 'Wordt bij uw idee getoond. Leeg laten mag.',
    email: 'Uw e-mailadres',
    emailHint: 'Niet openbaar. Alleen om u te laten weten wat er met uw idee gebeurt.',
    notInDraft: 'Uw naam en e-mailadres bewaren we niet in het concept op dit apparaat.',
  },
  submit: 'Idee versturen',
  submitting: 'Uw idee wordt verstuurd…',
  draftRestored: 'We hebben uw concept van eerder teruggezet.',
  discardDraft: 'Leeg formulier',
  draftDiscarded: 'Het formulier is leeggemaakt.',
  notOpenTitle: 'Ideeën indienen kan nog niet',
  notOpen: (date) => `U kunt vanaf ${date} ideeën indienen.`,
  closedTitle: 'Ideeën indienen is gesloten',
  closed: (date) => `Ideeën indienen kon tot ${date}.`,
  noIdeasPhase: 'In deze ronde worden geen ideeën van bewoners verzameld.',
  nextPhase: (phase, start, end) => `Van ${start} tot ${end}: ${phase}.`,
  forbidden: 'Ideeën indienen kan op dit moment niet.',
  successTitle: 'Bedankt! Uw idee is ontvangen.',
  successReview: (date, days) =>
    `Ambtenaren bekijken of uw idee kan en wat het kost. U hoort binnen ${days} dagen, uiterlijk ${date}, wat eruit komt.`,
  successDeliberation: (start, end) =>
    `Van ${start} tot ${end} kan iedereen meepraten over de ideeën die door de toets komen.`,
  successVoting: (start, end) => `Van ${start} tot ${end} stemmen bewoners over de ideeën.`,
  successEmail: 'We sturen nieuws over uw idee naar het e-mailadres dat u gaf.',
  another: 'Nog een idee indienen',
};

export const proposalFormTexts: Catalogue<ProposalFormTexts> = {
  nl,
  en: () => import('./texts.en.js').then((module) => module.en),
  fr: () => import('./texts.fr.js').then((module) => module.fr),
};
