import type { Catalogue } from '../i18n/index.js';

/**
 * The texts of this widget, in its own chunk (a page pays only for the widgets it has). Dutch is
 * here; other languages load on demand (`texts.en.ts`, `texts.fr.ts`). Numbers and dates arrive
 * formatted.
 */
export interface PanelSignupTexts {
  /** The heading: `Burgerpanel van Voorbeeldstad 2027`. */
  title: (roundTitle: string) => string;
  loading: string;
  /** Announced once loaded: `Aanmelden voor het burgerpanel kan.` etc. */
  loadedOpen: string;
  intro: string;
  fields: {
    displayName: string;
    displayNameHint: string;
    email: string;
    emailHint: string;
    /** The address is not one (the shared text allows an empty field; here it is required). */
    emailInvalid: string;
    district: string;
    districtHint: string;
    districtPlaceholder: string;
    ageBand: string;
    ageBandHint: string;
    ageBandPlaceholder: string;
    consent: string;
    consentHint: string;
    consentRequired: string;
  };
  /** What happens with the data, in plain words, next to the consent box. */
  privacy: string;
  submit: string;
  submitting: string;
  /** The pool closed while the resident was filling in the form (409). */
  closedMeanwhile: string;
  sentTitle: string;
  sentSteps: [string, string, string];
  another: string;
  closedTitle: string;
  closed: string;
  /** Sign-up is not open now: the officials' switch is off, or outside their window. */
  notOpenTitle: string;
  notEnabled: string;
  opensOn: (date: string) => string;
  closedOn: (date: string) => string;
  drawnTitle: string;
  drawn: (date: string) => string;
  facts: {
    seats: string;
    seed: string;
    volunteers: string;
    selected: string;
    unfilled: string;
    poolSha256: string;
    fileSha256: string;
  };
  groupsCaption: string;
  groupHeader: string;
  targetHeader: string;
  volunteersHeader: string;
  selectedHeader: string;
  /** A group's name: the district's name and the age band when there is one. */
  everyone: string;
  drawFileLink: string;
  checkTitle: string;
  /** Three steps; the command (with the file's address) is shown after the second. */
  checkSteps: [string, string, string];
  voidedTitle: string;
  /** `Loting 1, ongeldig verklaard op 3 maart 2027: <reden>`. */
  voided: (number: number, date: string, reason: string) => string;
}

const nl: PanelSignupTexts = {
  title: (roundTitle) => `Burgerpanel van ${roundTitle}`,
  loading: 'Het burgerpanel wordt geladen…',
  loadedOpen: 'Aanmelden voor het burgerpanel kan.',
  intro:
    'Een groep inwoners, gekozen door loting, weegt de voorstellen. Zo lijkt het panel op de stad, en niet alleen op wie het hardst roept. Meld u aan; uit alle aanmeldingen wordt geloot.',
  fields: {
    displayName: 'Uw naam',
    displayNameHint: 'Hoe we u aanspreken in onze e-mails. Niet openbaar.',
    email: 'Uw e-mailadres',
    emailHint:
      'Niet openbaar. Hier sturen we uw bevestiging en, als u wordt ingeloot, de uitnodiging.',
    emailInvalid: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    district: 'Uw wijk',
    districtHint: 'Het panel krijgt per wijk zoveel plaatsen als past bij het aantal inwoners.',
    districtPlaceholder: 'Kies uw wijk',
    ageBand: 'Uw leeftijd',
    ageBandHint: 'Zo lijkt het panel ook in leeftijd op de stad.',
    ageBandPlaceholder: 'Kies uw leeftijdsgroep',
    consent: 'Ik wil meedoen en mag hierover gemaild worden',
    consentHint: 'Zonder deze toestemming kunnen we u niet uitnodigen.',
    consentRequired: 'Vink dit aan om u aan te melden.',
  },
  privacy:
    'Wat gebeurt er met uw gegevens? Alleen ambtenaren die het panel organiseren zien uw naam en e-mailadres, en gebruiken ze alleen voor dit panel. In het openbare lotingsbestand staat u alleen als lotnummer met uw wijk (en leeftijdsgroep), nooit met naam of adres.',
  submit: 'Aanmelden',
  submitting: 'Uw aanmelding wordt verstuurd…',
  closedMeanwhile: 'Aanmelden is net gesloten: de groep waaruit geloot wordt ligt vast.',
  sentTitle: 'Bedankt! U bent aangemeld.',
  sentSteps: [
    'U krijgt een bevestiging per e-mail met uw lotnummer. Zo kunt u later zelf nagaan dat u meeloot.',
    'De gemeente sluit de aanmelding en maakt daarna, vóór de loting, het getal bekend waarmee geloot wordt. De uitslag in cijfers komt op deze pagina.',
    'Wordt u ingeloot, dan krijgt u een uitnodiging per e-mail. Niet ingeloot? Dan staat u op de reservelijst.',
  ],
  another: 'Nog iemand aanmelden',
  closedTitle: 'Aanmelden is gesloten',
  closed:
    'De groep waaruit geloot wordt ligt vast: niemand kan er nog bij. Vóór de loting maakt de gemeente het getal bekend waarmee geloot wordt; de uitslag in cijfers komt op deze pagina.',
  notOpenTitle: 'Aanmelden kan nu niet',
  notEnabled: 'Voor het burgerpanel van deze ronde kunt u zich (nog) niet aanmelden.',
  opensOn: (date) => `Aanmelden voor het burgerpanel kan vanaf ${date}.`,
  closedOn: (date) => `Aanmelden voor het burgerpanel kon tot ${date}.`,
  drawnTitle: 'Het burgerpanel is geloot',
  drawn: (date) => `Geloot op ${date}. Hieronder staan de cijfers; namen worden nooit openbaar.`,
  facts: {
    seats: 'Plaatsen',
    seed: 'Lotingsgetal',
    volunteers: 'Aanmeldingen',
    selected: 'Ingeloot',
    unfilled: 'Niet gevuld',
    poolSha256: 'Vingerafdruk van de aanmeldingen (SHA-256)',
    fileSha256: 'Vingerafdruk van het lotingsbestand (SHA-256)',
  },
  groupsCaption: 'Per groep: plaatsen naar aandeel inwoners, aanmeldingen en ingeloot',
  groupHeader: 'Groep',
  targetHeader: 'Plaatsen',
  volunteersHeader: 'Aanmeldingen',
  selectedHeader: 'Ingeloot',
  everyone: 'Iedereen',
  drawFileLink: 'Download het lotingsbestand (JSON)',
  checkTitle: 'Zelf narekenen',
  checkSteps: [
    'Download het lotingsbestand hierboven. Elke kandidaat staat erin als lotnummer; uw eigen lotnummer staat in uw bevestigingsmail.',
    'Reken de loting na met Node.js 20, in een kopie van de broncode van Begroot:',
    'Controleer dat de vingerafdruk die het programma noemt gelijk is aan die hierboven, en dat het lotingsgetal het getal is dat vooraf is bekendgemaakt.',
  ],
  voidedTitle: 'Eerdere lotingen die ongeldig zijn verklaard',
  voided: (number, date, reason) => `Loting ${number}, ongeldig verklaard op ${date}: ${reason}`,
};

export const panelSignupTexts: Catalogue<PanelSignupTexts> = {
  nl,
  en: () => import('./texts.en.js').then((module) => module.en),
  fr: () => import('./texts.fr.js').then((module) => module.fr),
};
