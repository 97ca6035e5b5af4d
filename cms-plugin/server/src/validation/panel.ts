import * as z from 'zod/mini';
import { plainLine, plainText } from '@begroot/core';

/** `PUT /begroot/rounds/:slug/panel`: seats and the public seed (null: not announced yet). */
export const panelSettingsInputSchema = z.strictObject({
  seats: z
    .int('Give the number of seats as a whole number.')
    .check(
      z.minimum(1, 'A panel has at least 1 seat.'),
      z.maximum(10_000, 'A panel has at most 10,000 seats.')
    ),
  seed: z.nullable(plainLine({ min: 1, max: 200 })),
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
  csv: z
    .string()
    .check(
      z.minLength(1, 'The file is empty.'),
      z.maxLength(1_000_000, 'The file is larger than 1 MB: split it.')
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
