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

export interface OpenDataInput {
  slug: string;
  title: string;
  currency: string;
  published: CountedResults;
  proposals: OpenDataProposal[];
  /** The Pabulib text of `GET …/ballots.pb`. */
  pabulib: string;
  /** `district=budget,…` as in the .pb file's META `district_budgets`. */
  districtBudgets: string;
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break. */
const csvField = (value: string | number | boolean | null) => {
  const text = value === null ? '' : String(value);
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

/** The tally command that recounts the package's ballots with the published rule. */
export function tallyCommand(input: OpenDataInput): string {
  const rule = input.published.results.rule as Record<string, unknown>;
  const args = [
    'npm run --silent tally -- ballots.pb',
    `--rule ${String(rule.rule)}`,
    `--sat ${String(rule.satisfaction ?? 'cost')}`,
    `--completion ${String(rule.completion ?? 'none')}`,
    `--tie-break ${String(rule.tieBreak ?? 'cost-votes')}`,
    `--increment ${String(rule.increment ?? 1)}`,
    `--district-column district --district-budgets ${input.districtBudgets}`,
  ];
  return args.join(' ');
}

function readme(input: OpenDataInput): string {
  const rule = input.published.results.rule as Record<string, unknown>;
  const ruleName =
    rule.rule === 'mes'
      ? `the Method of Equal Shares (completion: ${String(rule.completion)}, satisfaction: ${String(rule.satisfaction)})`
      : 'greedy (most votes first, as long as the money lasts)';
  return `${input.title} (${input.slug}): open data of the published results
${'='.repeat(60)}

Counted ${input.published.countedAt}; ${input.published.ballots} ballots; amounts in ${input.currency}.

Files
-----
README.txt     this file.
proposals.csv  every proposal that was on the ballot: documentId, title, district, theme,
               status (its status now), cost (the official cost, as counted), votes (voters
               who chose it), funded (true or false). UTF-8, comma-separated, RFC 4180.
ballots.pb     the anonymous ballots in the Pabulib format (https://pabulib.org/format), the
               same as GET /api/begroot/rounds/${input.slug}/ballots.pb: shuffled, with random
               voter ids; each project_id is the proposal's documentId, its cost the official
               cost, its district in the "district" column; META district_budgets holds each
               district's budget ("city" for city-wide proposals).
results.json   the published results, as GET /api/begroot/rounds/${input.slug}/results answers
               them: per district its budget, what was spent, and every proposal with its votes,
               cost, whether it is funded, and why.

The rule
--------
Each district was counted on its own, with its own budget and the ballots cast in it, by
${ruleName}; ties broken by ${String(rule.tieBreak)}.

Count again
-----------
With Begroot's own counter, from a copy of Begroot's source (after npm install):

  ${tallyCommand(input)}

With pabutools (Python, https://pypi.org/project/pabutools/): read ballots.pb with
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
    { name: 'ballots.pb', data: input.pabulib },
    {
      name: 'results.json',
      data: `${JSON.stringify({ data: results, meta: { ballots, countedAt } }, null, 2)}\n`,
    },
  ]);
}
