import { slugSchema } from '@begroot/core';
import { configurationError } from '../api/errors.js';

/*
 * The round check of `config.ts`, for the read-only widgets (round timeline, project tracker).
 * A copy on purpose, as the budget meter keeps its own: `config.ts` travels in a chunk with the
 * form, board and ballot, and importing it from here would split that chunk and make their pages
 * download more. Keep the two in step.
 */

/** A web address the widget may link to or fetch from: relative, `http:` or `https:`. */
export function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value, document.baseURI).protocol);
  } catch {
    return false;
  }
}

/** Names the wrong attribute for the web editor before anything is requested. */
export function checkRound(tag: string, round: string, apiBase: string): void {
  if (!slugSchema.safeParse(round).success) {
    throw configurationError(
      'round',
      `${tag} needs a \`round\` attribute with the slug of a round (such as voorbeeldstad-2027), not "${round}".`
    );
  }
  if (!isWebUrl(apiBase)) {
    throw configurationError('api-base', `${tag}'s \`api-base\` is not a URL: "${apiBase}".`);
  }
}
