import type { Core } from '@strapi/strapi';
import { voorbeeldstadRound } from './voorbeeldstad';

/**
 * Last year's round of Voorbeeldstad, finished: ideas reviewed (some admitted, one merged, two
 * rejected with the city's public reason), paper ballots counted and published, and the funded
 * projects being carried out. The city page's project tracker and timeline read it. Everything
 * goes through the plugin's own services (submit, review, codes, paper ballots, count, publish,
 * execution), so which ideas are funded follows from the ballots below, not from this file.
 */
export const PAST_ROUND_SLUG = 'voorbeeldstad-2026';

const DAY = 86_400_000;
const dayFrom = (today: Date, days: number): string => {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight + days * DAY).toISOString();
};

export function voorbeeldstadPastRound(today: Date = new Date()) {
  const main = voorbeeldstadRound(today);
  return {
    ...main,
    slug: PAST_ROUND_SLUG,
    title: 'Burgerbegroting Voorbeeldstad 2026',
    description:
      'In 2026 besliste Voorbeeldstad voor het eerst mee over € 300.000. Hier ziet u wat er met ' +
      'elk idee is gebeurd en hoe de gekozen plannen worden uitgevoerd.',
    // Over a year ago; carrying out the chosen plans runs until well after today.
    phases: [
      { kind: 'ideas' as const, start: dayFrom(today, -400), end: dayFrom(today, -360) },
      { kind: 'review' as const, start: dayFrom(today, -360), end: dayFrom(today, -330) },
      { kind: 'voting' as const, start: dayFrom(today, -330), end: dayFrom(today, -310) },
      { kind: 'results' as const, start: dayFrom(today, -310), end: dayFrom(today, -290) },
      { kind: 'execution' as const, start: dayFrom(today, -290), end: dayFrom(today, 365) },
    ],
    voting: {
      method: 'knapsack' as const,
      minSelections: 1,
      maxSelections: null,
      points: null,
      minSpendShare: 0,
      districtScope: 'own' as const,
      revote: 'forbid' as const,
    },
    // Method of Equal Shares; budgets raised in steps of € 500 (fewer rounds than € 1 steps).
    counting: {
      rule: 'mes' as const,
      satisfaction: 'cost' as const,
      completion: 'add1' as const,
      tieBreak: 'cost-votes' as const,
      increment: 500,
    },
    verification: { methods: ['code' as const] },
  };
}

type Idea = {
  key: string;
  title: string;
  summary: string;
  description: string;
  district: string;
  theme: string;
  /** The cost officials set for an admitted idea. */
  officialCost?: number;
  /** What officials decided, with the reason they wrote for the public. */
  review:
    | { status: 'admitted' }
    | { status: 'rejected'; publicReason: string; publicTitle?: string }
    | { status: 'merged'; into: string; publicReason: string };
};

const IDEAS: Idea[] = [
  {
    key: 'speeltuin',
    title: 'Speeltuin op het Marktplein',
    summary: 'Speeltoestellen en zitplekken voor gezinnen in het centrum.',
    description:
      'In het centrum is geen plek waar kleine kinderen kunnen spelen. Een speeltuin op het ' +
      'Marktplein met een klimrek, schommels en bankjes voor de ouders.',
    district: 'centrum',
    theme: 'spelen',
    officialCost: 60000,
    review: { status: 'admitted' },
  },
  {
    key: 'waterspeelplaats',
    title: 'Waterspeelplaats in het Stadspark',
    summary: 'Fonteintjes en een pomp om mee te spelen op warme dagen.',
    description:
      'Op hete zomerdagen is het Stadspark vol. Een waterspeelplaats met fonteintjes geeft ' +
      'verkoeling voor kinderen en ouderen.',
    district: 'centrum',
    theme: 'spelen',
    officialCost: 75000,
    review: { status: 'admitted' },
  },
  {
    key: 'stalling',
    title: 'Fietsenstalling bij het station',
    summary: 'Overdekte rekken voor 200 fietsen.',
    description:
      'Fietsen staan nu kriskras op de stoep bij het station. Overdekte rekken houden de stoep ' +
      'vrij en de fietsen droog.',
    district: 'centrum',
    theme: 'verkeer',
    officialCost: 40000,
    review: { status: 'admitted' },
  },
  {
    key: 'parkeergarage',
    title: 'Parkeergarage onder de Markt',
    summary: 'Een ondergrondse garage voor 400 auto’s.',
    description:
      'Een ondergrondse parkeergarage onder de Markt, zodat er boven minder auto’s staan.',
    district: 'centrum',
    theme: 'verkeer',
    review: {
      status: 'rejected',
      // The official found the resident's title fit to publish; the other rejected idea is listed
      // under the neutral "Idee <n> (afgewezen)".
      publicTitle: 'Parkeergarage onder de Markt',
      publicReason:
        'Een parkeergarage kost vele miljoenen euro’s: veel meer dan het budget van de ' +
        'burgerbegroting. Het idee is doorgegeven aan de afdeling Mobiliteit.',
    },
  },
  {
    key: 'bomen',
    title: 'Bomen langs de Dorpsstraat',
    summary: 'Twintig nieuwe bomen voor schaduw en een groenere straat.',
    description:
      'De Dorpsstraat is kaal en heet in de zomer. Twintig bomen geven schaduw, vangen regenwater ' +
      'op en maken de straat mooier.',
    district: 'noord',
    theme: 'groen',
    officialCost: 35000,
    review: { status: 'admitted' },
  },
  {
    key: 'hondenveld',
    title: 'Hondenuitlaatveld in het Noorderpark',
    summary: 'Een omheind veld waar honden los mogen lopen.',
    description:
      'Honden mogen in Noord nergens los. Een omheind veld in het Noorderpark voorkomt overlast ' +
      'op de speelvelden.',
    district: 'noord',
    theme: 'groen',
    officialCost: 45000,
    review: { status: 'admitted' },
  },
  {
    key: 'banken',
    title: 'Nieuwe banken en prullenbakken in het Noorderpark',
    summary: 'Twaalf banken en acht prullenbakken langs de paden en de vijver.',
    description:
      'De banken in het Noorderpark zijn oud en er zijn te weinig prullenbakken. Twaalf nieuwe ' +
      'banken en acht prullenbakken langs de paden en bij de vijver.',
    district: 'noord',
    theme: 'groen',
    officialCost: 25000,
    review: { status: 'admitted' },
  },
  {
    key: 'vijverbankjes',
    title: 'Meer bankjes bij de vijver',
    summary: 'Bankjes om bij de vijver te zitten.',
    description: 'Bij de vijver in het Noorderpark kun je nergens zitten. Zet er een paar bankjes.',
    district: 'noord',
    theme: 'groen',
    review: {
      status: 'merged',
      into: 'banken',
      publicReason:
        'Dit idee gaat op in ‘Nieuwe banken en prullenbakken in het Noorderpark’, dat ook ' +
        'bankjes bij de vijver plaatst.',
    },
  },
  {
    key: 'skatebaan',
    title: 'Skatebaan bij sporthal Zuid',
    summary: 'Een betonnen skatebaan voor skaters, steppers en BMX’ers.',
    description:
      'Jongeren in Zuid skaten nu op het parkeerterrein van de supermarkt. Een skatebaan naast ' +
      'de sporthal geeft ze een eigen plek.',
    district: 'zuid',
    theme: 'spelen',
    officialCost: 55000,
    review: { status: 'admitted' },
  },
  {
    key: 'moestuin',
    title: 'Moestuin voor de buurt',
    summary: 'Een gezamenlijke moestuin op het braakliggende veld aan de Zuidsingel.',
    description:
      'Op het braakliggende veld aan de Zuidsingel kunnen buren samen groente kweken. Nodig: ' +
      'een hek, bakken, gereedschap en een waterpunt.',
    district: 'zuid',
    theme: 'groen',
    officialCost: 15000,
    review: { status: 'admitted' },
  },
  {
    key: 'cameras',
    title: 'Camera’s in alle straten van Zuid',
    summary: 'Cameratoezicht tegen inbraken.',
    description: 'Hang in elke straat in Zuid camera’s op tegen inbraken en vandalisme.',
    district: 'zuid',
    theme: 'verkeer',
    review: {
      status: 'rejected',
      publicReason:
        'Cameratoezicht is een bevoegdheid van de burgemeester en valt buiten de ' +
        'burgerbegroting. We hebben uw idee doorgegeven aan het team Veiligheid.',
    },
  },
];

/** The paper ballots, one per voting letter, each within its district's budget. */
const BALLOTS: Record<string, string[][]> = {
  centrum: [
    ['speeltuin', 'stalling'],
    ['speeltuin', 'stalling'],
    ['waterspeelplaats', 'stalling'],
    ['speeltuin'],
    ['waterspeelplaats'],
    ['speeltuin', 'stalling'],
  ],
  noord: [['bomen', 'banken'], ['bomen', 'banken'], ['hondenveld', 'bomen'], ['hondenveld']],
  zuid: [['skatebaan', 'moestuin'], ['skatebaan'], ['moestuin'], ['skatebaan', 'moestuin']],
};

/** What officials entered about the funded projects since, in order. */
const EXECUTION: Record<string, Array<Record<string, unknown>>> = {
  speeltuin: [
    { status: 'planned', update: 'De speeltoestellen zijn besteld.' },
    { status: 'in_progress', progress: 50, spent: 31000, update: 'De bouw is begonnen.' },
    {
      status: 'completed',
      spent: 58500,
      update: 'De speeltuin is open. Dank aan iedereen die meedacht!',
    },
  ],
  stalling: [
    { status: 'planned', update: 'Het ontwerp ligt ter inzage bij het stadhuis.' },
    { status: 'in_progress', progress: 40, spent: 18000, update: 'De eerste rekken staan.' },
  ],
  bomen: [{ status: 'planned', update: 'De bomen worden in het plantseizoen geplant.' }],
  banken: [
    { status: 'in_progress', progress: 70, spent: 19000, update: 'Acht banken staan er al.' },
  ],
  moestuin: [
    { status: 'in_progress', progress: 30, spent: 6000, update: 'Het hek staat er.' },
    { progress: 60, spent: 16500, update: 'De bakken zijn gevuld; de waterpunt kost meer.' },
  ],
};

type Stored = { documentId: string; title: string; status: string; updates: unknown[] | null };
type ProposalService = {
  submit(round: unknown, input: Record<string, unknown>, at: Date): Promise<{ documentId: string }>;
  findStored(documentId: string): Promise<Stored | null>;
  review(
    stored: Stored,
    review: Record<string, unknown>,
    at: Date
  ): Promise<{ ok: true } | { ok: false; path: string; message: string }>;
};
type VotingRound = { id: string };
type VotingService = {
  loadRound(slug: string): Promise<VotingRound>;
  invalidateCache(): void;
  codeCounts(slug: string): Promise<Array<{ used: number }>>;
  createCodes(slug: string, district: string, count: number): Promise<{ codes: string[] }>;
  castPaper(round: VotingRound, code: string, selections: { proposal: string }[]): Promise<unknown>;
};
type ResultsService = {
  count(round: VotingRound): Promise<unknown>;
  publish(round: VotingRound): Promise<unknown>;
  published(round: VotingRound): Promise<unknown>;
};
type ExecutionService = {
  change(documentId: string, change: Record<string, unknown>): Promise<unknown>;
};
type RoundService = {
  ensure(round: { slug: string }): Promise<{ documentId: string; created: boolean }>;
  findBySlug(slug: string): Promise<Record<string, unknown> | null>;
};

const PROPOSAL_UID = 'plugin::begroot.proposal';

/**
 * Creates the finished round once. Each step is skipped when done already (ideas exist, ballots
 * were cast, results are published, a project has updates), so a start that was interrupted
 * finishes the job on the next one.
 */
export async function seedPastRound(strapi: Core.Strapi, today: Date = new Date()) {
  const service = <T>(name: string) => strapi.plugin('begroot').service(name) as T;
  const rounds = service<RoundService>('round');
  const proposals = service<ProposalService>('proposal');
  const voting = service<VotingService>('voting');
  const results = service<ResultsService>('results');

  const started = Date.now();
  const ensured = await rounds.ensure(voorbeeldstadPastRound(today));
  if (ensured.created) strapi.log.info(`[demo] Created the finished round "${PAST_ROUND_SLUG}".`);
  const round = (await rounds.findBySlug(PAST_ROUND_SLUG))!;

  const ids = await ideaIds(strapi, ensured.documentId);
  if (ids.size === 0) {
    const submitted = new Date(Date.parse(dayFrom(today, -380)));
    const reviewed = new Date(Date.parse(dayFrom(today, -340)));
    for (const idea of IDEAS) {
      const { documentId } = await proposals.submit(
        round,
        {
          title: idea.title,
          summary: idea.summary,
          description: idea.description,
          district: idea.district,
          theme: idea.theme,
        },
        submitted
      );
      ids.set(idea.title, documentId);
    }
    for (const idea of IDEAS) {
      const { review } = idea;
      const decision =
        review.status === 'admitted'
          ? { status: 'admitted', officialCost: idea.officialCost ?? null }
          : review.status === 'rejected'
            ? {
                status: 'rejected',
                publicReason: review.publicReason,
                ...(review.publicTitle ? { publicTitle: review.publicTitle } : {}),
              }
            : {
                status: 'merged',
                publicReason: review.publicReason,
                mergedInto: ids.get(IDEAS.find((other) => other.key === review.into)!.title),
              };
      const stored = (await proposals.findStored(ids.get(idea.title)!))!;
      const outcome = await proposals.review(stored, decision, reviewed);
      if (!outcome.ok) throw new Error(`[demo] ${idea.title}: ${outcome.message}`);
    }
    voting.invalidateCache();
    strapi.log.info(`[demo] Added ${IDEAS.length} reviewed ideas to "${PAST_ROUND_SLUG}".`);
  }

  const votingRound = await voting.loadRound(PAST_ROUND_SLUG);
  if (!(await results.published(votingRound))) {
    const used = (await voting.codeCounts(PAST_ROUND_SLUG)).reduce((sum, c) => sum + c.used, 0);
    if (used === 0) {
      const idOf = (key: string) => ids.get(IDEAS.find((idea) => idea.key === key)!.title)!;
      for (const [district, ballots] of Object.entries(BALLOTS)) {
        const { codes } = await voting.createCodes(PAST_ROUND_SLUG, district, ballots.length);
        for (const [i, ballot] of ballots.entries()) {
          const selections = ballot.map((key) => ({ proposal: idOf(key) }));
          await voting.castPaper(votingRound, codes[i]!, selections);
        }
      }
    }
    await results.count(votingRound);
    await results.publish(votingRound);
    strapi.log.info(`[demo] Counted and published the results of "${PAST_ROUND_SLUG}".`);
  }

  // The execution of the projects the count funded (others keep their outcome).
  const execution = service<ExecutionService>('execution');
  for (const idea of IDEAS) {
    const stored = await proposals.findStored(ids.get(idea.title)!);
    const changes = EXECUTION[idea.key];
    if (!stored || !changes || stored.status !== 'funded' || (stored.updates ?? []).length > 0) {
      continue;
    }
    for (const change of changes) await execution.change(stored.documentId, change);
  }
  if (ensured.created) {
    strapi.log.info(`[demo] "${PAST_ROUND_SLUG}" is ready (${Date.now() - started} ms).`);
  }
}

/** The round's ideas by title. */
async function ideaIds(strapi: Core.Strapi, roundId: string): Promise<Map<string, string>> {
  const stored = (await strapi.documents(PROPOSAL_UID as never).findMany({
    filters: { round: { documentId: roundId } } as never,
    fields: ['title'] as never,
    limit: 1000,
  })) as unknown as Array<{ documentId: string; title: string }>;
  return new Map(stored.map((p) => [p.title, p.documentId]));
}
