import { Rational } from '../counting/rational.js';
import {
  PabulibError,
  VOTE_TYPES,
  type PbElection,
  type PbProject,
  type PbVote,
  type VoteType,
} from './types.js';

interface Row {
  cells: string[];
  line: number;
}

/** Splits `;`-separated text into rows, honouring `"…"` quoting (with `""` escapes, newlines allowed inside). */
function* rows(text: string): Generator<Row> {
  let line = 1;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let wasQuoted = false;
    for (;;) {
      if (i >= n) {
        if (quoted)
          throw new PabulibError(startLine, 'a closing quote (") for the field opened here');
        cells.push(cell);
        break;
      }
      const ch = text[i] as string;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (ch === '\n') line++;
        cell += ch;
        i++;
        continue;
      }
      if (ch === '"' && cell.trim() === '' && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        cell = '';
        i++;
        continue;
      }
      if (ch === ';') {
        cells.push(cell);
        cell = '';
        wasQuoted = false;
        i++;
        continue;
      }
      if (ch === '\r' && text[i + 1] === '\n') {
        i++;
        continue;
      }
      if (ch === '\n') {
        cells.push(cell);
        i++;
        line++;
        break;
      }
      cell += ch;
      i++;
    }
    yield { cells, line: startLine };
  }
}

function isBlank(r: Row): boolean {
  return r.cells.every((c) => c.trim() === '');
}

const SECTIONS = ['META', 'PROJECTS', 'VOTES'] as const;
type Section = (typeof SECTIONS)[number];

function sectionOf(r: Row): Section | null {
  if (r.cells.length > 2) return null;
  if (r.cells.length === 2 && (r.cells[1] ?? '').trim() !== '') return null;
  const word = (r.cells[0] ?? '').trim().toUpperCase();
  return (SECTIONS as readonly string[]).includes(word) ? (word as Section) : null;
}

function parseNumberList(text: string, line: number, what: string): number[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const r = Rational.parseDecimal(part);
    if (!r) throw new PabulibError(line, `${what}: a comma-separated list of numbers`, part);
    return r.toNumber();
  });
}

/**
 * Reads a Pabulib `.pb` file. Throws {@link PabulibError} (with a 1-based line number and what was
 * expected) on anything malformed; never returns a silently different election.
 */
export function parsePabulib(text: string): PbElection {
  const meta: Record<string, string> = {};
  let metaLine = 0;
  const metaLines: Record<string, number> = {};
  let projectColumns: string[] | null = null;
  let voteColumns: string[] | null = null;
  const projects: PbProject[] = [];
  const votes: PbVote[] = [];
  const projectIndex = new Map<string, number>();
  const voterIds = new Set<string>();
  const seen = new Set<Section>();
  let section: Section | null = null;
  let header: string[] | null = null;
  let lastLine = 0;
  let voteType = 'approval' as VoteType;

  const finishMeta = (line: number): void => {
    const vt = (meta['vote_type'] ?? 'approval').trim().toLowerCase();
    if (!(VOTE_TYPES as readonly string[]).includes(vt)) {
      throw new PabulibError(
        metaLines['vote_type'] ?? line,
        `vote_type to be one of ${VOTE_TYPES.join(', ')}`,
        meta['vote_type']
      );
    }
    voteType = vt as VoteType;
    if (meta['budget'] === undefined)
      throw new PabulibError(line, 'a budget key in META before this line');
  };

  for (const row of rows(text)) {
    lastLine = row.line;
    if (isBlank(row)) continue;
    const sec = sectionOf(row);
    if (sec) {
      const order = SECTIONS.indexOf(sec);
      const expectedNext = SECTIONS[seen.size];
      if (seen.has(sec) || sec !== expectedNext) {
        throw new PabulibError(
          row.line,
          expectedNext
            ? `the ${expectedNext} section (sections come in the order META, PROJECTS, VOTES, once each)`
            : 'no further section',
          sec
        );
      }
      if (order === 1) finishMeta(row.line);
      seen.add(sec);
      section = sec;
      header = null;
      if (sec === 'META') metaLine = row.line;
      continue;
    }
    if (section === null)
      throw new PabulibError(row.line, 'the META section header', row.cells.join(';'));
    if (header === null) {
      header = row.cells.map((c) => c.trim());
      const dup = header.find((c, i) => header?.indexOf(c) !== i);
      if (dup !== undefined) throw new PabulibError(row.line, 'distinct column names', dup);
      if (section === 'META') {
        if (header[0] !== 'key' || header[1] !== 'value' || header.length !== 2) {
          throw new PabulibError(row.line, 'the META header "key;value"', row.cells.join(';'));
        }
      } else if (section === 'PROJECTS') {
        for (const col of ['project_id', 'cost']) {
          if (!header.includes(col))
            throw new PabulibError(
              row.line,
              `a ${col} column in the PROJECTS header`,
              row.cells.join(';')
            );
        }
        projectColumns = header;
      } else {
        for (const col of ['voter_id', 'vote']) {
          if (!header.includes(col))
            throw new PabulibError(
              row.line,
              `a ${col} column in the VOTES header`,
              row.cells.join(';')
            );
        }
        if ((voteType === 'cumulative' || voteType === 'scoring') && !header.includes('points')) {
          throw new PabulibError(
            row.line,
            `a points column for ${voteType} votes`,
            row.cells.join(';')
          );
        }
        voteColumns = header;
      }
      continue;
    }
    if (row.cells.length !== header.length) {
      throw new PabulibError(
        row.line,
        `${header.length} fields (${header.join(';')})`,
        `${row.cells.length} fields: ${row.cells.join(';')}`
      );
    }
    if (section === 'META') {
      const key = (row.cells[0] ?? '').trim();
      if (key === '') throw new PabulibError(row.line, 'a META key', row.cells.join(';'));
      if (key in meta) throw new PabulibError(row.line, `META key ${key} only once`);
      meta[key] = (row.cells[1] ?? '').trim();
      metaLines[key] = row.line;
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((col, i) => {
      fields[col] = row.cells[i] ?? '';
    });
    if (section === 'PROJECTS') {
      const id = (fields['project_id'] ?? '').trim();
      if (id === '') throw new PabulibError(row.line, 'a project_id');
      if (id.includes(',')) throw new PabulibError(row.line, 'a project_id without commas', id);
      if (projectIndex.has(id))
        throw new PabulibError(
          row.line,
          `a unique project_id (${id} is on line ${projects[projectIndex.get(id) ?? 0]?.line})`,
          id
        );
      const cost = Rational.parseDecimal(fields['cost'] ?? '');
      if (!cost || cost.sign() < 0)
        throw new PabulibError(
          row.line,
          'a cost that is a non-negative decimal number',
          fields['cost']
        );
      fields['project_id'] = id;
      projectIndex.set(id, projects.length);
      projects.push({ id, cost, fields, line: row.line });
      continue;
    }
    // VOTES
    const voterId = (fields['voter_id'] ?? '').trim();
    if (voterId === '') throw new PabulibError(row.line, 'a voter_id');
    if (voterIds.has(voterId)) throw new PabulibError(row.line, 'a unique voter_id', voterId);
    voterIds.add(voterId);
    const voteText = (fields['vote'] ?? '').trim();
    const ids = voteText === '' ? [] : voteText.split(',').map((s) => s.trim());
    const inBallot = new Set<string>();
    for (const id of ids) {
      if (!projectIndex.has(id))
        throw new PabulibError(row.line, 'project ids listed in PROJECTS in the vote column', id);
      if (inBallot.has(id))
        throw new PabulibError(row.line, 'each project at most once in a vote', id);
      inBallot.add(id);
    }
    let points: number[] | null = null;
    if (voteType === 'cumulative' || voteType === 'scoring') {
      points = parseNumberList(fields['points'] ?? '', row.line, 'points');
      if (points.length !== ids.length) {
        throw new PabulibError(
          row.line,
          `as many points as projects in the vote (${ids.length})`,
          fields['points']
        );
      }
      if (voteType === 'cumulative' && points.some((p) => p < 0)) {
        throw new PabulibError(
          row.line,
          'non-negative points in a cumulative vote',
          fields['points']
        );
      }
    }
    votes.push({ voterId, projects: ids, points, fields, line: row.line });
  }

  if (!seen.has('META')) throw new PabulibError(1, 'the META section');
  if (!seen.has('PROJECTS')) throw new PabulibError(lastLine + 1, 'the PROJECTS section');
  if (!seen.has('VOTES')) throw new PabulibError(lastLine + 1, 'the VOTES section');
  if (!projectColumns) throw new PabulibError(lastLine + 1, 'the PROJECTS header');
  if (!voteColumns) throw new PabulibError(lastLine + 1, 'the VOTES header');

  const budget = Rational.parseDecimal(meta['budget'] ?? '');
  if (!budget || budget.sign() < 0) {
    throw new PabulibError(
      metaLines['budget'] ?? metaLine,
      'a budget that is a non-negative decimal number',
      meta['budget']
    );
  }
  const hoods = meta['neighborhoods'];
  const hoodBudgets = meta['budget_per_neighborhood'];
  if ((hoods === undefined) !== (hoodBudgets === undefined)) {
    throw new PabulibError(
      metaLines['neighborhoods'] ?? metaLines['budget_per_neighborhood'] ?? metaLine,
      'both neighborhoods and budget_per_neighborhood, or neither'
    );
  }
  if (hoods !== undefined && hoodBudgets !== undefined) {
    const names = hoods.split(',');
    const amounts = hoodBudgets.split(',');
    if (names.length !== amounts.length) {
      throw new PabulibError(
        metaLines['budget_per_neighborhood'] ?? metaLine,
        `${names.length} amounts in budget_per_neighborhood, one per neighborhood`,
        hoodBudgets
      );
    }
    for (const a of amounts) {
      const r = Rational.parseDecimal(a);
      if (!r || r.sign() < 0)
        throw new PabulibError(
          metaLines['budget_per_neighborhood'] ?? metaLine,
          'non-negative amounts in budget_per_neighborhood',
          a
        );
    }
  }

  const warnings: string[] = [];
  if (meta['num_projects'] !== undefined && Number(meta['num_projects']) !== projects.length) {
    warnings.push(
      `META num_projects is ${meta['num_projects']} but PROJECTS has ${projects.length} rows`
    );
  }
  if (meta['num_votes'] !== undefined && Number(meta['num_votes']) !== votes.length) {
    warnings.push(`META num_votes is ${meta['num_votes']} but VOTES has ${votes.length} rows`);
  }
  return { meta, budget, voteType, projectColumns, projects, voteColumns, votes, warnings };
}
