import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ROUND_UID } from '../utils/constants';
import { isUniqueViolation, validationError } from '../utils/errors';
import { toAmount } from '../utils/amount';
import { ROUND_FIELDS, roundDocumentSchema, roundDocumentWarnings } from './round';

type Data = Record<string, unknown>;

/** The round document's fields of `source`; null (an empty column) counts as absent. */
const pick = (source: Data | null | undefined): Data =>
  Object.fromEntries(
    ROUND_FIELDS.filter((field) => source?.[field] != null).map((field) => [
      field,
      field === 'budget' ? toAmount(source?.[field]) : source?.[field],
    ])
  );

/**
 * Validates every write of a round, whoever makes it (Content Manager, the plugin's services,
 * scripts using the Document Service), against core's round document schema: for an update, the
 * stored document merged with the change, so a change to one field is checked against the others.
 * What gets stored is the parsed document (strings trimmed, defaults filled in). What the schema
 * only warns about (district budgets that do not add up, gaps between phases) is logged.
 * Writes through `strapi.db.query` bypass this; the plugin does not use it for rounds.
 */
export function registerRoundValidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ROUND_UID) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();

    const params = context.params as { documentId?: string; data?: Data };
    const data: Data = params.data ?? {};
    let stored: Data = {};
    if (context.action === 'update' && params.documentId) {
      const existing = await strapi
        .documents(ROUND_UID)
        .findOne({ documentId: params.documentId, fields: [...ROUND_FIELDS] });
      stored = pick(existing as Data | null);
    }

    const result = roundDocumentSchema.safeParse({ ...stored, ...pick(data) });
    if (!result.success) throw validationError('The round is not valid.', result.error.issues);
    params.data = { ...data, ...result.data };
    for (const warning of roundDocumentWarnings(result.data)) {
      strapi.log.warn(`[begroot] round "${result.data.slug}": ${warning}`);
    }

    try {
      return await next();
    } catch (error) {
      // Two writes raced past Strapi's uniqueness check; the database index refused the second.
      if (isUniqueViolation(error)) {
        const message = 'Another round already uses this slug.';
        throw new errors.ValidationError(message, {
          errors: [{ path: ['slug'], message, name: 'ValidationError' }],
        });
      }
      throw error;
    }
  });
}

const WRITES = ['create', 'update', 'delete', 'publish', 'unpublish'];

/**
 * After a write to the plugin's content, the cached public reads start afresh; after a round is
 * written, CORS reads the allowed origins again.
 */
export function registerCacheInvalidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid.startsWith('plugin::begroot.') && WRITES.includes(context.action)) {
      const service = (name: string) =>
        strapi.plugin('begroot').service(name) as { invalidate(): void };
      service('read-cache').invalidate();
      if (context.uid === ROUND_UID) service('cors').invalidate();
    }
    return result;
  });
}
