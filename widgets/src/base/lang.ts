import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type ResolvedLocale } from '../i18n/index.js';

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

  #update(): void {
    const lang = effectiveLang(this.#host);
    if (lang === this.#lang) return;
    this.#lang = lang;
    const resolved = resolveLocale(lang);
    if (resolved.locale !== this.#resolved.locale) {
      this.#resolved = resolved;
      this.#host.requestUpdate();
    }
  }
}
