import { Rational } from '../counting/rational.js';
import { type PbElection } from './types.js';

/** Keeps the original text of an amount when it still means the same value. */
function amountText(original: string | undefined, value: Rational): string {
  const parsed = original === undefined ? null : Rational.parseDecimal(original);
  return parsed && original !== undefined && parsed.eq(value) ? original.trim() : value.toDecimal();
}

function field(text: string): string {
  return /[;"\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(cells: readonly string[]): string {
  return cells.map(field).join(';');
}

/**
 * Writes an election as Pabulib `.pb` text. Every META key and every extra column is written back;
 * `budget`, `vote_type`, `project_id`, `cost`, `voter_id`, `vote` and `points` come from the typed fields.
 */
export function writePabulib(election: PbElection): string {
  const out: string[] = ['META', 'key;value'];
  const meta: Record<string, string> = { ...election.meta };
  meta['budget'] = amountText(meta['budget'], election.budget);
  meta['vote_type'] = election.voteType;
  for (const [key, value] of Object.entries(meta)) out.push(line([key, value]));

  const projectColumns = [...election.projectColumns];
  for (const col of ['project_id', 'cost'])
    if (!projectColumns.includes(col)) projectColumns.push(col);
  out.push('PROJECTS', line(projectColumns));
  for (const p of election.projects) {
    const values: Record<string, string> = {
      ...p.fields,
      project_id: p.id,
      cost: p.cost.toDecimal(),
    };
    out.push(line(projectColumns.map((c) => values[c] ?? '')));
  }

  const voteColumns = [...election.voteColumns];
  for (const col of ['voter_id', 'vote']) if (!voteColumns.includes(col)) voteColumns.push(col);
  const hasPoints = election.voteType === 'cumulative' || election.voteType === 'scoring';
  if (hasPoints && !voteColumns.includes('points')) voteColumns.push('points');
  out.push('VOTES', line(voteColumns));
  for (const v of election.votes) {
    const values: Record<string, string> = {
      ...v.fields,
      voter_id: v.voterId,
      vote: v.projects.join(','),
    };
    if (v.points) values['points'] = v.points.map(String).join(',');
    out.push(line(voteColumns.map((c) => values[c] ?? '')));
  }
  return `${out.join('\n')}\n`;
}
