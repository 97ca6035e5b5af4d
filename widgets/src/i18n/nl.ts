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
  },
};
