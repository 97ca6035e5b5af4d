import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  canMoveProposal,
  isExecutionStatus,
  type ExecutionChange,
  type ExecutionView,
} from '@begroot/core';
import { PROPOSAL_UID } from '../utils/constants';
import { toAmount } from '../utils/amount';
import { ConflictError, validationError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { toAdminView, type ProposalAdminView, type StoredProposal } from './proposal';
import type { StoredRound } from './round';

type Knex = Core.Strapi['db']['connection'];

/** The proposals' table (the content-type's `collectionName`). */
const PROPOSALS_TABLE = 'begroot_proposals';

/** The execution fields a stored proposal carries (see the proposal content-type). */
type WithExecution = StoredProposal & {
  progress?: number | null;
  spent?: number | string | null;
};

/**
 * The `execution` object of a funded proposal's public view, or undefined for any other status.
 * Granted is the official cost (the estimate when none was set), as the count used it.
 */
export function executionOf(stored: StoredProposal): ExecutionView | undefined {
  if (!isExecutionStatus(stored.status)) return undefined;
  const proposal = stored as WithExecution;
  return {
    status: stored.status,
    progress: proposal.progress ?? 0,
    spent: toAmount(proposal.spent ?? 0),
    granted: toAmount(stored.officialCost ?? stored.estimatedCost ?? 0),
    updates: (stored.updates ?? []).map(({ date, text }) => ({ date, text })),
  };
}

export type ExecutionAdminView = ProposalAdminView & { execution: ExecutionView };

const withExecution = (stored: StoredProposal, slug: string): ExecutionAdminView => ({
  ...toAdminView(stored, slug),
  execution: executionOf(stored)!,
});

const execution = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(PROPOSAL_UID);

  return {
    /** The round's funded proposals with their execution, by district then title. */
    async listForRound(round: StoredRound): Promise<ExecutionAdminView[]> {
      const stored = (await documents().findMany({
        filters: {
          round: { documentId: round.documentId },
          status: { $in: ['funded', 'planned', 'in_progress', 'completed'] },
        } as never,
        populate: { round: { fields: ['slug'] }, image: { fields: ['url'] } } as never,
        limit: 10_000,
      } as never)) as unknown as StoredProposal[];
      return stored
        .map((proposal) => withExecution(proposal, round.slug))
        .sort(
          (a, b) =>
            (a.district ?? '').localeCompare(b.district ?? '') || a.title.localeCompare(b.title)
        );
    },

    /**
     * Changes a funded proposal's execution: status (core's status machine, in the public
     * history through the review service), progress, money spent, a dated public update. All or
     * nothing: read, checked and written in one transaction. Completed without a progress
     * given means 100 %.
     */
    async change(documentId: string, change: ExecutionChange): Promise<ExecutionAdminView> {
      const proposals = getService('proposal', { strapi });
      const data: Record<string, unknown> = {};
      if (change.progress !== undefined) data.progress = change.progress;
      else if (change.status === 'completed') data.progress = 100;
      if (change.spent !== undefined) data.spent = change.spent;

      await strapi.db.transaction(async ({ trx }) => {
        // Read and checked inside the transaction, the row locked where the database can: two
        // officials saving at once take turns instead of overwriting each other's updates.
        if (strapi.db.dialect.client === 'postgres') {
          await (trx as unknown as Knex)(PROPOSALS_TABLE)
            .where({ document_id: documentId })
            .forUpdate()
            .select('id');
        }
        const stored = await proposals.findStored(documentId);
        if (!stored) throw new errors.NotFoundError(`There is no proposal "${documentId}".`);
        if (!isExecutionStatus(stored.status)) {
          throw new ConflictError(
            `Only funded proposals are carried out; this one is ${stored.status.replace('_', ' ')}.`
          );
        }
        if (change.status && !canMoveProposal(stored.status, change.status)) {
          const message = `A proposal cannot move from ${stored.status} to ${change.status}.`;
          throw validationError(message, [{ path: ['status'], message }]);
        }
        const moved = change.status !== undefined && change.status !== stored.status;
        if (moved || change.update !== undefined) {
          const reviewed = await proposals.review(stored, {
            ...(moved ? { status: change.status } : {}),
            ...(change.update !== undefined ? { update: change.update } : {}),
            ...(moved && change.publicReason !== undefined
              ? { publicReason: change.publicReason }
              : {}),
          });
          if (!reviewed.ok) {
            throw validationError(reviewed.message, [
              { path: [reviewed.path], message: reviewed.message },
            ]);
          }
        }
        if (Object.keys(data).length > 0) {
          await documents().update({ documentId, data: data as never });
        }
      });
      const updated = (await proposals.findStored(documentId))!;
      return withExecution(updated, updated.round?.slug ?? '');
    },
  };
};

export default execution;
