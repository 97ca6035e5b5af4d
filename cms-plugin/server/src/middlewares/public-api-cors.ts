import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { getService } from '../utils/get-service';

const PREFIX = '/api/begroot/';
const CORS_HEADERS = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
  'Access-Control-Max-Age',
];

/** The CMS's own origins: `server.url` when set, and the origin this request was sent to. */
function ownOrigins(strapi: Core.Strapi, ctx: Context): string[] {
  const origins = [ctx.origin];
  const url = strapi.config.get<string>('server.url');
  if (url) {
    try {
      origins.push(new URL(url).origin);
    } catch {
      // A relative server.url has no origin of its own.
    }
  }
  return origins;
}

/**
 * CORS for the public API (`/api/begroot/*`), in place of Strapi's global `strapi::cors` (which
 * echoes any origin, with credentials): only the round's allowed origins and the CMS's own origin,
 * never credentials (the widgets need no cookies). Preflights are answered here; a write from an
 * origin that is not allowed is refused with 403 before it reaches the route; a read answers
 * without CORS headers, so the browser withholds it from that page.
 * Mounted on the server in `register`, so it runs before the app's middlewares.
 */
export function publicApiCors(strapi: Core.Strapi) {
  return async (ctx: Context, next: Next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const origin = ctx.get('Origin');
    if (!origin) {
      // Not a cross-origin request: no CORS headers (strapi::cors would add its own).
      try {
        await next();
      } finally {
        for (const header of CORS_HEADERS) ctx.remove(header);
        ctx.vary('Origin');
      }
      return;
    }

    let allowed = ownOrigins(strapi, ctx).includes(origin);
    if (!allowed) {
      try {
        allowed = await getService('cors', { strapi }).allows(ctx.path, origin);
      } catch (error) {
        strapi.log.error(`[begroot] CORS: could not read allowed origins: ${String(error)}`);
      }
    }

    const setHeaders = () => {
      for (const header of CORS_HEADERS) ctx.remove(header);
      ctx.vary('Origin');
      if (!allowed) return;
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Access-Control-Expose-Headers', 'ETag, Retry-After');
    };

    if (ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method')) {
      setHeaders();
      if (allowed) {
        ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE');
        // Authorization: the voting routes' bearer token (never cookies); a kiosk's key.
        ctx.set(
          'Access-Control-Allow-Headers',
          'Content-Type, If-None-Match, Authorization, X-Begroot-Kiosk-Key'
        );
        ctx.set('Access-Control-Max-Age', '600');
      }
      ctx.status = 204;
      return;
    }

    if (!allowed && !['GET', 'HEAD'].includes(ctx.method)) {
      ctx.vary('Origin');
      ctx.status = 403;
      ctx.body = {
        data: null,
        error: {
          status: 403,
          name: 'ForbiddenError',
          message: `This round does not accept requests from ${origin}.`,
          details: {},
        },
      };
      return;
    }

    try {
      await next();
    } finally {
      setHeaders();
    }
  };
}
