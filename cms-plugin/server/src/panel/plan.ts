import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { PanelTarget } from '@begroot/core';
import type { StoredRound } from '../services/round';

/**
 * How a round's panel is stratified, from the round's own figures:
 * - by district when the round has districts;
 * - also by age band when the round lists age bands and every district gives its residents per
 *   band (then residents must give their age band to sign up);
 * - targets from those figures: residents per district and band, or per district; each stratum's
 *   weight is its share of the residents in millionths, so the draw file shows shares, not the
 *   figures themselves. Without figures, no targets: seats follow the volunteers per stratum.
 */
export type PanelPlan = {
  stratifyBy: Array<'district' | 'ageBand'>;
  targets: PanelTarget[] | null;
  districts: string[];
  ageBands: string[];
  ageBandRequired: boolean;
};

export function panelPlan(round: Pick<StoredRound, 'districts' | 'voting'>): PanelPlan {
  const districts = round.districts ?? [];
  const bands = round.voting?.ageBands ?? [];
  const byAge =
    districts.length > 0 &&
    bands.length > 0 &&
    districts.every((d) => bands.every((band) => typeof d.ageBands?.[band] === 'number'));
  const stratifyBy: PanelPlan['stratifyBy'] = [];
  if (districts.length > 0) stratifyBy.push('district');
  if (byAge) stratifyBy.push('ageBand');

  let figures: Array<{ stratum: Record<string, string>; residents: number }> | null = null;
  if (byAge) {
    figures = districts.flatMap((d) =>
      bands.map((band) => ({
        stratum: { district: d.slug, ageBand: band },
        residents: d.ageBands?.[band] ?? 0,
      }))
    );
  } else if (districts.length > 0 && districts.every((d) => typeof d.population === 'number')) {
    figures = districts.map((d) => ({
      stratum: { district: d.slug },
      residents: d.population ?? 0,
    }));
  }
  const total = figures?.reduce((sum, f) => sum + f.residents, 0) ?? 0;
  const targets =
    figures && total > 0
      ? figures.map((f) => ({
          stratum: f.stratum,
          weight: Math.round((f.residents * 1_000_000) / total),
        }))
      : null;
  return {
    stratifyBy,
    targets,
    districts: districts.map((d) => d.slug),
    ageBands: bands,
    ageBandRequired: byAge,
  };
}

/** A candidate's stratum values under the plan. */
export function strataOf(
  plan: Pick<PanelPlan, 'stratifyBy'>,
  candidate: { district: string; ageBand: string }
): Record<string, string> {
  return Object.fromEntries(plan.stratifyBy.map((field) => [field, candidate[field]]));
}

/**
 * A candidate's pseudonym in the published draw file: HMAC-SHA-256 of round and candidate under a
 * key derived from BEGROOT_VOTING_KEY (or APP_KEYS), 20 hex digits. Nobody without the key can
 * link it to a person; the volunteer finds their own in their confirmation mail.
 */
export function pseudonymizer(strapi: Core.Strapi) {
  const material =
    process.env.BEGROOT_VOTING_KEY ||
    (strapi.config.get('server.app.keys', []) as string[]).join(',');
  if (!material) throw new Error('begroot: set BEGROOT_VOTING_KEY (or APP_KEYS).');
  const key = Buffer.from(
    crypto.hkdfSync('sha256', material, 'begroot-panel', 'begroot:panel', 32)
  );
  return (roundId: string, candidateId: string) =>
    crypto.createHmac('sha256', key).update(`${roundId}:${candidateId}`).digest('hex').slice(0, 20);
}
