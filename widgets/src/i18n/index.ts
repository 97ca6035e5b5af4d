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
 * The languages with a catalogue. Dutch is built in (the default, and what most pages use); the
 * others (English; French for Brussels) are separate chunks loaded only by a page that needs
 * them. Adding one is a file that satisfies `Messages` plus one line here, and a `texts.<lang>.ts`
 * per widget; the type checker finds every missing text.
 */
const LOADERS = {
  nl: () => Promise.resolve(nl),
  en: () => import('./en.js').then((module) => module.en),
  fr: () => import('./fr.js').then((module) => module.fr),
} satisfies Record<string, () => Promise<Messages>>;

export type Language = keyof typeof LOADERS;
export const DEFAULT_LANGUAGE: Language = 'nl';

const loaded = new Map<Language, Messages>([['nl', nl]]);
const loading = new Map<Language, Promise<Messages>>();

/** The catalogue of a language once loaded (Dutch always is). */
export function loadedCatalogue(language: Language): Messages | undefined {
  return loaded.get(language);
}

/**
 * Loads a language's catalogue (once). If its chunk cannot be loaded (offline), resolves with
 * Dutch, so a widget always has texts.
 */
export function loadCatalogue(language: Language): Promise<Messages> {
  const done = loaded.get(language);
  if (done) return Promise.resolve(done);
  let promise = loading.get(language);
  if (!promise) {
    promise = LOADERS[language]().then(
      (messages) => {
        loaded.set(language, messages);
        return messages;
      },
      (error: unknown) => {
        loading.delete(language);
        console.error(`Begroot: could not load the ${language} texts.`, error);
        return nl;
      }
    );
    loading.set(language, promise);
  }
  return promise;
}

/**
 * A widget's own texts: Dutch built in, other languages loaded on demand. Each widget keeps its
 * texts in its folder (`texts.ts`, `texts.en.ts`), so a page loads only the texts of its widgets.
 */
export type Catalogue<T> = { nl: T } & Record<Exclude<Language, 'nl'>, () => Promise<T>>;

const loadedTexts = new WeakMap<Catalogue<unknown>, Map<Language, unknown>>();
const loadingTexts = new WeakMap<Catalogue<unknown>, Map<Language, Promise<unknown>>>();

/** A catalogue's texts in a language, if loaded (Dutch always is). */
export function textsIn<T>(catalogue: Catalogue<T>, language: Language): T | undefined {
  if (language === 'nl') return catalogue.nl;
  return loadedTexts.get(catalogue)?.get(language) as T | undefined;
}

/** Loads a catalogue's texts in a language (once); Dutch if they cannot be loaded. */
export function loadTexts<T>(catalogue: Catalogue<T>, language: Language): Promise<T> {
  const done = textsIn(catalogue, language);
  if (done) return Promise.resolve(done);
  let pending = loadingTexts.get(catalogue);
  if (!pending) loadingTexts.set(catalogue, (pending = new Map()));
  let promise = pending.get(language) as Promise<T> | undefined;
  if (!promise) {
    promise = catalogue[language as Exclude<Language, 'nl'>]().then(
      (texts) => {
        let loaded = loadedTexts.get(catalogue);
        if (!loaded) loadedTexts.set(catalogue, (loaded = new Map()));
        loaded.set(language, texts);
        return texts;
      },
      (error: unknown) => {
        pending.delete(language);
        console.error(`Begroot: could not load the ${language} texts.`, error);
        return catalogue.nl;
      }
    );
    pending.set(language, promise);
  }
  return promise;
}

export interface ResolvedLocale {
  /** The catalogue's language: `nl`, `en`, `fr`. */
  language: Language;
  /** The tag for `Intl` formatting: the page's own tag when its language has a catalogue (`nl-BE`). */
  locale: string;
  /** The language's texts; Dutch until a catalogue that is still loading arrives (see `ready`). */
  messages: Messages;
  /** False while the language's catalogue is still to be loaded (`loadCatalogue`). */
  ready: boolean;
}

function isLanguage(value: string): value is Language {
  return Object.hasOwn(LOADERS, value);
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
    const messages = loaded.get(language);
    return { language, locale: canonical, messages: messages ?? nl, ready: !!messages };
  }
  return { language: DEFAULT_LANGUAGE, locale: DEFAULT_LANGUAGE, messages: nl, ready: true };
}
