import { useMemo } from 'react';
import { useAuth } from '@strapi/strapi/admin';
import type { BallotSelection, RoundPublicView } from '@begroot/core';

import { ApiError } from './begroot';
import { errorsFromResponse } from '../lib/issues';
import type { CodeCounts, Kiosk, PaperForm } from '../lib/voting';

const backend = () => (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

/**
 * The voting part's management routes with the signed-in admin's token. Its own fetch (not
 * Strapi's client) because the codes come back as CSV text, not JSON.
 */
export function useVotingApi() {
  const token = useAuth('Begroot', (state) => state.token);
  return useMemo(() => {
    async function request(method: string, url: string, body?: unknown): Promise<Response> {
      const response = await fetch(`${backend()}${url}`, {
        method,
        headers: {
          Accept: 'application/json, text/csv',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(url.startsWith('/api/') ? {} : { Authorization: `Bearer ${token ?? ''}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) {
        const data = (await response.json().catch(() => null)) as unknown;
        const errors = errorsFromResponse(data);
        const message =
          errors.find((error) => error.path === '')?.message ??
          (data as { error?: { message?: string } } | null)?.error?.message ??
          `Request failed (${response.status})`;
        throw new ApiError(message, errors, response.status);
      }
      return response;
    }
    const json = async <T>(method: string, url: string, body?: unknown) =>
      ((await (await request(method, url, body)).json()) as { data: T }).data;
    const round = (slug: string) => `/begroot/rounds/${encodeURIComponent(slug)}`;

    return {
      /** The round as residents see it (districts, voting settings); the public route. */
      publicRound: (slug: string) =>
        json<RoundPublicView>('GET', `/api/begroot/rounds/${encodeURIComponent(slug)}`),
      codeCounts: (slug: string) => json<CodeCounts[]>('GET', `${round(slug)}/codes`),
      /** The new codes' CSV text: the only time they exist in plain text. */
      createCodes: async (slug: string, district: string | null, count: number) =>
        (await request('POST', `${round(slug)}/codes`, { district, count })).text(),
      voidCode: (code: string, reissue: boolean) =>
        json<{ district: string | null; voided: boolean; reissued: string | null }>(
          'POST',
          `/begroot/codes/${encodeURIComponent(code.trim())}/void`,
          { reissue }
        ),
      paperBallotForm: (slug: string, code: string) =>
        json<PaperForm>('POST', `${round(slug)}/paper-ballots/form`, { code }),
      castPaperBallot: (slug: string, code: string, selections: BallotSelection[]) =>
        json<{ receipt: string }>('POST', `${round(slug)}/paper-ballots`, { code, selections }),
      listKiosks: (slug: string) => json<Kiosk[]>('GET', `${round(slug)}/kiosks`),
      createKiosk: (slug: string, input: unknown) =>
        json<{ kiosk: Kiosk; key: string }>('POST', `${round(slug)}/kiosks`, input),
      revokeKiosk: (id: string) =>
        json<Kiosk>('POST', `/begroot/kiosks/${encodeURIComponent(id)}/revoke`),
    };
  }, [token]);
}

/** Saves text as a file through the browser's download. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
