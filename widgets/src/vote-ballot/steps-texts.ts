import type { Catalogue } from '../i18n/index.js';

/**
 * The texts of the ballot's later steps (verification, review, receipt), in the chunk of those
 * steps (`steps.ts`): a page shows the ballot without them. Dutch is here; other languages load
 * on demand (`steps-texts.en.ts`, `steps-texts.fr.ts`).
 */
export interface BallotStepsTexts {
  back: string;
  codeLabel: string;
  codeHint: string;
  verify: string;
  verifying: string;
  verifyFailed: string;
  openVerify: string;
  emailTitle: string;
  emailLabel: string;
  emailHint: string;
  sendEmail: string;
  emailSent: (email: string) => string;
  otpLabel: string;
  selectionKept: string;
  districtChanged: (name: string) => string;
  reviewTotal: (amount: string) => string;
  cast: string;
  casting: string;
  doneTitle: string;
  receipt: string;
  receiptHint: string;
  nextVoter: string;
  /** The optional age band question on the review step (rounds that ask it). */
  ageBand: string;
  ageBandSkip: string;
  /** Points given to a proposal, on the review step: `1 punt`, `3 punten`. */
  pointsCount: (count: number) => string;
  /** The server says the kept receipt is not this voter's (someone else voted on this device). */
  receiptMismatch: string;
  castAsNew: string;
  /** 409: this code or address has voted already. */
  alreadyCast: string;
  /** A chosen proposal left the ballot since the page loaded. */
  unknownProposal: string;
  /** A vote from this browser is in (its receipt kept), shown on the first step. */
  alreadyVoted: string;
  receiptLabel: string;
  /** …where the round allows changing a vote. */
  changeHint: string;
  /** …where it does not. */
  voteIsIn: string;
  changeVote: string;
  /** After "change my vote". */
  changing: string;
  /** Kiosk: "are you still there?" before it starts over. */
  idleTitle: string;
  idleWarning: (seconds: number) => string;
  idleStay: string;
}

const nl: BallotStepsTexts = {
  back: 'Terug naar uw keuze',
  codeLabel: 'Stemcode',
  codeHint: 'De code staat in de brief die u kreeg.',
  verify: 'Code controleren',
  verifying: 'De code wordt gecontroleerd…',
  verifyFailed: 'Deze code klopt niet of is al gebruikt.',
  openVerify: 'In deze ronde hoeft u niet te bewijzen wie u bent.',
  emailTitle: 'Geen brief? Stem met uw e-mailadres',
  emailLabel: 'Uw e-mailadres',
  emailHint: 'We sturen u een code om mee te stemmen. Uw adres wordt niet bij uw stem bewaard.',
  sendEmail: 'Stuur mij een code',
  emailSent: (email) => `We hebben een code gestuurd naar ${email}. Vul die hieronder in.`,
  otpLabel: 'Code uit de e-mail',
  selectionKept: 'Uw keuze blijft bewaard, ook als u de pagina sluit.',
  districtChanged: (name) => `Uw code hoort bij wijk ${name}. Kijk uw keuze voor die wijk na.`,
  reviewTotal: (amount) => `Samen: ${amount}`,
  cast: 'Stem uitbrengen',
  casting: 'Uw stem wordt verstuurd…',
  doneTitle: 'Bedankt! Uw stem is uitgebracht.',
  receipt: 'Uw ontvangstcode',
  receiptHint: 'Bewaar deze code: ermee kunt u uw stem wijzigen zolang het stemmen loopt.',
  nextVoter: 'Volgende kiezer',
  ageBand:
    'Uw leeftijd (mag u overslaan; telt los van uw stem, zodat de gemeente ziet wie meedoet)',
  ageBandSkip: 'Zeg ik liever niet',
  pointsCount: (count) => (count === 1 ? '1 punt' : `${count} punten`),
  receiptMismatch:
    'De ontvangstcode op dit apparaat hoort niet bij uw code: misschien heeft iemand anders hier eerder gestemd. Uw stem is nog niet uitgebracht. Stem als nieuwe kiezer; een eerdere stem van uzelf blijft dan staan.',
  castAsNew: 'Stem als nieuwe kiezer',
  alreadyCast:
    'Met deze code is al gestemd. Een stem wijzigen kan alleen met de ontvangstcode van die stem.',
  unknownProposal:
    'Een van de gekozen voorstellen staat niet meer op het stembiljet. Ga terug naar uw keuze en kijk die na.',
  alreadyVoted: 'Op dit apparaat is al gestemd in deze ronde.',
  receiptLabel: 'Ontvangstcode:',
  changeHint:
    'Was u dat? Dan kunt u uw stem wijzigen: uw nieuwe keuze vervangt de vorige. Stemt u zelf nog niet? Kies dan hieronder.',
  voteIsIn:
    'Die stem is binnen en telt mee; wijzigen kan in deze ronde niet. Stemt u zelf nog niet? Kies dan hieronder.',
  changeVote: 'Stem wijzigen',
  changing:
    'U wijzigt uw stem: uw nieuwe keuze vervangt de vorige. U hebt daarvoor opnieuw uw code nodig.',
  idleTitle: 'Bent u er nog?',
  idleWarning: (seconds) =>
    `Als u niets doet, begint het stemformulier over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw en is uw keuze weg.`,
  idleStay: 'Ik ben er nog',
};

export const ballotStepsTexts: Catalogue<BallotStepsTexts> = {
  nl,
  en: () => import('./steps-texts.en.js').then((module) => module.en),
  fr: () => import('./steps-texts.fr.js').then((module) => module.fr),
};
