/**
 * `plugin::begroot.argument`: an argument on a proposal (`for`, `against`, `question`), a reply
 * (`replyTo`, an argument's documentId) or an official answer (`official`). A report sets
 * `awaitingModeration` and keeps the reason; a moderator hides or restores with a reason. Hidden
 * arguments are never in a public response.
 */
import schema from './schema.json';

export default { schema };
