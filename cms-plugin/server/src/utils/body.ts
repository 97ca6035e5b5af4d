import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { pluginConfig } from './config';

/**
 * The JSON body of a write request, refused before anything is stored: another content type (400),
 * a body over `maxBodyBytes` (413), or something other than a JSON object (400).
 */
export function jsonBody(
  strapi: Core.Strapi,
  ctx: Context,
  options: { allowEmpty?: boolean } = {}
): Record<string, unknown> {
  const limit = pluginConfig(strapi, 'maxBodyBytes');
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) {
    throw new errors.PayloadTooLargeError(`The request body is larger than ${limit} bytes.`);
  }
  if (options.allowEmpty && declared === 0 && !ctx.get('transfer-encoding')) return {};
  if (!ctx.is('application/json')) {
    throw new errors.ValidationError(
      'Send the request body as JSON (Content-Type: application/json).'
    );
  }
  const body = (ctx.request as unknown as { body?: unknown }).body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new errors.ValidationError('The request body must be a JSON object.');
  }
  if (Buffer.byteLength(JSON.stringify(body)) > limit) {
    throw new errors.PayloadTooLargeError(`The request body is larger than ${limit} bytes.`);
  }
  return body as Record<string, unknown>;
}
