import { LitElement } from 'lit';
import type { Messages } from '../i18n/index.js';
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

  /** Waits for the language's texts (loaded on demand) before the first render in it. */
  protected override async scheduleUpdate(): Promise<unknown> {
    const pending = this.#lang.pending;
    if (pending) await pending;
    return super.scheduleUpdate();
  }

  /** The catalogue for the current language. */
  protected get messages(): Messages {
    return this.#lang.value.messages;
  }
}
