import type { RoundDocument } from '@begroot/core';

/**
 * Plain-language lines that tell officials what a setting means for residents. Each is a message
 * id in the plugin's translations (nl and en) with the values it needs.
 */
export type Explanation = { id: string; values?: Record<string, string | number> };

export function explainMode(mode: RoundDocument['mode']): Explanation {
  return { id: `explain.mode.${mode}` };
}

export function explainVoting(voting: RoundDocument['voting']): Explanation[] {
  const lines: Explanation[] = [];
  switch (voting.method) {
    case 'approval':
      lines.push(
        voting.maxSelections === null
          ? { id: 'explain.voting.approval' }
          : { id: 'explain.voting.approvalMax', values: { max: voting.maxSelections } }
      );
      break;
    case 'knapsack':
      lines.push({ id: 'explain.voting.knapsack' });
      if (voting.minSpendShare > 0) {
        lines.push({
          id: 'explain.voting.minSpend',
          values: { percent: Math.round(voting.minSpendShare * 100) },
        });
      }
      break;
    case 'points':
      lines.push({ id: 'explain.voting.points', values: { points: voting.points ?? 0 } });
      break;
    case 'ranking':
      lines.push({ id: 'explain.voting.ranking' });
      break;
  }
  if (voting.minSelections > 1) {
    lines.push({ id: 'explain.voting.minSelections', values: { min: voting.minSelections } });
  }
  lines.push({ id: `explain.voting.scope.${voting.districtScope}` });
  lines.push({ id: `explain.voting.revote.${voting.revote}` });
  return lines;
}

export function explainCounting(counting: RoundDocument['counting']): Explanation[] {
  const lines: Explanation[] = [{ id: `explain.counting.rule.${counting.rule}` }];
  if (counting.rule === 'mes') {
    lines.push({ id: `explain.counting.satisfaction.${counting.satisfaction}` });
    lines.push({ id: `explain.counting.completion.${counting.completion}` });
  }
  lines.push({ id: `explain.counting.tieBreak.${counting.tieBreak}` });
  return lines;
}

export function explainVerification(verification: RoundDocument['verification']): Explanation[] {
  return verification.methods.map((method) => ({ id: `explain.verification.${method}` }));
}

export function explainProposalForm(form: RoundDocument['proposalForm']): Explanation[] {
  const cost = !form.askCost
    ? 'explain.form.noCost'
    : form.costRequired
      ? 'explain.form.costRequired'
      : 'explain.form.costOptional';
  return [{ id: cost }, { id: 'explain.form.responseDays', values: { days: form.responseDays } }];
}

/** Every message id these functions can return, for checking the translations. */
export const EXPLANATION_IDS = [
  'explain.mode.decide',
  'explain.mode.advise',
  'explain.voting.approval',
  'explain.voting.approvalMax',
  'explain.voting.knapsack',
  'explain.voting.minSpend',
  'explain.voting.points',
  'explain.voting.ranking',
  'explain.voting.minSelections',
  'explain.voting.scope.own',
  'explain.voting.scope.any',
  'explain.voting.scope.all',
  'explain.voting.revote.forbid',
  'explain.voting.revote.replace',
  'explain.counting.rule.greedy',
  'explain.counting.rule.mes',
  'explain.counting.satisfaction.cost',
  'explain.counting.satisfaction.cardinality',
  'explain.counting.completion.none',
  'explain.counting.completion.add1',
  'explain.counting.completion.add1-exhaustive-stop',
  'explain.counting.completion.add1u',
  'explain.counting.tieBreak.id',
  'explain.counting.tieBreak.cost-votes',
  'explain.verification.code',
  'explain.verification.email',
  'explain.verification.open',
  'explain.form.noCost',
  'explain.form.costRequired',
  'explain.form.costOptional',
  'explain.form.responseDays',
] as const;
