import { useMemo } from 'react';
import { useAuth } from '@strapi/strapi/admin';
import type { PanelPublicView } from '@begroot/core';

import { ApiError } from './begroot';
import { errorsFromResponse } from '../lib/issues';

const backend = () => (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

/** A person on the selected or reserve list, with contact details (officials only). */
export type PanelPerson = {
  position: number;
  lotNumber: string;
  displayName: string | null;
  email: string | null;
  district: string | null;
  ageBand: string | null;
  invitedAt: string | null;
  /** The mail server took the invitation, or refused it (officials can retry). */
  invitationSentAt?: string | null;
  invitationFailedAt?: string | null;
};

/** `GET /begroot/rounds/:slug/panel`: the public numbers plus what officials need. */
export type PanelAdminView = PanelPublicView & {
  settings: {
    seats: number | null;
    seed: string | null;
    enabled: boolean;
    signupOpensAt: string | null;
    signupClosesAt: string | null;
    closedAt: string | null;
    poolSha256: string | null;
    poolSize: number | null;
  };
  ageBandRequired: boolean;
  candidates: Array<{
    id: string;
    lotNumber: string;
    displayName: string;
    email: string;
    district: string;
    ageBand: string;
    source: 'signup' | 'import';
    createdAt: string;
  }>;
  activeDraw: null | {
    number: number;
    drawnAt: string;
    sha256: string;
    unfilled: number;
    selected: PanelPerson[];
    reserves: PanelPerson[];
  };
};

/** Where anyone downloads a round's draw file (the standing draw, or draw `number`). */
export function drawFileUrl(slug: string, number?: number): string {
  const query = number === undefined ? '' : `?number=${number}`;
  return `${backend()}/api/begroot/rounds/${encodeURIComponent(slug)}/panel/draw.json${query}`;
}

/** `PUT /begroot/rounds/:slug/panel`. */
export type PanelSettingsUpdate = {
  seats: number;
  seed?: string | null;
  enabled?: boolean;
  signupOpensAt?: string | null;
  signupClosesAt?: string | null;
};

/** The panel's management routes with the signed-in admin's token. */
export function usePanelApi() {
  const token = useAuth('Begroot', (state) => state.token);
  return useMemo(() => {
    async function json<T>(method: string, url: string, body?: unknown): Promise<T> {
      const response = await fetch(`${backend()}${url}`, {
        method,
        headers: {
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          Authorization: `Bearer ${token ?? ''}`,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = (await response.json().catch(() => null)) as { data?: T } | null;
      if (!response.ok) {
        // The overall message ("3 problems in the file") and each problem.
        const message =
          (data as { error?: { message?: string } } | null)?.error?.message ??
          `Request failed (${response.status})`;
        throw new ApiError(message, errorsFromResponse(data), response.status);
      }
      return data?.data as T;
    }
    const panel = (slug: string) => `/begroot/rounds/${encodeURIComponent(slug)}/panel`;
    return {
      view: (slug: string) => json<PanelAdminView>('GET', panel(slug)),
      /** Seats, switch and window (omitted fields stay); the seed only once the pool is closed. */
      saveSettings: (slug: string, settings: PanelSettingsUpdate) =>
        json<PanelAdminView>('PUT', panel(slug), settings),
      close: (slug: string) => json<PanelAdminView>('POST', `${panel(slug)}/close`),
      removeCandidate: (slug: string, id: string) =>
        json<PanelAdminView>('DELETE', `${panel(slug)}/candidates/${encodeURIComponent(id)}`),
      importCsv: (slug: string, csv: string) =>
        json<{ imported: number }>('POST', `${panel(slug)}/candidates/import`, { csv }),
      draw: (slug: string, seed: string) =>
        json<PanelAdminView>('POST', `${panel(slug)}/draw`, { seed }),
      voidDraw: (slug: string, reason: string) =>
        json<PanelAdminView>('POST', `${panel(slug)}/void`, { reason }),
      invite: (slug: string, retry = false) =>
        json<{ invited: number; alreadyInvited: number }>(
          'POST',
          `${panel(slug)}/invitations`,
          retry ? { retry: true } : undefined
        ),
    };
  }, [token]);
}
