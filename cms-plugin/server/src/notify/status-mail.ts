import type { ProposalStatus } from '@begroot/core';

/** What the e-mail to a proposal's submitter about a status change is made of. */
export interface StatusMailInput {
  language: string;
  roundTitle: string;
  proposalTitle: string;
  status: ProposalStatus;
  /** The public reason given with this change, if any. */
  reason: string | null;
  /** When officials answer a proposal still under review. */
  responseDeadline: string | null;
  /** The round's voting phase (its first and last day), for a proposal that goes on the ballot. */
  voting: { start: string; end: string } | null;
  /** The proposal this one was merged into. */
  mergedInto: { title: string; url: string | null } | null;
  /** The proposal on the city's page, when the round has one. */
  url: string | null;
  /**
   * A rejected proposal's title in the public list (the official's public title or the neutral
   * "Idee 12 (afgewezen)"), so the submitter can find it there; null for other statuses.
   */
  publicTitle?: string | null;
}

type Texts = {
  status: Record<ProposalStatus, string>;
  subject: (title: string, status: string) => string;
  greeting: string;
  changed: (proposal: string, round: string, status: string) => string;
  reason: string;
  next: string;
  steps: (input: StatusMailInput, date: (iso: string) => string) => string;
  link: string;
  footer: string;
};

const NL: Texts = {
  status: {
    submitted: 'ingediend',
    in_review: 'in behandeling',
    admitted: 'toegelaten tot de stemming',
    rejected: 'niet toegelaten',
    merged: 'samengevoegd met een ander voorstel',
    funded: 'gekozen: het wordt uitgevoerd',
    not_funded: 'niet gekozen',
    planned: 'ingepland',
    in_progress: 'in uitvoering',
    completed: 'uitgevoerd',
  },
  subject: (title, status) => `Uw voorstel "${title}" is ${status}`,
  greeting: 'Beste indiener,',
  changed: (proposal, round, status) =>
    `Uw voorstel "${proposal}" in "${round}" heeft een nieuwe status: ${status}.`,
  reason: 'Toelichting van de gemeente:',
  next: 'Wat gebeurt er nu?',
  steps: (input, date) => {
    switch (input.status) {
      case 'submitted':
      case 'in_review':
        return input.responseDeadline
          ? `Ambtenaren bekijken of uw voorstel uitvoerbaar is en wat het kost. U hoort uiterlijk ${date(input.responseDeadline)} van ons.`
          : 'Ambtenaren bekijken of uw voorstel uitvoerbaar is en wat het kost. U hoort van ons zodra dat bekend is.';
      case 'admitted':
        return input.voting
          ? `Uw voorstel staat op het stembiljet. Inwoners stemmen van ${date(input.voting.start)} tot en met ${date(input.voting.end)}; daarna maken we de uitslag bekend.`
          : 'Uw voorstel staat op het stembiljet. We laten u weten wanneer de stemming begint.';
      case 'rejected':
        return (
          'Uw voorstel komt niet op het stembiljet. Heeft u vragen, beantwoord dan deze e-mail.' +
          (input.publicTitle
            ? `\nIn de openbare lijst van afgewezen ideeën staat uw voorstel als "${input.publicTitle}".`
            : '')
        );
      case 'merged':
        return input.mergedInto
          ? `Uw voorstel gaat verder samen met "${input.mergedInto.title}"${input.mergedInto.url ? ` (${input.mergedInto.url})` : ''}. Volg dat voorstel voor het vervolg.`
          : 'Uw voorstel gaat verder samen met een vergelijkbaar voorstel.';
      case 'funded':
        return 'De gemeente gaat uw voorstel uitvoeren. U hoort van ons wanneer het werk gepland is.';
      case 'not_funded':
        return 'Uw voorstel kreeg dit keer te weinig stemmen binnen het budget. U kunt het in een volgende ronde opnieuw indienen.';
      case 'planned':
        return 'Het werk is ingepland. U hoort van ons wanneer het begint.';
      case 'in_progress':
        return 'Het werk is begonnen. U hoort van ons wanneer het klaar is.';
      case 'completed':
        return 'Het werk is klaar. Dank u wel voor uw voorstel!';
    }
  },
  link: 'Bekijk uw voorstel:',
  footer: 'U krijgt deze e-mail omdat u dit voorstel heeft ingediend.',
};

const EN: Texts = {
  status: {
    submitted: 'submitted',
    in_review: 'under review',
    admitted: 'on the ballot',
    rejected: 'not admitted',
    merged: 'merged with another proposal',
    funded: 'chosen: it will be carried out',
    not_funded: 'not chosen',
    planned: 'planned',
    in_progress: 'in progress',
    completed: 'completed',
  },
  subject: (title, status) => `Your proposal "${title}" is ${status}`,
  greeting: 'Dear submitter,',
  changed: (proposal, round, status) =>
    `Your proposal "${proposal}" in "${round}" has a new status: ${status}.`,
  reason: 'The city’s explanation:',
  next: 'What happens next?',
  steps: (input, date) => {
    switch (input.status) {
      case 'submitted':
      case 'in_review':
        return input.responseDeadline
          ? `Officials check whether your proposal can be carried out and what it costs. You will hear from us by ${date(input.responseDeadline)}.`
          : 'Officials check whether your proposal can be carried out and what it costs. You will hear from us when they know.';
      case 'admitted':
        return input.voting
          ? `Your proposal is on the ballot. Residents vote from ${date(input.voting.start)} until ${date(input.voting.end)}; then we publish the results.`
          : 'Your proposal is on the ballot. We will let you know when voting starts.';
      case 'rejected':
        return (
          'Your proposal will not be on the ballot. If you have questions, reply to this e-mail.' +
          (input.publicTitle
            ? `\nThe public list of rejected ideas shows your proposal as "${input.publicTitle}".`
            : '')
        );
      case 'merged':
        return input.mergedInto
          ? `Your proposal continues together with "${input.mergedInto.title}"${input.mergedInto.url ? ` (${input.mergedInto.url})` : ''}. Follow that proposal from now on.`
          : 'Your proposal continues together with a similar proposal.';
      case 'funded':
        return 'The city will carry out your proposal. You will hear from us when the work is planned.';
      case 'not_funded':
        return 'Your proposal did not get enough votes within the budget this time. You may submit it again in a next round.';
      case 'planned':
        return 'The work is planned. You will hear from us when it starts.';
      case 'in_progress':
        return 'The work has started. You will hear from us when it is done.';
      case 'completed':
        return 'The work is done. Thank you for your proposal!';
    }
  },
  link: 'See your proposal:',
  footer: 'You receive this e-mail because you submitted this proposal.',
};

/** Dutch for Dutch-language rounds (`nl`, `nl-BE`), English otherwise. */
export const mailLanguage = (language: string): 'nl' | 'en' =>
  language.toLowerCase().startsWith('nl') ? 'nl' : 'en';

/** The link to a proposal on the round's public page: `{id}` filled in, or the page itself. */
export function proposalUrl(publicUrl: string | null | undefined, documentId: string) {
  if (!publicUrl) return null;
  return publicUrl.includes('{id}')
    ? publicUrl.split('{id}').join(encodeURIComponent(documentId))
    : publicUrl;
}

/** The plain-text e-mail telling a submitter their proposal's new status and what comes next. */
export function statusMail(input: StatusMailInput): { subject: string; text: string } {
  const language = mailLanguage(input.language);
  const texts = language === 'nl' ? NL : EN;
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
      new Date(iso)
    );
  const status = texts.status[input.status];
  const parts = [
    texts.greeting,
    texts.changed(input.proposalTitle, input.roundTitle, status),
    ...(input.reason ? [`${texts.reason}\n${input.reason}`] : []),
    `${texts.next}\n${texts.steps(input, date)}`,
    ...(input.url ? [`${texts.link}\n${input.url}`] : []),
    texts.footer,
  ];
  return { subject: texts.subject(input.proposalTitle, status), text: `${parts.join('\n\n')}\n` };
}
