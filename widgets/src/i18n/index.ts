import { en } from './en.js';
import type { Messages } from './messages.js';
import { nl } from './nl.js';

export type { Messages } from './messages.js';
export {
  formatAmount,
  formatDate,
  formatNumber,
  formatPercent,
  parseAmount,
  shareOf,
} from './format.js';

/**
 * The languages with a catalogue. Adding one (French for Brussels) is a `fr.ts` that satisfies
 * `Messages` plus one line here; the type checker finds every missing text.
 */
const CATALOGUES = { nl, en } satisfies Record<string, Messages>;

export type Language = keyof typeof CATALOGUES;
export const DEFAULT_LANGUAGE: Language = 'nl';

export interface ResolvedLocale {
  /** The catalogue's language: `nl`, `en`. */
  language: Language;
  /** The tag for `Intl` formatting: the page's own tag when its language has a catalogue (`nl-BE`). */
  locale: string;
  messages: Messages;
}

function isLanguage(value: string): value is Language {
  return Object.hasOwn(CATALOGUES, value);
}

/**
 * Maps a `lang` attribute to a catalogue and a formatting locale. Unknown, empty or malformed
 * tags fall back to Dutch, so texts and numbers always agree with each other.
 */
export function resolveLocale(tag: string | null | undefined): ResolvedLocale {
  let canonical: string | undefined;
  try {
    canonical = tag ? Intl.getCanonicalLocales(tag.trim())[0] : undefined;
  } catch {
    canonical = undefined;
  }
  const language = canonical?.split('-')[0]?.toLowerCase() ?? '';
  if (canonical && isLanguage(language)) {
    return { language, locale: canonical, messages: CATALOGUES[language] };
  }
  return { language: DEFAULT_LANGUAGE, locale: DEFAULT_LANGUAGE, messages: CATALOGUES.nl };
}
