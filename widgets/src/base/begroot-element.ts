import { LitElement } from 'lit';
import { loadTexts, textsIn, type Catalogue, type Messages } from '../i18n/index.js';
import { LangController } from './lang.js';

/**
 * What every Begroot widget shares: the page's language (nl by default, en; follows the nearest
 * `lang` attribute, so `lang="en"` on the element overrides the page) and its messages.
 *
 * `lang` is HTML's own global attribute, so it is not redeclared as a Lit property; the
 * `LangController` watches it on the element and its ancestors instead.
 */
export class BegrootElement extends LitElement {
  readonly #lang = new LangController(this);

  /** The tag used for number, currency and date formatting (`nl`, `nl-BE`, `en-GB`). */
  protected get locale(): string {
    return this.#lang.value.locale;
  }

  /** The widget's own texts (its `texts.ts`), loaded for each language before rendering in it. */
  protected static catalogues: readonly Catalogue<unknown>[] = [];

  /** Catalogues of parts loaded later (a widget's later steps), loaded like `catalogues` from then on. */
  protected lateCatalogues: readonly Catalogue<unknown>[] = [];

  /** Waits for the language's texts (loaded on demand) before the first render in it. */
  protected override async scheduleUpdate(): Promise<unknown> {
    const pending = this.#lang.pending;
    if (pending) await pending;
    const language = this.#lang.language;
    const catalogues = [
      ...(this.constructor as typeof BegrootElement).catalogues,
      ...this.lateCatalogues,
    ];
    const missing = catalogues.filter((catalogue) => !textsIn(catalogue, language));
    if (missing.length > 0) await Promise.all(missing.map((c) => loadTexts(c, language)));
    return super.scheduleUpdate();
  }

  /** A widget's own texts in the current language (Dutch until they have loaded). */
  protected texts<T>(catalogue: Catalogue<T>): T {
    return textsIn(catalogue, this.#lang.language) ?? catalogue.nl;
  }

  /** The catalogue for the current language. */
  protected get messages(): Messages {
    return this.#lang.value.messages;
  }
}
