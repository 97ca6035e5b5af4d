// The proposal form's constants, in a module without schemas (and apart from constants.ts, which
// the widgets' light checks load on every page): the form shows its fields with them without
// pulling the proposal schemas into its first load. Exported from proposal.ts as before.

/** The image types a resident may upload (never SVG, which can carry scripts). */
export const PROPOSAL_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
/** Default size limit of a resident's image, in bytes (the server's `imageMaxBytes` decides). */
export const PROPOSAL_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** The honeypot: a field people never see and bots fill in. */
export const HONEYPOT_FIELD = 'website';
