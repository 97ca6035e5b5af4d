import * as z from 'zod/mini';
import { plainLine, plainText } from '@begroot/core';

const moment = z.nullable(
  z.iso.datetime({ offset: true, message: 'Give a date and time (ISO 8601), or null.' })
);

/**
 * `PUT /begroot/rounds/:slug/panel`: seats, the public seed (null: not announced yet; accepted
 * only after closing, then write-once), the sign-up switch and window (omitted: unchanged).
 */
export const panelSettingsInputSchema = z
  .strictObject({
    seats: z
      .int('Give the number of seats as a whole number.')
      .check(
        z.minimum(1, 'A panel has at least 1 seat.'),
        z.maximum(10_000, 'A panel has at most 10,000 seats.')
      ),
    seed: z.optional(z.nullable(plainLine({ min: 1, max: 200 }))),
    enabled: z.optional(z.boolean('Say true or false.')),
    signupOpensAt: z.optional(moment),
    signupClosesAt: z.optional(moment),
  })
  .check(
    z.refine(
      (input) =>
        !input.signupOpensAt ||
        !input.signupClosesAt ||
        Date.parse(input.signupOpensAt) < Date.parse(input.signupClosesAt),
      { message: 'Sign-up must open before it closes.', path: ['signupClosesAt'] }
    )
  );

/** `DELETE /begroot/rounds/:slug/panel/candidates/:id`: a candidate's id. */
export const panelCandidateParamsSchema = z.object({
  slug: z.string(),
  id: z.string().check(z.regex(/^[0-9a-f]{32}$/, 'Unknown candidate.')),
});

/** `POST /begroot/rounds/:slug/panel/draw`: the official repeats the seed to confirm. */
export const panelDrawInputSchema = z.strictObject({
  seed: plainLine({ min: 1, max: 200 }),
});

/** `POST /begroot/rounds/:slug/panel/void`: a public reason. */
export const panelVoidInputSchema = z.strictObject({
  reason: plainText({ min: 5, max: 500 }),
});

/** `POST /begroot/rounds/:slug/panel/candidates/import`: the CSV file's text. */
export const panelImportInputSchema = z.strictObject({
  csv: z.string().check(
    z.minLength(1, 'The file is empty.'),
    // Strapi's JSON body limit is 1 MB: a file this size still fits with its JSON escaping.
    z.maxLength(700_000, 'The file is larger than 700 kB: split it into parts and import each.')
  ),
});

/** `GET /api/begroot/rounds/:slug/panel/draw.json?number=N`: an earlier (voided) draw. */
export const drawFileQuerySchema = z.strictObject({
  number: z.optional(
    z.pipe(
      z.string().check(z.regex(/^[1-9]\d{0,5}$/, 'Give the draw number as a whole number.')),
      z.transform(Number)
    )
  ),
});

/** `POST /begroot/rounds/:slug/panel/invitations`: `{ retry: true }` resends failed or unsent ones. */
export const panelInviteInputSchema = z.strictObject({
  retry: z.optional(z.boolean('Say true or false.')),
});
