/**
 * `plugin::begroot.round`: one participatory-budgeting round.
 *
 * Phases and districts are JSON attributes, not components or related content-types:
 * - components are awkward inside plugins (they must be registered under the app's namespace);
 * - a round is configured as one document (issue 4 imports it as JSON from version control), so
 *   it is validated as one document: district budgets against the total, unique district slugs,
 *   unique phase kinds, phase dates. That is a single zod parse of the merged document on every
 *   write (see `validation/round-document.ts`), where relations would need cross-document checks
 *   spread over several content-types and transactions;
 * - everything else refers to a district by its slug (`"district": "oost"` in proposals, ballot
 *   tokens and codes), which stays stable when a district is renamed or its budget changes.
 * Data that grows per resident (proposals, arguments, ballots) gets its own content-types or
 * tables; configuration stays in the round.
 *
 * `slug` carries a real unique index (`column.unique`): `unique: true` alone is only a check
 * before the insert and lets concurrent creates through.
 */
import schema from './schema.json';

export default { schema };
