/** The demo round of the fictional municipality of Voorbeeldstad, as a round document. */

const DAY = 24 * 60 * 60 * 1000;

/** Midnight UTC, `days` from `today`. */
const dayFrom = (today: Date, days: number): string => {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight + days * DAY).toISOString();
};

export const DEMO_ROUND_SLUG = 'voorbeeldstad-2027';
/** The trial vote: the same proposals in a round whose voting phase is open, to try the ballot. */
export const TRIAL_ROUND_SLUG = 'voorbeeldstad-proefstemming';

/**
 * Phases are placed around `today` (the day of the first start), with the ideas phase current, so
 * the demo shows a round in progress. The seed never rewrites an existing round.
 */
export function voorbeeldstadRound(today: Date = new Date()) {
  return {
    slug: DEMO_ROUND_SLUG,
    title: 'Burgerbegroting Voorbeeldstad 2027',
    description:
      'Gemeente Voorbeeldstad legt € 300.000 van de begroting voor 2027 in handen van haar ' +
      'inwoners. Iedereen van 12 jaar en ouder mag een idee indienen voor de eigen wijk. ' +
      'Ambtenaren toetsen de ideeën op haalbaarheid en kosten, daarna kiest u welke plannen ' +
      'worden uitgevoerd.',
    language: 'nl',
    currency: 'EUR',
    mode: 'decide' as const,
    budget: 300000,
    phases: [
      { kind: 'ideas' as const, start: dayFrom(today, -14), end: dayFrom(today, 28) },
      { kind: 'review' as const, start: dayFrom(today, 28), end: dayFrom(today, 49) },
      { kind: 'voting' as const, start: dayFrom(today, 49), end: dayFrom(today, 70) },
      { kind: 'results' as const, start: dayFrom(today, 70), end: dayFrom(today, 100) },
    ],
    districts: [
      { slug: 'centrum', name: 'Centrum', budget: 120000 },
      { slug: 'noord', name: 'Noord', budget: 100000 },
      { slug: 'zuid', name: 'Zuid', budget: 80000 },
    ],
    themes: [
      { slug: 'groen', name: 'Groen en natuur' },
      { slug: 'verkeer', name: 'Verkeer en veiligheid' },
      { slug: 'spelen', name: 'Spelen en sporten' },
    ],
    allowedOrigins: ['https://www.voorbeeldstad.nl'],
  };
}

/**
 * A round cannot be in its ideas phase and its voting phase at once, so the demo has a second
 * round, a trial vote on the same proposals with voting open from the day of the first start for
 * a year: visitors try proposing and discussing in the main round and voting here.
 */
export function voorbeeldstadTrialRound(today: Date = new Date()) {
  const main = voorbeeldstadRound(today);
  return {
    ...main,
    slug: TRIAL_ROUND_SLUG,
    title: 'Proefstemming Burgerbegroting Voorbeeldstad',
    description:
      'Probeer het stemmen uit met de ideeën van de burgerbegroting. Deze proefstemming telt ' +
      'niet mee: de echte stemming begint na de toetsing.',
    mode: 'advise' as const,
    phases: [
      { kind: 'voting' as const, start: dayFrom(today, -1), end: dayFrom(today, 365) },
      { kind: 'results' as const, start: dayFrom(today, 365), end: dayFrom(today, 395) },
    ],
    voting: {
      method: 'knapsack' as const,
      minSelections: 1,
      maxSelections: null,
      points: null,
      minSpendShare: 0,
      districtScope: 'own' as const,
      revote: 'replace' as const,
    },
    verification: { methods: ['code' as const] },
  };
}

/** Admitted proposals of the demo round, so the city page has something to show. */
export const voorbeeldstadProposals = [
  {
    title: 'Bloemenlint langs de Singel',
    summary: 'Inheemse bloemen in de bermen van de Singel, goed voor bijen en vlinders.',
    description:
      'De grasbermen langs de Singel worden nu twaalf keer per jaar gemaaid. Met een mengsel van ' +
      'inheemse bloemen en twee keer maaien per jaar krijgen bijen en vlinders meer voedsel en ' +
      'wordt de route naar het centrum mooier.',
    estimatedCost: 18000,
    officialCost: 22000,
    district: 'centrum',
    theme: 'groen',
    location: 'Singel, tussen Stationsplein en Marktbrug',
    authorName: 'Fatima',
  },
  {
    title: 'Veilig oversteken bij de Noorderschool',
    summary: 'Een zebrapad met verlichting en een verhoogd plateau voor de schoolingang.',
    description:
      'Elke ochtend steken honderden kinderen de Dorpsstraat over om naar de Noorderschool te ' +
      'gaan. Auto’s rijden er vaak te hard. Een verhoogd plateau met een verlicht zebrapad maakt ' +
      'de oversteek veiliger.',
    estimatedCost: 45000,
    officialCost: 52000,
    district: 'noord',
    theme: 'verkeer',
    location: 'Dorpsstraat 12',
    authorName: 'Ouderraad Noorderschool',
  },
  {
    title: 'Calisthenicspark in het Zuiderpark',
    summary: 'Buitensporttoestellen voor jong en oud, gratis te gebruiken.',
    description:
      'Jongeren in Zuid missen een plek om buiten te sporten. Een klein calisthenicspark met ' +
      'rekstokken en brug in het Zuiderpark is het hele jaar gratis te gebruiken en trekt ook ' +
      'ouderen die willen bewegen.',
    estimatedCost: 35000,
    officialCost: 38000,
    district: 'zuid',
    theme: 'spelen',
    location: 'Zuiderpark, bij de ingang aan de Parklaan',
    authorName: 'Daan',
  },
  {
    title: 'Watertappunt op het Marktplein',
    summary: 'Gratis drinkwater voor bezoekers van markt en centrum.',
    description:
      'Op warme dagen is er op het Marktplein nergens gratis water te krijgen. Een watertappunt ' +
      'helpt marktbezoekers, sporters en toeristen en scheelt plastic flesjes.',
    estimatedCost: 9000,
    officialCost: 12000,
    district: 'centrum',
    theme: 'groen',
    location: 'Marktplein',
    authorName: 'Sanne',
  },
  {
    title: 'Speeltuin De Klimop opknappen',
    summary: 'Nieuwe toestellen en een toegankelijke schommel.',
    description:
      'De toestellen in speeltuin De Klimop zijn oud en twee zijn afgesloten. Nieuwe toestellen, ' +
      'waaronder een schommel waar ook kinderen in een rolstoel op kunnen, maken de speeltuin ' +
      'weer een plek voor de hele buurt.',
    estimatedCost: 60000,
    officialCost: 64000,
    district: 'noord',
    theme: 'spelen',
    location: 'Klimopstraat',
    authorName: 'Buurtvereniging De Klimop',
  },
] as const;

/** Arguments on the first demo proposal (by index into `voorbeeldstadProposals`). */
export const voorbeeldstadArguments = [
  {
    proposal: 0,
    stance: 'for' as const,
    body: 'Mooi plan: de bermen zijn nu kaal en er vliegt bijna niets.',
    authorName: 'Henk',
  },
  {
    proposal: 0,
    stance: 'question' as const,
    body: 'Blijft er genoeg ruimte voor voetgangers als de berm hoger groeit?',
    authorName: 'Marloes',
  },
  {
    proposal: 1,
    stance: 'for' as const,
    body: 'Mijn kinderen steken hier elke dag over. Graag!',
    authorName: 'Yusuf',
  },
  {
    proposal: 2,
    stance: 'against' as const,
    body: 'Er is al een sportveld vlakbij; liever meer bankjes in het park.',
    authorName: 'Gerda',
  },
] as const;
