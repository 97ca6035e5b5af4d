import * as z from 'zod/mini';
import {
  type ballotInputSchema,
  ballotSelectionSchema,
  type codeBatchInputSchema,
  instantSchema,
  slugSchema,
} from '@begroot/core';

export { ballotInputSchema, codeBatchInputSchema, verificationInputSchema } from '@begroot/core';

/** `POST /begroot/rounds/:slug/paper-ballots`: the letter's code and the selections. */
export const paperBallotInputSchema = z.strictObject({
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  selections: z.array(ballotSelectionSchema).check(z.maxLength(1000)),
});

/** `POST /begroot/rounds/:slug/paper-ballots/form`: the letter's code, before the choices. */
export const paperCodeInputSchema = z.strictObject({
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
});

/** `POST /begroot/codes/:id/void`: optionally a new code in its place. */
export const voidCodeInputSchema = z.optional(z.strictObject({ reissue: z.optional(z.boolean()) }));

/** `:id` of `/begroot/codes/:id/void`: the code itself, as printed on the letter. */
export const codeParamsSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(40)),
});

/** `POST /begroot/rounds/:slug/kiosks`: an event device, the districts it serves, its window. */
export const kioskInputSchema = z
  .strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
    /** Empty or absent: every district of the round. */
    districts: z.optional(z.array(slugSchema).check(z.maxLength(200))),
    activeFrom: z.optional(z.nullable(instantSchema)),
    activeUntil: z.optional(z.nullable(instantSchema)),
  })
  .check(
    z.refine(
      (kiosk) =>
        !kiosk.activeFrom ||
        !kiosk.activeUntil ||
        Date.parse(kiosk.activeFrom) < Date.parse(kiosk.activeUntil),
      { message: 'The window must end after it starts.', path: ['activeUntil'] }
    )
  );
export type KioskInput = z.infer<typeof kioskInputSchema>;

/** `:id` of `/begroot/kiosks/:id/revoke`. */
export const kioskParamsSchema = z.object({
  id: z.string().check(z.regex(/^[0-9a-f]{32}$/, 'Not a kiosk id.')),
});

/** The header a kiosk sends its key in on verification requests. */
export const KIOSK_KEY_HEADER = 'x-begroot-kiosk-key';

export type CodeBatchInput = z.infer<typeof codeBatchInputSchema>;
export type BallotInput = z.infer<typeof ballotInputSchema>;

/** `GET /api/begroot/rounds/:slug/ballots.pb?district=…`: one district's ballots (`city`: city-wide). */
export const ballotsQuerySchema = z.object({
  district: z.optional(slugSchema),
});
