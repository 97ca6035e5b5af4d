import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';

const widgets = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `GET /begroot/widgets/<file>`: the built widgets, loadable by any page (a city's own site
   * embeds them with one script tag). Public, no credentials: `Access-Control-Allow-Origin: *`
   * replaces what the global CORS middleware set for this response.
   */
  async serve(ctx: Context) {
    const requested = String(ctx.params.file ?? '');
    const file = await getService('widgets', { strapi }).resolve(requested);
    if (!file) throw new errors.NotFoundError(`There is no widget file "${requested}".`);

    ctx.remove('Access-Control-Allow-Credentials');
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('Cache-Control', file.cacheControl);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.vary('Origin');
    ctx.etag = `W/"${file.size.toString(16)}-${file.mtime.getTime().toString(16)}"`;
    ctx.lastModified = file.mtime;
    ctx.type = file.contentType;

    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    // For HEAD, Koa sends the headers only and destroys the stream when the response finishes.
    ctx.body = fs.createReadStream(file.absolutePath);
    ctx.length = file.size;
  },
});

export default widgets;
