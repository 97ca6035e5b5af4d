import type { VotingKeys } from './crypto';
import { timingSafeEqualText } from './crypto';

/** What a ballot token says: the round, the voter's district and the credential's keyed hash. */
export interface BallotClaims {
  /** The round's documentId. */
  round: string;
  /** The voter's district slug, or null where the voter has none. */
  district: string | null;
  /** Keyed hash of the credential (code, e-mail, or a random one for open rounds). */
  credential: string;
  /** Expiry, milliseconds since the epoch. */
  expires: number;
  /** Verified at an event kiosk (recorded on the ballot as its channel); absent: online. */
  kiosk?: true;
}

/** A ballot token lives this long: enough to choose, short enough to be useless when leaked later. */
export const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

const encode = (claims: BallotClaims) =>
  Buffer.from(
    JSON.stringify({
      r: claims.round,
      d: claims.district,
      c: claims.credential,
      x: claims.expires,
      ...(claims.kiosk ? { k: 1 } : {}),
    })
  ).toString('base64url');

/** `v1.<claims>.<HMAC>`: signed with a key from the app's environment; nothing is stored. */
export function signToken(keys: VotingKeys, claims: BallotClaims): string {
  const body = `v1.${encode(claims)}`;
  return `${body}.${keys.sign(body)}`;
}

/** The claims of a valid, unexpired token, or null. */
export function verifyToken(
  keys: VotingKeys,
  token: string,
  now = Date.now()
): BallotClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return null;
  const body = `${parts[0]}.${parts[1]}`;
  if (!timingSafeEqualText(keys.sign(body), parts[2]!)) return null;
  try {
    const raw = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as {
      r?: unknown;
      d?: unknown;
      c?: unknown;
      x?: unknown;
      k?: unknown;
    };
    if (typeof raw.r !== 'string' || typeof raw.c !== 'string' || typeof raw.x !== 'number') {
      return null;
    }
    if (raw.d !== null && typeof raw.d !== 'string') return null;
    if (raw.x <= now) return null;
    const claims: BallotClaims = {
      round: raw.r,
      district: raw.d,
      credential: raw.c,
      expires: raw.x,
    };
    if (raw.k === 1) claims.kiosk = true;
    return claims;
  } catch {
    return null;
  }
}
