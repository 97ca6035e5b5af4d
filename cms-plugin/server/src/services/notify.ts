import type { Core } from '@strapi/strapi';
import type { ProposalStatus, StatusChange } from '@begroot/core';
import { PROPOSAL_UID } from '../utils/constants';
import { isUniqueViolation } from '../utils/errors';
import { proposalUrl, statusMail } from '../notify/status-mail';
import { PARTICIPATION_TABLES } from '../participation/tables';
import { getService } from '../utils/get-service';

/**
 * Retries of a status mail: only when the mail server could not be reached (the message surely
 * never left), so a retry cannot deliver a mail twice. A mail the server refused is not retried.
 * Any failure is logged (proposal and status, never the address); the change itself stands.
 */
const RETRY_DELAYS_MS = [60_000, 10 * 60_000];
const UNREACHED = new Set(['ECONNECTION', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

type Stored = {
  documentId: string;
  title: string;
  email: string | null;
  status: ProposalStatus;
  publicReason: string | null;
  mergedInto: string | null;
  history: StatusChange[] | null;
  responseDeadline: string | null;
  round?: {
    title: string;
    language: string | null;
    publicUrl: string | null;
    phases: Array<{ kind: string; start: string; end: string; closedAt?: string | null }> | null;
  } | null;
};

const notify = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Retries waiting for the mail server; stopped when the app is destroyed. */
  const retries = new Set<NodeJS.Timeout>();
  const send = (mail: { to: string; subject: string; text: string }) =>
    strapi.plugin('email').service('email').send(mail) as Promise<unknown>;

  const trySending = async (
    mail: { to: string; subject: string; text: string },
    what: string,
    attempt = 0
  ): Promise<void> => {
    try {
      await send(mail);
    } catch (error) {
      const code = String((error as { code?: unknown } | null)?.code ?? '');
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay !== undefined && UNREACHED.has(code)) {
        strapi.log.warn(`[begroot] status mail for ${what} not sent (${code}); retrying later.`);
        const retry = setTimeout(() => {
          retries.delete(retry);
          void trySending(mail, what, attempt + 1);
        }, delay);
        retry.unref();
        retries.add(retry);
        return;
      }
      // The code or the error's kind only: a provider's message may quote the address.
      const kind = code || (error instanceof Error ? error.name : 'unknown error');
      strapi.log.error(`[begroot] status mail for ${what} not sent: ${kind}.`);
    }
  };

  return {
    /**
     * Mails the submitter of a proposal (when they left an address) its current status: what it
     * means, the public reason, the next step and when, and a link to the round's public page.
     * Claims the change in `begroot_status_mails` first, so a change is mailed once at most.
     * Resolves once the first attempt is over; never throws.
     */
    async statusChanged(documentId: string): Promise<void> {
      try {
        const stored = (await strapi.documents(PROPOSAL_UID).findOne({
          documentId,
          populate: { round: { fields: ['title', 'language', 'publicUrl', 'phases'] } } as never,
        })) as unknown as Stored | null;
        if (!stored?.email || !stored.round) return;
        const history = stored.history ?? [];
        const last = history.at(-1);
        const change = `${history.length}:${stored.status}`;
        try {
          await strapi.db
            .connection(PARTICIPATION_TABLES.statusMails)
            .insert({ proposal_id: documentId, change });
        } catch (error) {
          if (isUniqueViolation(error)) return;
          throw error;
        }

        const round = stored.round;
        const voting = (round.phases ?? []).find((phase) => phase.kind === 'voting');
        const target = stored.status === 'merged' && stored.mergedInto ? stored.mergedInto : null;
        const into = target
          ? ((await strapi
              .documents(PROPOSAL_UID)
              .findOne({ documentId: target, fields: ['title'] })) as { title: string } | null)
          : null;
        const { subject, text } = statusMail({
          language: round.language ?? 'nl',
          roundTitle: round.title,
          proposalTitle: stored.title,
          status: stored.status,
          reason: (last?.status === stored.status ? last.reason : null) ?? stored.publicReason,
          responseDeadline: stored.responseDeadline,
          voting: voting
            ? {
                start: voting.start,
                // Phases end at the start of their end day: the last day to vote is the one before.
                end: new Date(Date.parse(voting.closedAt ?? voting.end) - 1).toISOString(),
              }
            : null,
          mergedInto:
            into && target
              ? { title: into.title, url: proposalUrl(round.publicUrl, target) }
              : null,
          url: proposalUrl(round.publicUrl, documentId),
          publicTitle:
            stored.status === 'rejected'
              ? ((await getService('proposal', { strapi }).findPublic(documentId, 'all'))?.title ??
                null)
              : null,
        });
        await trySending(
          { to: stored.email, subject, text },
          `proposal ${documentId} (${stored.status})`
        );
      } catch (error) {
        strapi.log.error(
          `[begroot] status mail for proposal ${documentId} failed: ${(error as Error).message}`
        );
      }
    },

    /** Stops the retries still waiting (destroy): they would run against a stopped app. */
    stopRetries(): void {
      for (const retry of retries) clearTimeout(retry);
      retries.clear();
    },
  };
};

/**
 * Every status change of a proposal, whoever makes it (the review queue, bulk actions, merges,
 * publishing results, the Content Manager), mails the submitter once the change is committed. The
 * mail goes out after the answer: a slow or absent mail server never holds up or undoes a change.
 */
export function registerStatusMails(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== PROPOSAL_UID || context.action !== 'update') return next();
    const params = context.params as { documentId?: string; data?: { status?: unknown } };
    const documentId = params.documentId;
    const status = params.data?.status;
    if (!documentId || typeof status !== 'string') return next();
    const before = (await strapi
      .documents(PROPOSAL_UID)
      .findOne({ documentId, fields: ['status'] })) as { status: string } | null;
    const result = await next();
    if (before && before.status !== status) {
      const service = strapi.plugin('begroot').service('notify') as ReturnType<typeof notify>;
      // Once the change is committed (inside an outer transaction, when that one commits): a
      // change rolled back mails nobody.
      await strapi.db.transaction(async ({ onCommit }) => {
        onCommit(() => void service.statusChanged(documentId));
      });
    }
    return result;
  });
}

export default notify;
