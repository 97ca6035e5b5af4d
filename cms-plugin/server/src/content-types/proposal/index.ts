/**
 * `plugin::begroot.proposal`: a resident's proposal in one round.
 *
 * - `district` and `theme` are the round's slugs (stable when a district is renamed);
 * - `history` (JSON, public) lists every status change `{ status, at, reason }`; `updates` (JSON,
 *   public) the dated updates during execution;
 * - `email` is private: never in a public response (the public view is built field by field);
 * - `image`: Strapi upload, images only; the size limit is checked on write (`imageMaxBytes`).
 */
import schema from './schema.json';

export default { schema };
