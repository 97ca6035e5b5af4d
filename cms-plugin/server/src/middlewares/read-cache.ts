import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { getService } from '../utils/get-service';
import { pluginConfig } from '../utils/config';

/**
 * RFC 9110's weak comparison of `If-None-Match` with our ETag. (Koa's `ctx.fresh` also looks at the
 * request's `Cache-Control: no-cache`, which `fetch` adds to every request with a hand-set
 * `If-None-Match`; that directive is for caches, and an origin server still answers 304.)
 */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * For the public GET routes: `ETag` and a short `Cache-Control`, `304` for a matching
 * `If-None-Match`, and answers kept in memory for `cacheMaxAge` seconds (see the service).
 * Errors are not cached.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const cache = getService('read-cache', { strapi });
    let entry = cache.get(ctx.url);
    if (!entry) {
      const startedAt = cache.generation();
      await next();
      if (ctx.status !== 200 || ctx.body == null) return;
      entry = cache.set(ctx.url, ctx.body, startedAt);
    }
    const maxAge = pluginConfig(strapi, 'cacheMaxAge');
    ctx.set('Cache-Control', `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 3}`);
    ctx.etag = entry.etag;
    ctx.status = 200;
    if (matches(ctx.get('If-None-Match'), entry.etag)) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = entry.body;
  };
