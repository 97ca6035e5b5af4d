import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { conflictsAs409, validationError } from '../utils/errors';
import { jsonBody } from '../utils/body';
import { roundParamsSchema } from '../validation/round';
import {
  codeBatchInputSchema,
  codeParamsSchema,
  kioskInputSchema,
  kioskParamsSchema,
  paperBallotInputSchema,
  paperCodeInputSchema,
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

    /**
     * `GET /begroot/rounds/:slug/codes`: issued, used, unused and voided codes per district, and
     * its counted ballots per channel (`ballots: { online, kiosk, paper }`, totals in `meta`).
     */
    async codeCounts(ctx: Context) {
      const rows = await service().codeCounts(slug(ctx));
      const total = { online: 0, kiosk: 0, paper: 0 };
      for (const row of rows) {
        for (const channel of Object.keys(total) as Array<keyof typeof total>) {
          total[channel] += row.ballots[channel];
        }
      }
      ctx.body = { data: rows, meta: { ballots: total } };
    },

    /** `GET /begroot/rounds/:slug/kiosks`: the round's kiosks (never their keys). */
    async listKiosks(ctx: Context) {
      ctx.body = { data: await service().listKiosks(slug(ctx)) };
    },

    /** `POST /begroot/rounds/:slug/kiosks`: 201 `{ data: { kiosk, key } }`, the key shown once. */
    async createKiosk(ctx: Context) {
      const round = slug(ctx);
      const input = kioskInputSchema.safeParse(jsonBody(strapi, ctx));
      if (!input.success) throw validationError('Invalid kiosk.', input.error.issues);
      const created = await service().createKiosk(round, input.data);
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 201;
      ctx.body = { data: created };
    },

    /** `POST /begroot/kiosks/:id/revoke`: the key verifies nothing from now on. */
    async revokeKiosk(ctx: Context) {
      const params = kioskParamsSchema.safeParse(ctx.params);
      if (!params.success) throw validationError('Invalid kiosk id.', params.error.issues);
      ctx.body = { data: await service().revokeKiosk(params.data.id) };
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

    /**
     * `POST /begroot/rounds/:slug/paper-ballots/form` `{ "code" }`: the code's district and what
     * its ballot may hold (voting settings, budgets, admitted proposals); 400/409 as the ballot.
     */
    async paperBallotForm(ctx: Context) {
      const loaded = await service().loadRound(slug(ctx));
      const input = paperCodeInputSchema.safeParse(jsonBody(strapi, ctx));
      if (!input.success) throw validationError('Invalid code.', input.error.issues);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await service().paperBallotForm(loaded, input.data.code) };
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
