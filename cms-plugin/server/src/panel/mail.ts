/** The e-mails of the citizens' panel: a volunteer's confirmation and a selected one's invitation. */

export type PanelMailInput = {
  language: string;
  roundTitle: string;
  displayName: string;
  /** The volunteer's pseudonym in the published draw file. */
  lotNumber: string;
  /** The round's public page, when it has one. */
  url: string | null;
};

type Texts = {
  confirmSubject: (round: string) => string;
  confirm: (input: PanelMailInput) => string[];
  inviteSubject: (round: string) => string;
  invite: (input: PanelMailInput) => string[];
};

const TEXTS: Record<'nl' | 'en' | 'fr', Texts> = {
  nl: {
    confirmSubject: (round) => `U heeft zich aangemeld voor het burgerpanel van "${round}"`,
    confirm: (i) => [
      `Beste ${i.displayName},`,
      `Dank u wel voor uw aanmelding voor het burgerpanel van "${i.roundTitle}". De leden worden door loting gekozen, zo dat het panel lijkt op de inwoners van de stad. De gemeente maakt het getal waarmee geloot wordt vooraf bekend; iedereen kan de loting daarna narekenen.`,
      `Uw lotnummer is ${i.lotNumber}. Daaronder staat u in het openbare lotingsbestand: zonder naam of e-mailadres.`,
      'Wordt u ingeloot, dan krijgt u een uitnodiging per e-mail.',
      ...(i.url ? [`Meer informatie: ${i.url}`] : []),
      'U krijgt deze e-mail omdat u zich met dit adres heeft aangemeld. Was u dat niet, dan kunt u deze e-mail negeren of beantwoorden.',
    ],
    inviteSubject: (round) => `U bent ingeloot voor het burgerpanel van "${round}"`,
    invite: (i) => [
      `Beste ${i.displayName},`,
      `U bent ingeloot voor het burgerpanel van "${i.roundTitle}" (lotnummer ${i.lotNumber}).`,
      'Wilt u meedoen? Beantwoord deze e-mail; we sturen u dan de data en de plaats van de bijeenkomsten. Kunt u niet, laat het ons dan ook weten: dan nodigen we de eerstvolgende reserve uit.',
      ...(i.url ? [`Meer informatie: ${i.url}`] : []),
    ],
  },
  en: {
    confirmSubject: (round) => `You signed up for the citizens' panel of "${round}"`,
    confirm: (i) => [
      `Dear ${i.displayName},`,
      `Thank you for signing up for the citizens' panel of "${i.roundTitle}". Its members are drawn by lot so that the panel resembles the city's residents. The city announces the number the draw starts from beforehand; afterwards anyone can recompute the draw.`,
      `Your lot number is ${i.lotNumber}. That is how you appear in the public draw file: without your name or e-mail address.`,
      'If you are drawn, you will receive an invitation by e-mail.',
      ...(i.url ? [`More information: ${i.url}`] : []),
      'You receive this e-mail because this address signed up. If that was not you, ignore or answer this e-mail.',
    ],
    inviteSubject: (round) => `You have been drawn for the citizens' panel of "${round}"`,
    invite: (i) => [
      `Dear ${i.displayName},`,
      `You have been drawn for the citizens' panel of "${i.roundTitle}" (lot number ${i.lotNumber}).`,
      'Would you like to take part? Answer this e-mail and we will send you the dates and place of the meetings. If you cannot, please tell us too: we then invite the next person on the reserve list.',
      ...(i.url ? [`More information: ${i.url}`] : []),
    ],
  },
  fr: {
    confirmSubject: (round) => `Vous êtes inscrit(e) au panel citoyen de « ${round} »`,
    confirm: (i) => [
      `Bonjour ${i.displayName},`,
      `Merci de vous être inscrit(e) au panel citoyen de « ${i.roundTitle} ». Ses membres sont tirés au sort pour que le panel ressemble aux habitants de la ville. La ville annonce à l'avance le nombre dont part le tirage ; ensuite chacun peut le recalculer.`,
      `Votre numéro de tirage est ${i.lotNumber}. C'est ainsi que vous figurez dans le fichier public du tirage : sans nom ni adresse e-mail.`,
      'Si vous êtes tiré(e) au sort, vous recevrez une invitation par e-mail.',
      ...(i.url ? [`Plus d'informations : ${i.url}`] : []),
      "Vous recevez cet e-mail parce que cette adresse s'est inscrite. Si ce n'était pas vous, ignorez cet e-mail ou répondez-y.",
    ],
    inviteSubject: (round) => `Vous avez été tiré(e) au sort pour le panel citoyen de « ${round} »`,
    invite: (i) => [
      `Bonjour ${i.displayName},`,
      `Vous avez été tiré(e) au sort pour le panel citoyen de « ${i.roundTitle} » (numéro ${i.lotNumber}).`,
      'Souhaitez-vous participer ? Répondez à cet e-mail et nous vous enverrons les dates et le lieu des réunions. Si vous ne pouvez pas, dites-le-nous aussi : nous inviterons alors la personne suivante de la liste de réserve.',
      ...(i.url ? [`Plus d'informations : ${i.url}`] : []),
    ],
  },
};

const textsFor = (language: string) =>
  TEXTS[
    (language.slice(0, 2) as keyof typeof TEXTS) in TEXTS
      ? (language.slice(0, 2) as keyof typeof TEXTS)
      : 'en'
  ];

export function confirmationMail(input: PanelMailInput) {
  const texts = textsFor(input.language);
  return {
    subject: texts.confirmSubject(input.roundTitle),
    text: texts.confirm(input).join('\n\n'),
  };
}

export function invitationMail(input: PanelMailInput) {
  const texts = textsFor(input.language);
  return { subject: texts.inviteSubject(input.roundTitle), text: texts.invite(input).join('\n\n') };
}
