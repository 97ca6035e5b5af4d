import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/**
 * Serves the city's page (`public/index.html`) at `/`. `strapi::public` redirects `/` to the admin
 * panel and serves everything else from `public/`, so this rewrites `/` to `/index.html` before
 * the router runs; the admin panel stays at `/admin`.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path === '/') {
      ctx.path = '/index.html';
    }
    await next();
  };
