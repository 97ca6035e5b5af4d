/**
 * The voting page's logic, apart from React: code CSVs, code and ballot counts, the paper-ballot
 * form (selections per voting method, checked with core's `checkBallot` as the server checks
 * them) and the kiosk snippet.
 */
import {
  checkBallot,
  type BallotIssue,
  type BallotSelection,
  type VotingSettings,
} from '@begroot/core';

import { escapeAttribute, scriptTag } from './embed';

// ----- Codes -----

export type CodeRow = { code: string; district: string };

/** The rows of a codes CSV (`code,district`); throws when the header is not that. */
export function parseCodesCsv(text: string): CodeRow[] {
  const [header, ...lines] = text.replace(/\r/g, '').trimEnd().split('\n');
  if (header !== 'code,district')
    throw new Error('Not a codes file: the header is not code,district.');
  return lines.map((line) => {
    const [code = '', district = ''] = line.split(',');
    return { code, district };
  });
}

/** A codes CSV as the server writes it (a reissued code is downloaded the same way). */
export function codesCsv(rows: readonly CodeRow[]): string {
  return `code,district\n${rows.map((row) => `${row.code},${row.district}\n`).join('')}`;
}

/** `codes-<round>[-<district>][-<suffix>].csv`. */
export function codesFilename(round: string, district: string | null, suffix = ''): string {
  return `codes-${[round, district, suffix].filter(Boolean).join('-')}.csv`;
}

export type Channel = 'online' | 'kiosk' | 'paper';
export const CHANNELS: readonly Channel[] = ['online', 'kiosk', 'paper'];

/** One district's row of `GET /begroot/rounds/:slug/codes`. */
export type CodeCounts = {
  district: string | null;
  issued: number;
  used: number;
  unused: number;
  voided: number;
  ballots: Record<Channel, number>;
};

/** The sum over all districts, for the table's last row. */
export function totalCounts(rows: readonly CodeCounts[]): Omit<CodeCounts, 'district'> {
  const total = {
    issued: 0,
    used: 0,
    unused: 0,
    voided: 0,
    ballots: { online: 0, kiosk: 0, paper: 0 },
  };
  for (const row of rows) {
    total.issued += row.issued;
    total.used += row.used;
    total.unused += row.unused;
    total.voided += row.voided;
    for (const channel of CHANNELS) total.ballots[channel] += row.ballots?.[channel] ?? 0;
  }
  return total;
}

// ----- Paper ballots -----

export type PaperProposal = {
  documentId: string;
  title: string;
  cost: number;
  district: string | null;
};

/** `POST /begroot/rounds/:slug/paper-ballots/form`: what one code's ballot may hold. */
export type PaperForm = {
  district: string | null;
  voting: Pick<
    VotingSettings,
    'method' | 'minSelections' | 'maxSelections' | 'points' | 'minSpendShare' | 'districtScope'
  >;
  /** By district slug; `''` is the whole round. */
  budgets: Record<string, number>;
  proposals: PaperProposal[];
};

/**
 * What an official fills in for one paper ballot: ticked proposals (approval, knapsack), or the
 * points or rank typed beside each (as typed, so a half-typed number stays visible).
 */
export type PaperDraft = { checked: string[]; numbers: Record<string, string> };

export const emptyDraft = (): PaperDraft => ({ checked: [], numbers: {} });

/**
 * The proposals this code may vote for, in the order the form shows them: where voters vote in
 * their own district, that district's and the city-wide ones; otherwise all, city-wide first.
 */
export function ballotProposals(form: PaperForm): PaperProposal[] {
  const shown =
    form.voting.districtScope === 'own' && form.district !== null
      ? form.proposals.filter((p) => p.district === null || p.district === form.district)
      : form.proposals;
  return [...shown].sort(
    (a, b) =>
      (a.district ?? '').localeCompare(b.district ?? '') || a.title.localeCompare(b.title, 'nl')
  );
}

/** Methods where a number is typed beside each proposal, and which field of a selection it fills. */
export const numberField = (method: string): 'points' | 'rank' | null =>
  method === 'points' ? 'points' : method === 'ranking' ? 'rank' : null;

export type DraftProblem = { proposal: string; message: string };

/**
 * The selections a draft stands for, and the numbers that are not whole numbers of at least 1
 * (which `checkBallot` cannot see, so they are reported here at their proposal).
 */
export function draftSelections(
  form: PaperForm,
  draft: PaperDraft
): { selections: BallotSelection[]; problems: DraftProblem[] } {
  const field = numberField(form.voting.method);
  const problems: DraftProblem[] = [];
  if (!field) {
    const offered = new Set(form.proposals.map((p) => p.documentId));
    return {
      selections: draft.checked.filter((id) => offered.has(id)).map((proposal) => ({ proposal })),
      problems,
    };
  }
  const selections: BallotSelection[] = [];
  for (const proposal of ballotProposals(form)) {
    const typed = (draft.numbers[proposal.documentId] ?? '').trim();
    if (typed === '') continue;
    const value = Number(typed);
    if (!/^\d+$/.test(typed) || !Number.isSafeInteger(value) || value < 1 || value > 1000) {
      problems.push({
        proposal: proposal.documentId,
        message: 'Type a whole number from 1 to 1000.',
      });
      continue;
    }
    // Zero points is "not chosen"; it never reaches the ballot.
    selections.push({ proposal: proposal.documentId, [field]: value });
  }
  return { selections, problems };
}

/** Core's ballot check with the form's settings: exactly what the server will check. */
export function checkPaperBallot(
  form: PaperForm,
  selections: readonly BallotSelection[]
): BallotIssue[] {
  return checkBallot(selections, {
    voting: form.voting,
    proposals: new Map(
      form.proposals.map((p) => [p.documentId, { cost: p.cost, district: p.district }])
    ),
    budgets: new Map(Object.entries(form.budgets)),
    voterDistrict: form.district,
  });
}

export type PlacedIssues = {
  /** Messages about the code field. */
  code: string[];
  /** Messages about one proposal, by documentId. */
  byProposal: Record<string, string[]>;
  /** Messages about the ballot as a whole. */
  ballot: string[];
};

type IssueLike = { path?: ReadonlyArray<PropertyKey> | string; message: string };

/**
 * Issues (core's or the server's 400 `details.errors`) at the place they belong: `code`, a
 * selection (`selections.2.points` → the proposal of selection 2), or the whole ballot.
 */
export function placeIssues(
  issues: readonly IssueLike[],
  selections: readonly BallotSelection[]
): PlacedIssues {
  const placed: PlacedIssues = { code: [], byProposal: {}, ballot: [] };
  for (const issue of issues) {
    const path =
      typeof issue.path === 'string'
        ? issue.path.split('.').filter(Boolean)
        : (issue.path ?? []).map(String);
    const proposal =
      path[0] === 'selections' && path.length > 1
        ? selections[Number(path[1])]?.proposal
        : undefined;
    if (path[0] === 'code') placed.code.push(issue.message);
    else if (proposal) (placed.byProposal[proposal] ??= []).push(issue.message);
    else placed.ballot.push(issue.message);
  }
  return placed;
}

/** A knapsack ballot's running total against the budget it must fit, per district it touches. */
export function knapsackTotals(
  form: PaperForm,
  selections: readonly BallotSelection[]
): Array<{ district: string | null; spent: number; budget: number | null }> {
  const byId = new Map(form.proposals.map((p) => [p.documentId, p]));
  const spent = new Map<string, number>();
  if (form.voting.districtScope === 'own' && form.district) spent.set(form.district, 0);
  for (const selection of selections) {
    const proposal = byId.get(selection.proposal);
    if (!proposal) continue;
    const key = proposal.district ?? '';
    spent.set(key, Math.round(((spent.get(key) ?? 0) + proposal.cost) * 100) / 100);
  }
  if (spent.size === 0) spent.set(form.district ?? '', 0);
  return [...spent].map(([district, total]) => ({
    district: district || null,
    spent: total,
    budget: form.budgets[district] ?? null,
  }));
}

/** Points still to spread on a points ballot (negative: too many), or null without a fixed total. */
export function pointsLeft(form: PaperForm, selections: readonly BallotSelection[]): number | null {
  if (form.voting.method !== 'points' || form.voting.points == null) return null;
  return form.voting.points - selections.reduce((sum, s) => sum + (s.points ?? 0), 0);
}

// ----- Kiosks -----

export type Kiosk = {
  id: string;
  name: string;
  districts: string[];
  activeFrom: string | null;
  activeUntil: string | null;
  revoked: boolean;
  createdAt: string;
};

/** What the kiosk form holds: `datetime-local` values in the official's time zone. */
export type KioskDraft = { name: string; districts: string[]; from: string; until: string };

/** The kiosk form as the server's input (`POST /begroot/rounds/:slug/kiosks`). */
export function kioskInput(draft: KioskDraft) {
  const instant = (local: string) => (local ? new Date(local).toISOString() : null);
  return {
    name: draft.name.trim(),
    districts: draft.districts,
    activeFrom: instant(draft.from),
    activeUntil: instant(draft.until),
  };
}

/** Whether a kiosk can verify at `now`: revoked, before or after its window, or active. */
export function kioskState(kiosk: Kiosk, now: Date): 'revoked' | 'scheduled' | 'ended' | 'active' {
  if (kiosk.revoked) return 'revoked';
  if (kiosk.activeFrom && now < new Date(kiosk.activeFrom)) return 'scheduled';
  if (kiosk.activeUntil && now >= new Date(kiosk.activeUntil)) return 'ended';
  return 'active';
}

/** The HTML for the kiosk's page: the widgets' script and the ballot in kiosk mode with its key. */
export function kioskSnippet(cmsOrigin: string, round: string, key: string): string {
  return (
    `${scriptTag(cmsOrigin)}\n\n` +
    `<begroot-vote-ballot round="${escapeAttribute(round)}" kiosk kiosk-key="${escapeAttribute(key)}"></begroot-vote-ballot>`
  );
}
