import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { conflictsAs409, respondError, validationError } from '../utils/errors';
import { CountTimeoutError } from '../counting/in-worker';
import { roundParamsSchema } from '../validation/round';
import { ballotsQuerySchema } from '../validation/voting';

/** Counting and publishing (admin), and the published results and ballots (public). */
const results = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('results', { strapi });
  const round = (ctx: Context) => {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    return getService('voting', { strapi }).loadRound(params.data.slug);
  };

  return conflictsAs409({
    /** `POST /begroot/rounds/:slug/count`: outcome, explanation and greedy beside it; not published. */
    async count(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      try {
        ctx.body = { data: await service().count(await round(ctx)) };
      } catch (error) {
        if (error instanceof CountTimeoutError) {
          respondError(ctx, 503, 'ServiceUnavailableError', error.message, { retry: true });
          return;
        }
        throw error;
      }
    },

    /** `POST /begroot/rounds/:slug/publish-results`: the last count becomes public. */
    async publish(ctx: Context) {
      const published = await service().publish(await round(ctx));
      ctx.body = { data: published.results, meta: { ballots: published.ballots } };
    },

    /** `GET /api/begroot/rounds/:slug/results`: the published outcome, 404 before publication. */
    async find(ctx: Context) {
      const published = await service().published(await round(ctx));
      if (!published)
        throw new errors.NotFoundError('The results of this round are not published yet.');
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.body = {
        data: published.results,
        meta: { ballots: published.ballots, countedAt: published.countedAt },
      };
    },

    /**
     * `GET /api/begroot/rounds/:slug/ballots.pb[?district=…]`: the anonymous ballots, after
     * publication; one district's (`city`: city-wide proposals) with `district`.
     */
    async ballots(ctx: Context) {
      const query = ballotsQuerySchema.safeParse(ctx.query ?? {});
      if (!query.success) throw validationError('Invalid query.', query.error.issues);
      const loaded = await round(ctx);
      if (!(await service().published(loaded))) {
        throw new errors.NotFoundError('The ballots are published with the results.');
      }
      ctx.set('Cache-Control', 'no-store');
      const district = query.data.district;
      const body = await service().pabulib(loaded, district);
      const name =
        district === undefined ? loaded.stored.slug : `${loaded.stored.slug}-${district}`;
      ctx.set('Content-Disposition', `attachment; filename="${name}.pb"`);
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = body;
    },

    /** `GET /api/begroot/rounds/:slug/open-data.zip`: README, proposals, ballots, results. */
    async openData(ctx: Context) {
      const loaded = await round(ctx);
      const archive = await service().openData(loaded);
      if (!archive) {
        throw new errors.NotFoundError(
          'The open data package is published with the results: they are not published yet.'
        );
      }
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Disposition', `attachment; filename="${loaded.stored.slug}-open-data.zip"`);
      ctx.type = 'application/zip';
      ctx.body = archive;
    },
  });
};

export default results;
