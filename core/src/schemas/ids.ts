import * as z from 'zod/mini';

// Kept apart from proposal.ts (which re-exports it) so code that checks ids, such as the ballot
// check, does not carry the proposal input schemas along.

/** A Strapi `documentId`: the public identifier of every record. */
export const documentIdSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[a-z0-9]{10,40}$/, 'This is not a valid identifier.'));
