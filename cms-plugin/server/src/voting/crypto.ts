import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';

/**
 * Every secret of the voting part comes from one key that lives in the app's environment and never
 * in the database: BEGROOT_VOTING_KEY when set (recommended: keep it across restarts and
 * instances, and back it up with the app's other secrets), else the app's APP_KEYS. Separate keys
 * per purpose are derived from it with HKDF, so a hash of one kind can never be mistaken for
 * another.
 */
export type Purpose = 'code' | 'email' | 'otp' | 'token' | 'receipt' | 'kiosk';

export function votingKeys(strapi: Core.Strapi) {
  const material =
    process.env.BEGROOT_VOTING_KEY ||
    (strapi.config.get('server.app.keys', []) as string[]).join(',');
  if (!material) {
    throw new Error('begroot: set BEGROOT_VOTING_KEY (or APP_KEYS) to hash voting credentials.');
  }
  const keys = new Map<Purpose, Buffer>();
  const key = (purpose: Purpose) => {
    let derived = keys.get(purpose);
    if (!derived) {
      derived = Buffer.from(
        crypto.hkdfSync('sha256', material, 'begroot-voting', `begroot:${purpose}`, 32)
      );
      keys.set(purpose, derived);
    }
    return derived;
  };
  return {
    /** A keyed hash (HMAC-SHA-256, hex): what the database keeps instead of the secret. */
    hash(purpose: Purpose, value: string): string {
      return crypto.createHmac('sha256', key(purpose)).update(value).digest('hex');
    },
    sign(payload: string): string {
      return crypto.createHmac('sha256', key('token')).update(payload).digest('base64url');
    },
  };
}
export type VotingKeys = ReturnType<typeof votingKeys>;

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I). 32 symbols: 5 bits each. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 13 symbols × 5 bits = 65 bits of randomness, typed as XXXX-XXXX-XXXX-X. */
export const CODE_LENGTH = 13;

/** A new voting code from crypto.randomBytes (256 is a multiple of 32: no modulo bias). */
export function newCode(): string {
  const bytes = crypto.randomBytes(CODE_LENGTH);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += CODE_ALPHABET[bytes[i]! & 31];
  }
  return code;
}

/** A code as typed (any case, spaces or dashes) in its canonical form, or null if it cannot be one. */
export function normalizeCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== CODE_LENGTH) return null;
  for (const char of plain) if (!CODE_ALPHABET.includes(char)) return null;
  return plain;
}

/** A random secret for receipts, ids and one-time passwords. */
export const randomId = (bytes = 16) => crypto.randomBytes(bytes).toString('hex');

/** A kiosk's key: 256 bits, shown once to the official who sets the kiosk up. */
export const newKioskKey = () => `bk_${crypto.randomBytes(32).toString('base64url')}`;

/** A six-digit one-time code for e-mail verification. */
export const newOtp = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');

/** A receipt code the voter keeps: 80 bits in the code alphabet, grouped like a voting code. */
export function newReceipt(): string {
  const bytes = crypto.randomBytes(16);
  let receipt = '';
  for (let i = 0; i < 16; i += 1) {
    if (i > 0 && i % 4 === 0) receipt += '-';
    receipt += CODE_ALPHABET[bytes[i]! & 31];
  }
  return receipt;
}

export const normalizeReceipt = (input: string) => input.toUpperCase().replace(/[\s-]/g, '');

export const timingSafeEqualText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
};
