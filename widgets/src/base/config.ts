import { slugSchema } from '@begroot/core';
import { configurationError } from '../api/errors.js';

/** Whether `value` is a URL, relative to the page or absolute (`URL.canParse` is too recent). */
export function isUrl(value: string): boolean {
  try {
    new URL(value, document.baseURI);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks the attributes every round widget needs before anything is requested, and names the
 * wrong one for the web editor (`begroot-request-failed` with `kind: 'configuration'`).
 */
export function checkRoundAttributes(tag: string, round: string, apiBase: string): void {
  if (!slugSchema.safeParse(round).success) {
    throw configurationError(
      'round',
      `${tag} needs a \`round\` attribute with the slug of a round (such as voorbeeldstad-2027), not "${round}".`
    );
  }
  if (!isUrl(apiBase)) {
    throw configurationError('api-base', `${tag}'s \`api-base\` is not a URL: "${apiBase}".`);
  }
}
