import { toRequestFailure } from '../api/errors.js';
import type { Messages } from '../i18n/index.js';

/**
 * What to tell a visitor about a failed request, in their language. A 429 carries the server's
 * own message (how long to wait), which is shown as it is.
 */
export function requestErrorText(error: unknown, messages: Messages): string {
  const failure = toRequestFailure(error);
  const texts = messages.common.requestFailed;
  switch (failure.kind) {
    case 'network':
      return texts.network;
    case 'configuration':
      return texts.configuration(failure.attribute ?? 'round');
    case 'invalid-response':
      return texts.invalidResponse;
    case 'http':
      if (failure.status === 429) {
        return failure.name === 'HttpError' ? texts.rateLimited : failure.message;
      }
      return failure.status === 404 ? texts.notFound : texts.server;
  }
}
