import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadCatalogue, resolveLocale, type Language, type ResolvedLocale } from '../i18n/index.js';

/**
 * The `lang` that applies to an element: its own, else the nearest ancestor's, crossing shadow
 * roots up to `<html lang>`. An empty string when none is set (or `lang=""`: language unknown).
 */
export function effectiveLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const withLang = node.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/** The document and shadow roots an element sits in, innermost first. */
function rootsOf(element: Element): Node[] {
  const roots: Node[] = [];
  let root = element.getRootNode();
  for (;;) {
    roots.push(root);
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
  return roots;
}

/**
 * Follows the language of the page around its host: resolves the catalogue and formatting locale
 * and re-renders the host when a `lang` attribute changes on it or any ancestor (the city's
 * language switch, or an editor setting `lang="en"` on the widget itself).
 */
export class LangController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;
  #lang = '';
  #resolved: ResolvedLocale = resolveLocale('');

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Catalogue, language and formatting locale for the host's current `lang`. */
  get value(): ResolvedLocale {
    return this.#resolved;
  }

  hostConnected(): void {
    this.#update();
    this.#observer = new MutationObserver(() => this.#update());
    for (const root of rootsOf(this.#host)) {
      this.#observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** The language the host should speak (also while its texts are still loading). */
  get language(): Language {
    return resolveLocale(this.#lang).language;
  }

  /** Set while the language's catalogue loads; the host waits for it before rendering. */
  get pending(): Promise<unknown> | null {
    return this.#pending;
  }

  #pending: Promise<unknown> | null = null;

  #update(): void {
    const lang = effectiveLang(this.#host);
    if (lang === this.#lang) return;
    this.#lang = lang;
    const resolved = resolveLocale(lang);
    if (!resolved.ready) {
      // Render in the right language or not at all: wait for its texts (a small chunk).
      const pending = loadCatalogue(resolved.language).then(() => {
        if (this.#pending === pending) this.#pending = null;
        if (this.#lang === lang) {
          this.#resolved = resolveLocale(lang);
          this.#host.requestUpdate();
        }
      });
      this.#pending = pending;
      this.#host.requestUpdate();
      return;
    }
    this.#pending = null;
    if (
      resolved.locale !== this.#resolved.locale ||
      resolved.messages !== this.#resolved.messages
    ) {
      this.#resolved = resolved;
      this.#host.requestUpdate();
    }
  }
}
