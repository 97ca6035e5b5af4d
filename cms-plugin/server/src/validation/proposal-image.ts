import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PROPOSAL_UID } from '../utils/constants';
import { pluginConfig } from '../utils/config';

type UploadedFile = { mime?: string | null; size?: number | string | null };

/** The file id(s) a Document Service write sets as `image`: an id, `{ id }`, or a connect list. */
function imageIds(value: unknown): number[] {
  if (value == null) return [];
  if (typeof value === 'number' || typeof value === 'string') return [Number(value)];
  if (Array.isArray(value)) return value.flatMap(imageIds);
  if (typeof value === 'object') {
    const record = value as { id?: unknown; connect?: unknown; set?: unknown };
    if (record.id !== undefined) return imageIds(record.id);
    return [...imageIds(record.connect), ...imageIds(record.set)];
  }
  return [];
}

/**
 * A proposal's image, whoever sets it (Content Manager, services): an image (not SVG, which can
 * carry scripts) of at most `imageMaxBytes`. Strapi's upload stores `size` in kB.
 */
export function registerProposalImageValidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== PROPOSAL_UID) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    const ids = imageIds(data?.image).filter((id) => Number.isFinite(id));
    if (ids.length === 0) return next();

    const limit = pluginConfig(strapi, 'imageMaxBytes');
    for (const id of ids) {
      const file = (await strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { id }, select: ['mime', 'size'] })) as UploadedFile | null;
      const message = !file
        ? 'The image does not exist.'
        : !file.mime?.startsWith('image/') || file.mime === 'image/svg+xml'
          ? 'A proposal’s image must be a photo or picture (JPEG, PNG, WebP, GIF).'
          : Number(file.size ?? 0) * 1024 > limit
            ? `A proposal’s image may be at most ${Math.round(limit / 1024)} kB.`
            : null;
      if (message) {
        throw new errors.ValidationError(message, {
          errors: [{ path: ['image'], message, name: 'ValidationError' }],
        });
      }
    }
    return next();
  });
}
