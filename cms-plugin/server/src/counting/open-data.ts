/**
 * The open data package of a published round: what each file is and how to count again, the
 * proposals as CSV, the anonymous ballots (Pabulib) and the published results.
 */
import type { CountedResults } from '../services/results';
import { zip } from '../utils/zip';

export interface OpenDataProposal {
  documentId: string;
  title: string;
  district: string | null;
  theme: string | null;
  status: string;
  cost: number;
  votes: number;
  funded: boolean;
}

/** A district counted with rules of its own, or whose ballots are in a file of their own. */
export interface DistrictFile {
  /** Its name in the .pb files (`city` for city-wide proposals). */
  district: string;
  budget: number;
  /** The rule it was counted with, as its entry in results.json names it. */
  rule: Record<string, unknown>;
  /** The file that holds its ballots. */
  file: string;
  /** That file's Pabulib text, where it is a file of its own (null: it is ballots.pb). */
  data: string | null;
}

export interface OpenDataInput {
  slug: string;
  title: string;
  currency: string;
  published: CountedResults;
  proposals: OpenDataProposal[];
  /**
   * The Pabulib text of `GET …/ballots.pb`; null where the districts vote with different kinds
   * of ballot, each in a file of its own (`districts`).
   */
  pabulib: string | null;
  /** Districts with rules or files of their own; empty where the round's rule counted them all. */
  districts: DistrictFile[];
  /** `district=budget,…` as in the .pb file's META `district_budgets`. */
  districtBudgets: string;
}

/**
 * RFC 4180: quoted when it holds a comma, a quote or a line break. Text a spreadsheet would run
 * as a formula (a resident's title starting with `=`, `+`, `-`, `@`) gets a leading apostrophe.
 */
export const csvField = (value: string | number | boolean | null) => {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function proposalsCsv(proposals: readonly OpenDataProposal[]): string {
  const columns = [
    'documentId',
    'title',
    'district',
    'theme',
    'status',
    'cost',
    'votes',
    'funded',
  ] as const;
  const lines = proposals.map((p) => columns.map((column) => csvField(p[column])).join(','));
  return `${[columns.join(','), ...lines].join('\r\n')}\r\n`;
}

const ruleArgs = (rule: Record<string, unknown>) => [
  `--rule ${String(rule.rule)}`,
  `--sat ${String(rule.satisfaction ?? 'cost')}`,
  `--completion ${String(rule.completion ?? 'none')}`,
  `--tie-break ${String(rule.tieBreak ?? 'cost-votes')}`,
  `--increment ${String(rule.increment ?? 1)}`,
];

/**
 * The tally commands that recount the package's ballots with the published rules: one for the
 * whole round, or one per district where districts have rules or files of their own.
 */
export function tallyCommands(input: OpenDataInput): string[] {
  if (input.districts.length === 0) {
    const rule = input.published.results.rule as Record<string, unknown>;
    return [
      [
        'npm run --silent tally -- ballots.pb',
        ...ruleArgs(rule),
        `--district-column district --district-budgets ${input.districtBudgets}`,
      ].join(' '),
    ];
  }
  return input.districts.map((d) =>
    [
      `npm run --silent tally -- ${d.file}`,
      ...ruleArgs(d.rule),
      `--district-column district --district-budgets ${d.district}=${d.budget}`,
    ].join(' ')
  );
}

/** The tally command that recounts the package's ballots (the first, where there are several). */
export function tallyCommand(input: OpenDataInput): string {
  return tallyCommands(input)[0]!;
}

const ruleText = (rule: Record<string, unknown>) =>
  rule.rule === 'mes'
    ? `the Method of Equal Shares (completion: ${String(rule.completion)}, satisfaction: ${String(rule.satisfaction)})`
    : 'greedy (most votes first, as long as the money lasts)';

function readme(input: OpenDataInput): string {
  const rule = input.published.results.rule as Record<string, unknown>;
  const ruleName = ruleText(rule);
  const ownFiles = input.pabulib === null;
  const ballotsFiles = ownFiles
    ? `ballots-*.pb   the anonymous ballots in the Pabulib format (https://pabulib.org/format), one
               file per district, because its districts vote with different kinds of ballot and a
               file holds one kind (META vote_type): the same as
               GET /api/begroot/rounds/${input.slug}/ballots.pb?district=<district>. Shuffled, with
               random voter ids; each project_id is the proposal's documentId, its cost the
               official cost; META district_budgets holds the district's budget ("city" for
               city-wide proposals) and META rule the rule it was counted with.
               ${input.districts.map((d) => d.file).join(', ')}.`
    : `ballots.pb     the anonymous ballots in the Pabulib format (https://pabulib.org/format), the
               same as GET /api/begroot/rounds/${input.slug}/ballots.pb: shuffled, with random
               voter ids; each project_id is the proposal's documentId, its cost the official
               cost, its district in the "district" column; META district_budgets holds each
               district's budget ("city" for city-wide proposals).`;
  const theRule =
    input.districts.length === 0
      ? `Each district was counted on its own, with its own budget and the ballots cast in it, by
${ruleName}; ties broken by ${String(rule.tieBreak)}.`
      : `Each district was counted on its own, with its own budget and the ballots cast in it, by
its own rule ("rule" per district in results.json; in the .pb files META rule, or
district_rules where one file holds districts with different rules):
${input.districts
  .map(
    (d) =>
      `- ${d.district}: ${ruleText(d.rule)}; ties broken by ${String(d.rule.tieBreak ?? 'cost-votes')}.`
  )
  .join('\n')}`;
  return `${input.title} (${input.slug}): open data of the published results
${'='.repeat(60)}

Counted ${input.published.countedAt}; ${input.published.ballots} ballots; amounts in ${input.currency}.

Files
-----
README.txt     this file.
proposals.csv  every proposal that was on the ballot: documentId, title, district, theme,
               status (its status now), cost (the official cost, as counted), votes (voters
               who chose it), funded (true or false). UTF-8, comma-separated, RFC 4180.
${ballotsFiles}
results.json   the published results, as GET /api/begroot/rounds/${input.slug}/results answers
               them: per district its budget, what was spent, and every proposal with its votes,
               cost, whether it is funded, and why.

The rule
--------
${theRule}

Count again
-----------
With Begroot's own counter, from a copy of Begroot's source (after npm install):

${tallyCommands(input)
  .map((command) => `  ${command}`)
  .join('\n')}

With pabutools (Python, https://pypi.org/project/pabutools/): read the .pb file with
pabutools.election.parse_pabulib, split the projects by their "district" column, and run
method_of_equal_shares (or greedy_utilitarian_welfare for greedy) per district with that
district's budget from META district_budgets and the same completion.
Either way, the funded proposals must be those marked funded in results.json and proposals.csv.
`;
}

export function openDataZip(input: OpenDataInput): Buffer {
  const { results, ballots, countedAt } = input.published;
  return zip([
    { name: 'README.txt', data: readme(input) },
    { name: 'proposals.csv', data: proposalsCsv(input.proposals) },
    ...(input.pabulib !== null
      ? [{ name: 'ballots.pb', data: input.pabulib }]
      : input.districts.flatMap((d) => (d.data === null ? [] : [{ name: d.file, data: d.data }]))),
    {
      name: 'results.json',
      data: `${JSON.stringify({ data: results, meta: { ballots, countedAt } }, null, 2)}\n`,
    },
  ]);
}
