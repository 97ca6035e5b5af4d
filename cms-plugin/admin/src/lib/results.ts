import type { RoundResults } from '@begroot/core';

import type { Explanation } from './explain';

/** What `POST /begroot/rounds/:slug/count` answers. */
export type CountedResults = {
  results: RoundResults;
  greedy: RoundResults;
  ballots: number;
  countedAt: string;
};

type ResultProposal = RoundResults['districts'][number]['proposals'][number];

/** The engine's explanation of one proposal (core's ProjectExplanation, as the route sends it). */
type ProposalExplanation = {
  stage?: 'mes' | 'zero-cost' | 'greedy' | 'greedy-completion';
  rank?: number;
  round?: number;
  rho?: number;
  payments?: Array<{ amount: number; voters: number }>;
  reason?: string;
  supportersMoneyLeft?: number;
  leftAtTurn?: number;
};

/** How the round's rule and greedy differ on one proposal. */
export type Change = 'same' | 'onlyRule' | 'onlyGreedy';

export type ComparedProposal = {
  documentId: string;
  title: string;
  votes: number;
  cost: number;
  funded: boolean;
  /** Null when there is no greedy outcome to compare with (published results alone). */
  fundedByGreedy: boolean | null;
  change: Change;
  /** Why the rule funded it or not, in plain words. */
  explanation: Explanation;
  /** Why the two outcomes differ on it; null when they agree. */
  difference: Explanation | null;
};

export type ComparedDistrict = {
  district: string | null;
  budget: number;
  spent: number;
  spentByGreedy: number | null;
  /** The rule this district was counted with (its own), where the results say. */
  rule?: Record<string, unknown>;
  proposals: ComparedProposal[];
};

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The largest amount a supporter paid (equal shares pays unequally only in the last round). */
function largestPayment(explanation: ProposalExplanation): number | null {
  const paid = (explanation.payments ?? []).filter((p) => p.amount > 0).map((p) => p.amount);
  return paid.length ? round2(Math.max(...paid)) : null;
}

/** Why the rule funded a proposal or not, as a translated line. */
export function explainOutcome(proposal: ResultProposal): Explanation {
  const explanation = proposal.explanation as ProposalExplanation;
  if (proposal.funded) {
    switch (explanation.stage) {
      case 'mes': {
        const share = largestPayment(explanation);
        return share === null
          ? { id: 'results.why.mes', values: { votes: proposal.votes } }
          : { id: 'results.why.mesShare', values: { votes: proposal.votes, share } };
      }
      case 'zero-cost':
        return { id: 'results.why.free' };
      case 'greedy-completion':
        return { id: 'results.why.completion' };
      default:
        return { id: 'results.why.greedy', values: { rank: explanation.rank ?? 0 } };
    }
  }
  switch (explanation.reason) {
    case 'no-supporters':
      return { id: 'results.why.noSupporters' };
    case 'no-utility':
      return { id: 'results.why.noUtility' };
    case 'supporters-money-ran-out':
      return {
        id: 'results.why.moneyRanOut',
        values: { left: round2(explanation.supportersMoneyLeft ?? 0), cost: proposal.cost },
      };
    case 'neighbourhood-cap':
      return { id: 'results.why.cap' };
    default:
      return explanation.leftAtTurn === undefined
        ? { id: 'results.why.didNotFit' }
        : { id: 'results.why.didNotFitLeft', values: { left: round2(explanation.leftAtTurn) } };
  }
}

/** Why greedy and the rule disagree on a proposal, from the rule's own explanation. */
function explainDifference(proposal: ResultProposal, change: Change): Explanation | null {
  if (change === 'same') return null;
  if (change === 'onlyRule') return { id: 'results.diff.onlyRule' };
  const reason = (proposal.explanation as ProposalExplanation).reason;
  return reason === 'supporters-money-ran-out'
    ? { id: 'results.diff.onlyGreedyMoney' }
    : { id: 'results.diff.onlyGreedy' };
}

/**
 * The round's outcome beside greedy's, per district: for every proposal whether each funds it,
 * and in plain words why, and why they differ. Without greedy (published results alone), only
 * the outcome and its reasons.
 */
export function compareOutcomes(counted: { results: RoundResults; greedy: RoundResults | null }) {
  return counted.results.districts.map((district): ComparedDistrict => {
    const greedy = counted.greedy?.districts.find((d) => d.district === district.district);
    const byGreedy = new Map((greedy?.proposals ?? []).map((p) => [p.documentId, p.funded]));
    return {
      district: district.district,
      budget: district.budget,
      spent: district.spent,
      spentByGreedy: counted.greedy ? (greedy?.spent ?? 0) : null,
      ...(district.rule ? { rule: district.rule } : {}),
      proposals: district.proposals.map((proposal) => {
        const fundedByGreedy = counted.greedy ? (byGreedy.get(proposal.documentId) ?? false) : null;
        const change: Change =
          fundedByGreedy === null || proposal.funded === fundedByGreedy
            ? 'same'
            : proposal.funded
              ? 'onlyRule'
              : 'onlyGreedy';
        return {
          documentId: proposal.documentId,
          title: proposal.title,
          votes: proposal.votes,
          cost: proposal.cost,
          funded: proposal.funded,
          fundedByGreedy,
          change,
          explanation: explainOutcome(proposal),
          difference: explainDifference(proposal, change),
        };
      }),
    };
  });
}

/** How many proposals the two outcomes disagree on. */
export const differences = (districts: readonly ComparedDistrict[]) =>
  districts.reduce((sum, d) => sum + d.proposals.filter((p) => p.change !== 'same').length, 0);

/** Every message id these functions can return, for checking the translations. */
export const RESULT_MESSAGE_IDS = [
  'results.why.mes',
  'results.why.mesShare',
  'results.why.free',
  'results.why.completion',
  'results.why.greedy',
  'results.why.noSupporters',
  'results.why.noUtility',
  'results.why.moneyRanOut',
  'results.why.cap',
  'results.why.didNotFit',
  'results.why.didNotFitLeft',
  'results.diff.onlyRule',
  'results.diff.onlyGreedy',
  'results.diff.onlyGreedyMoney',
] as const;
