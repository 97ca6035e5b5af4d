import * as z from 'zod/mini';
import { ISSUE_CODES } from './issue-codes.js';

/**
 * What a browser would parse as a tag, comment or doctype (`<b>`, `</p>`, `<!-- -->`, `<img src=x>`);
 * `a < b` is text to a browser, and to us.
 */
const MARKUP = /<(?:[a-z][a-z0-9-]*|\/[a-z][a-z0-9-]*|!)[^>]*>/i;
/** Control characters other than tab and newline. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Text a resident or official writes: trimmed, line endings normalised, length-limited, and refused
 * when it contains markup, so it is never stored or served as HTML (widgets render it as text).
 */
export function plainText(options: { min?: number; max: number }) {
  const { min = 0, max } = options;
  return z.pipe(
    z.string(),
    z.string().check(
      z.overwrite((value) => value.replace(/\r\n?/g, '\n').trim()),
      z.refine((value) => !CONTROL.test(value), {
        message: 'Remove the control characters from this text.',
        params: { code: ISSUE_CODES.controlCharacters },
      }),
      z.refine((value) => !MARKUP.test(value), {
        message: 'Write plain text: HTML is not allowed.',
        params: { code: ISSUE_CODES.markup },
      }),
      z.minLength(min, min <= 1 ? 'This field is required.' : `Write at least ${min} characters.`),
      z.maxLength(max, `Write at most ${max} characters.`)
    )
  );
}

/** A single line of plain text (names, titles): no line breaks. */
export function plainLine(options: { min?: number; max: number }) {
  return z.pipe(
    plainText(options),
    z.string().check(
      z.refine((value) => !value.includes('\n'), {
        message: 'Keep this on one line.',
        params: { code: ISSUE_CODES.oneLine },
      })
    )
  );
}
