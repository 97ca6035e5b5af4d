import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { imageUploadFieldsSchema, proposalFormSettingsSchema } from '@begroot/core';
import { getService } from '../utils/get-service';
import { forbidden, validationError } from '../utils/errors';
import { pluginConfig } from '../utils/config';
import { enforceRateLimit } from '../utils/rate-limit';
import { detectImageType } from '../utils/image-type';
import { roundParamsSchema } from '../validation/round';
import type { IncomingFile } from '../services/proposal-upload';

const IMAGE_ERROR = 'Choose a photo or picture: a JPEG, PNG, GIF or WebP file (not SVG).';

/** The first bytes of a file, enough to recognise its type. */
async function head(filepath: string): Promise<Uint8Array> {
  const handle = await fs.open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(12);
    const { bytesRead } = await handle.read(buffer, 0, 12, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const imageError = (message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: ['file'], message, name: 'ValidationError' }],
  });

const proposalUpload = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `POST /api/begroot/rounds/:slug/uploads` (multipart: `file`, `alternativeText`): a resident's
   * image for a proposal, in the ideas phase only. Checked by its bytes (JPEG, PNG, GIF, WebP;
   * never SVG) and size (`imageMaxBytes`, else 413) before anything is stored; 201 with the
   * upload id the proposal then names as `image`.
   */
  async create(ctx: Context) {
    const request = ctx.request as unknown as {
      files?: Record<string, IncomingFile | IncomingFile[]>;
      body?: unknown;
    };
    const files = Object.values(request.files ?? {}).flat();
    const service = getService('proposal-upload', { strapi });
    try {
      const params = roundParamsSchema.safeParse(ctx.params);
      if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
      const rounds = getService('round', { strapi });
      const round = await rounds.findBySlug(params.data.slug);
      if (!round) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);
      await enforceRateLimit(strapi, ctx, 'upload', round.slug);
      const phase = rounds.phaseOf(round);
      if (phase !== 'ideas') {
        return forbidden(ctx, 'Images can only be uploaded during the ideas phase of this round.', {
          phase,
        });
      }
      const form = round.proposalForm ?? proposalFormSettingsSchema.parse({});
      if (!form.optionalFields.includes('image')) {
        return forbidden(ctx, 'This round’s proposal form does not take images.');
      }
      if (!ctx.is('multipart/form-data')) {
        throw new errors.ValidationError(
          'Send the image as multipart/form-data with the fields `file` and `alternativeText`.'
        );
      }

      const file = request.files?.file;
      if (!file || Array.isArray(file) || files.length !== 1) {
        throw imageError('Send exactly one image, in the field `file`.');
      }
      const limit = pluginConfig(strapi, 'imageMaxBytes');
      if (file.size > limit) {
        throw new errors.PayloadTooLargeError(
          `The image is larger than ${Math.round(limit / 1024)} kB.`,
          { limit }
        );
      }
      const type = detectImageType(await head(file.filepath));
      if (!type) throw imageError(IMAGE_ERROR);
      const fields = imageUploadFieldsSchema.safeParse(request.body ?? {});
      if (!fields.success) throw validationError('The image is not valid.', fields.error.issues);

      const stored = await service.store(round.documentId, file, type, fields.data.alternativeText);
      ctx.status = 201;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: stored };
    } finally {
      // Strapi's upload copies what it keeps; the parser's temporary files go either way.
      await service.discard(files);
    }
  },
});

export default proposalUpload;
