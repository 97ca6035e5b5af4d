import * as z from 'zod/mini';

// Apart from primitives.ts (which re-exports it) because widgets check their `round` attribute
// with it: their shared code then carries neither the amount rules nor the issue codes.

/** A URL-safe identifier: lowercase letters, digits and single hyphens (`voorbeeldstad-2027`, `oost`). */
export const slugSchema = /* @__PURE__ */ z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(80),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens.')
  );
