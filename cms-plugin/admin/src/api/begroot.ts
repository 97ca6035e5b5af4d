import { useMemo } from 'react';
import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import type {
  ParticipationFigures,
  ExecutionChange,
  ExecutionView,
  PhaseKind,
  ProposalPublicView,
  ProposalReview,
  RoundDocument,
  RoundDocumentInput,
  RoundResults,
} from '@begroot/core';

import { errorsFromResponse, type FieldError } from '../lib/issues';
import type { CountedResults } from '../lib/results';

/** A round as `GET /begroot/rounds` lists it: its document, its id and its current phase. */
export type RoundRow = RoundDocument & { documentId: string; currentPhase: PhaseKind | null };

/** A proposal in the review queue: the public view plus contact and deadline. */
export type ProposalRow = ProposalPublicView & {
  email: string | null;
  responseDeadline: string | null;
  updatedAt: string;
  /** A rejected proposal's public title as an official gave it (null: the neutral title). */
  publicTitle?: string | null;
  /** A rejected proposal's title as the public sees it. */
  rejectedTitle?: string;
};

/** A funded proposal on the Execution page: the review row plus its execution. */
export type ExecutionRow = ProposalRow & { execution: ExecutionView };

/** What the public results route answers once published. */
export type PublishedResults = {
  data: RoundResults;
  meta: { ballots: number; countedAt: string };
};

/** Where anyone downloads a published round's open data package. */
export function openDataUrl(slug: string): string {
  const backend = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  return `${backend}/api/begroot/rounds/${encodeURIComponent(slug)}/open-data.zip`;
}

export type Pagination = { page: number; pageSize: number; pageCount: number; total: number };

/** A refused request with Strapi's errors at their field paths. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[],
    readonly status?: number
  ) {
    super(message);
  }
}

function toApiError(error: unknown): ApiError {
  const response = (error as { response?: { data?: unknown }; status?: number }) ?? {};
  const errors = errorsFromResponse(response.response?.data);
  const message =
    errors.find((item) => item.path === '')?.message ??
    (error instanceof Error ? error.message : String(error));
  return new ApiError(message, errors, response.status);
}

async function call<T>(request: () => Promise<{ data: T }>): Promise<T> {
  try {
    return (await request()).data;
  } catch (error) {
    throw toApiError(error);
  }
}

/**
 * PATCH with the admin's token (Strapi's fetch client has no `patch`); errors are thrown in the
 * client's shape so `call` reads them the same way.
 */
async function patchJson<T>(
  token: string | null,
  url: string,
  body: unknown
): Promise<{ data: T }> {
  const backend = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  const response = await fetch(`${backend}${url}`, {
    method: 'PATCH',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token ?? ''}`,
    },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    throw Object.assign(new Error(`Request failed (${response.status})`), {
      status: response.status,
      response: { data },
    });
  }
  return { data: data as T };
}

/** The management routes under `/begroot/`, with the signed-in admin's token. */
export function useBegrootApi() {
  const { get, post, put } = useFetchClient();
  const token = useAuth('Begroot', (state) => state.token);
  return useMemo(() => {
    const patch = <T>(url: string, body: unknown) => patchJson<T>(token, url, body);
    return {
      listRounds: async () => (await call(() => get<{ data: RoundRow[] }>('/begroot/rounds'))).data,
      createRound: async (document: RoundDocumentInput) =>
        (await call(() => post<{ data: RoundRow }>('/begroot/rounds', document))).data,
      updateRound: async (slug: string, document: RoundDocumentInput) =>
        (
          await call(() =>
            put<{ data: RoundRow }>(`/begroot/rounds/${encodeURIComponent(slug)}`, document)
          )
        ).data,
      listProposals: async (slug: string, page = 1, pageSize = 100) =>
        call(() =>
          get<{ data: ProposalRow[]; meta: { pagination: Pagination } }>(
            `/begroot/rounds/${encodeURIComponent(slug)}/proposals`,
            { params: { page, pageSize } }
          )
        ),
      reviewProposal: async (documentId: string, review: ProposalReview) =>
        (
          await call(() =>
            patch<{ data: ProposalRow }>(
              `/begroot/proposals/${encodeURIComponent(documentId)}`,
              review
            )
          )
        ).data,
      participation: async (slug: string) =>
        (
          await call(() =>
            get<{ data: ParticipationFigures }>(
              `/begroot/rounds/${encodeURIComponent(slug)}/participation`
            )
          )
        ).data,
      moderateArgument: async (documentId: string, hidden: boolean, reason: string) =>
        (
          await call(() =>
            patch<{ data: unknown }>(`/begroot/arguments/${encodeURIComponent(documentId)}`, {
              hidden,
              reason,
            })
          )
        ).data,
      postAnswer: async (proposalId: string, body: string, replyTo: string | null) =>
        (
          await call(() =>
            post<{ data: unknown }>(
              `/begroot/proposals/${encodeURIComponent(proposalId)}/answers`,
              {
                body,
                replyTo,
              }
            )
          )
        ).data,
      countResults: async (slug: string) =>
        (
          await call(() =>
            post<{ data: CountedResults }>(`/begroot/rounds/${encodeURIComponent(slug)}/count`, {})
          )
        ).data,
      publishResults: async (slug: string) =>
        call(() =>
          post<{ data: RoundResults; meta: { ballots: number } }>(
            `/begroot/rounds/${encodeURIComponent(slug)}/publish-results`,
            {}
          )
        ),
      /** The published results, or null before publication (the route answers 404). */
      publishedResults: async (slug: string): Promise<PublishedResults | null> => {
        try {
          return await call(() =>
            get<PublishedResults>(`/api/begroot/rounds/${encodeURIComponent(slug)}/results`)
          );
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
      listExecution: async (slug: string) =>
        (
          await call(() =>
            get<{ data: ExecutionRow[] }>(`/begroot/rounds/${encodeURIComponent(slug)}/execution`)
          )
        ).data,
      changeExecution: async (documentId: string, change: ExecutionChange) =>
        (
          await call(() =>
            patch<{ data: ExecutionRow }>(
              `/begroot/proposals/${encodeURIComponent(documentId)}/execution`,
              change
            )
          )
        ).data,
    };
  }, [get, post, put, token]);
}

/** Every proposal of a round, page by page (the route gives at most 100 at a time). */
export async function allProposals(
  api: ReturnType<typeof useBegrootApi>,
  slug: string
): Promise<ProposalRow[]> {
  const first = await api.listProposals(slug, 1);
  const rows = [...first.data];
  for (let page = 2; page <= first.meta.pagination.pageCount; page++) {
    rows.push(...(await api.listProposals(slug, page)).data);
  }
  return rows;
}
