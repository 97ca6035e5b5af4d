import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { conflictsAs409, validationError } from '../utils/errors';
import { jsonBody } from '../utils/body';
import { roundParamsSchema } from '../validation/round';
import {
  codeBatchInputSchema,
  codeParamsSchema,
  paperBallotInputSchema,
  voidCodeInputSchema,
} from '../validation/voting';

/** Management routes of the voting part (admin auth, plugin permissions). */
const manage = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('voting', { strapi });
  const slug = (ctx: Context) => {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    return params.data.slug;
  };

  return conflictsAs409({
    /** `POST /begroot/rounds/:slug/codes`: the new codes as CSV, the only time they are shown. */
    async createCodes(ctx: Context) {
      const round = slug(ctx);
      const input = codeBatchInputSchema.safeParse(ctx.request.body ?? {});
      if (!input.success) throw validationError('Invalid code batch.', input.error.issues);
      const { district, codes } = await service().createCodes(
        round,
        input.data.district,
        input.data.count
      );
      const suffix = district ?? '';
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="codes-${round}${suffix ? `-${suffix}` : ''}.csv"`
      );
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = `code,district\n${codes.map((code) => `${code},${suffix}\n`).join('')}`;
    },

    /** `GET /begroot/rounds/:slug/codes`: issued, used, unused and voided codes per district. */
    async codeCounts(ctx: Context) {
      ctx.body = { data: await service().codeCounts(slug(ctx)) };
    },

    /** `POST /begroot/codes/:id/void` (`:id` is the code), optionally `{ "reissue": true }`. */
    async voidCode(ctx: Context) {
      const params = codeParamsSchema.safeParse(ctx.params);
      if (!params.success) throw validationError('Invalid code.', params.error.issues);
      const input = voidCodeInputSchema.safeParse(ctx.request.body ?? undefined);
      if (!input.success) throw validationError('Invalid request.', input.error.issues);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: await service().voidCode(params.data.id, input.data?.reissue ?? false),
      };
    },

    /** `POST /begroot/rounds/:slug/paper-ballots`: a paper ballot with its letter's code; 201. */
    async paperBallot(ctx: Context) {
      const loaded = await service().loadRound(slug(ctx));
      const input = paperBallotInputSchema.safeParse(jsonBody(strapi, ctx));
      if (!input.success) throw validationError('Invalid paper ballot.', input.error.issues);
      const receipt = await service().castPaper(loaded, input.data.code, input.data.selections);
      ctx.status = 201;
      ctx.body = { data: receipt };
    },
  });
};

export default manage;
