import type { Messages } from './messages.js';

const plural = new Intl.PluralRules('nl');

/** Dutch: the product's first language and the default. */
export const nl: Messages = {
  common: {
    loading: 'Bezig met laden…',
    retry: 'Opnieuw proberen',
    requestFailed: {
      network: 'Er is geen verbinding met de server. Controleer uw internetverbinding.',
      notFound: 'Deze begrotingsronde bestaat niet (meer).',
      server: 'De server kon de gegevens nu niet leveren.',
      invalidResponse: 'De server gaf een antwoord dat we niet konden lezen.',
      configuration: (attribute) =>
        `Dit onderdeel is niet goed ingesteld: het attribuut ${attribute} ontbreekt of klopt niet.`,
      rateLimited:
        'Er komen nu te veel verzoeken binnen. Probeer het over een paar minuten opnieuw.',
    },
    phases: {
      ideas: 'ideeën indienen',
      review: 'beoordelen',
      deliberation: 'meepraten',
      voting: 'stemmen',
      results: 'de uitslag',
      execution: 'de uitvoering',
    },
    optional: '(niet verplicht)',
    charactersLeft: (count) => `Nog ${count} ${count === 1 ? 'teken' : 'tekens'} over`,
    charactersTooMany: (count) => `${count} ${count === 1 ? 'teken' : 'tekens'} te veel`,
    errorSummaryTitle: 'Er is iets niet goed ingevuld',
    errorCount: (count) =>
      count === 1 ? 'Er is 1 fout in het formulier.' : `Er zijn ${count} fouten in het formulier.`,
    honeypotLabel: 'Laat dit veld leeg',
    fieldErrors: {
      required: 'Vul dit veld in.',
      minLength: (count) => `Schrijf minstens ${count} tekens.`,
      maxLength: (count) => `Schrijf hoogstens ${count} tekens.`,
      oneLine: 'Houd dit op één regel.',
      noMarkup: 'Schrijf gewone tekst, zonder HTML-codes.',
      controlCharacters: 'Haal de onzichtbare stuurtekens uit deze tekst.',
      email: 'Vul een geldig e-mailadres in, of laat dit veld leeg.',
      choose: 'Maak een keuze.',
      amount: 'Vul een bedrag in, zoals 12.000.',
      amountNegative: 'Een bedrag kan niet negatief zijn.',
      amountTooBig: (max) => `Het bedrag kan niet hoger zijn dan ${max}.`,
      amountDecimals: 'Gebruik hoogstens twee cijfers achter de komma.',
      tooShort: 'Deze tekst is te kort. Schrijf wat meer.',
      tooLong: 'Deze tekst is te lang. Maak hem korter.',
      invalid: 'Dit klopt niet helemaal. Controleer wat u invulde.',
    },
  },
  budgetMeter: {
    regionLabel: (roundTitle) => `Budget voor ${roundTitle}`,
    loading: 'Het budget wordt geladen…',
    totalLabel: 'Totaal budget',
    districtsLabel: 'Budget per wijk',
    shareOfTotal: (percent) => `${percent} van het totaal`,
    noDistricts: 'Deze ronde heeft geen budget per wijk.',
    districtNotFound: (district) => `De wijk ‘${district}’ hoort niet bij deze ronde.`,
    loaded: (total, count) =>
      `Budget geladen: ${total} in ${count} ${plural.select(count) === 'one' ? 'wijk' : 'wijken'}.`,
    loadedDistrict: (name, amount) => `Budget voor ${name} geladen: ${amount}.`,
    ballotTitle: 'Uw budget',
    spentLabel: 'Besteed',
    leftLabel: 'Over',
    overLabel: 'Te veel',
    ballotWaiting: 'Kies voorstellen in het stemformulier; hier ziet u dan wat u besteedt.',
    ballotStatus: (spent, left, budget) => `${spent} besteed, nog ${left} over van ${budget}.`,
    ballotStatusOver: (spent, over, budget) =>
      `${spent} besteed, ${over} meer dan het budget van ${budget}.`,
    overBy: (amount) => `Let op: u zit ${amount} boven het budget.`,
    nearLimit: (amount) => `Bijna op: nog ${amount} over.`,
    resultsLoading: 'De uitslag wordt geladen…',
  },
};
