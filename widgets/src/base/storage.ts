/**
 * The few things widgets keep in the visitor's browser (a draft, a random seed), under keys that
 * start with `begroot:`. Storage may be missing or refuse (private mode, a sandboxed frame, a full
 * quota): then the widget works as before, it just forgets.
 */

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readStored<T = unknown>(key: string): T | undefined {
  try {
    const text = storage()?.getItem(key);
    return text == null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or refused: keep working without.
  }
}

export function removeStored(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

const SEED_KEY = 'begroot:seed';

/**
 * This visitor's random seed for `sort=random`: made once and kept, so lists keep their order
 * between visits while every visitor sees a different one (no proposal is always on top).
 */
export function visitorSeed(): string {
  const stored = readStored<string>(SEED_KEY);
  if (typeof stored === 'string' && /^[a-z0-9]{8,40}$/.test(stored)) return stored;
  const seed = newSeed();
  writeStored(SEED_KEY, seed);
  return seed;
}

/** A new random seed for `sort=random`, kept nowhere (a kiosk's next voter gets their own). */
export function newSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((byte) => byte.toString(36).padStart(2, '0')).join('');
}
