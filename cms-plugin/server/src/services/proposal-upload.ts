import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import type { ImageType } from '../utils/image-type';
import { ensureTable } from '../utils/tables';

/**
 * Residents' images waiting to be attached to a proposal, in a plain table the plugin creates
 * itself: the upload id a resident got (random, single use), the Strapi file, the round and when.
 * A proposal that names the id takes the file and removes the row in one transaction; rows older
 * than `PENDING_UPLOAD_TTL_MS` were never attached (the proposal was not sent, or the visitor
 * left) and are deleted with their files: on each new upload and every hour (see bootstrap).
 */
export const UPLOADS_TABLE = 'begroot_pending_uploads';
/** A few hours: the form uploads when the idea is sent, so an id is used within seconds. */
export const PENDING_UPLOAD_TTL_MS = 6 * 60 * 60 * 1000;
const CLEANUP_BATCH = 50;

type Knex = Core.Strapi['db']['connection'];
type PendingRow = { id: string; file_id: number; round_id: string; created_at: number | string };
type StoredFile = {
  id: number;
  url: string;
  mime: string;
  size: number;
  alternativeText: string | null;
};
type UploadService = {
  upload(
    input: { data: { fileInfo: Record<string, unknown> }; files: Record<string, unknown> },
    options?: unknown
  ): Promise<StoredFile[]>;
  remove(file: unknown): Promise<unknown>;
};

/** A file as Strapi's body parser (formidable) left it in the temporary folder. */
export type IncomingFile = { filepath: string; originalFilename?: string | null; size: number };

/**
 * The resident's image without its metadata: a phone photo's EXIF can say where it was taken (the
 * resident's home). Re-encoded upright by sharp, which keeps no metadata unless asked; Strapi's
 * own optimisation may keep the original file. GIFs carry no EXIF and keep their frames as sent.
 * Answers the new size.
 */
async function withoutMetadata(file: IncomingFile, type: ImageType): Promise<number> {
  if (type.mime === 'image/gif') return file.size;
  const clean = await sharp(file.filepath).rotate().toBuffer();
  await fs.writeFile(file.filepath, clean);
  return clean.length;
}

const newUploadId = () => {
  // 24 characters of [a-z0-9]: about 124 bits.
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.randomBytes(24), (byte) => alphabet[byte % 36]).join('');
};

export function ensureUploadsTable(strapi: Core.Strapi) {
  return ensureTable(strapi, UPLOADS_TABLE, (table) => {
    table.string('id', 24).primary();
    table.integer('file_id').notNullable();
    table.string('round_id', 64).notNullable();
    table.bigInteger('created_at').notNullable();
    table.index(['created_at'], 'begroot_pending_uploads_created_idx');
  });
}

const proposalUpload = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection;
  const uploads = () => strapi.plugin('upload').service('upload') as unknown as UploadService;

  return {
    /**
     * Stores a checked image through Strapi's upload (its own checks, optimisation and formats
     * apply) and records it as pending for the round; answers the upload id and the file.
     */
    async store(
      roundId: string,
      file: IncomingFile,
      type: ImageType,
      alternativeText: string,
      now = Date.now()
    ) {
      await this.removeExpired(now).catch((error: unknown) => {
        strapi.log.warn(`[begroot] Could not clean up unattached uploads: ${String(error)}`);
      });
      const name = `voorstel-${now}${type.ext}`;
      const size = await withoutMetadata(file, type);
      const [stored] = await uploads().upload({
        data: { fileInfo: { name, alternativeText } },
        files: {
          filepath: file.filepath,
          originalFilename: name,
          mimetype: type.mime,
          detectedMimeType: type.mime,
          size,
        },
      });
      if (!stored) throw new Error('The upload stored no file.');
      const id = newUploadId();
      try {
        await knex()(UPLOADS_TABLE).insert({
          id,
          file_id: stored.id,
          round_id: roundId,
          created_at: now,
        });
      } catch (error) {
        await uploads()
          .remove(stored)
          .catch(() => {});
        throw error;
      }
      // No URL: until an official admits its proposal, the file is nobody's to link to (the
      // form previews the resident's own copy), so the upload route hosts nothing for anyone.
      return {
        id,
        mime: stored.mime,
        size: Math.round(Number(stored.size) * 1024),
        alternativeText: stored.alternativeText ?? alternativeText,
      };
    },

    /**
     * Takes a pending upload of the round for a proposal: answers its file id and deletes the row
     * (in the caller's transaction, so a second proposal cannot take it too), or null when the id
     * is unknown, of another round, used or expired.
     */
    async claim(db: Knex, roundId: string, uploadId: string, now = Date.now()) {
      const row = (await db(UPLOADS_TABLE).where({ id: uploadId, round_id: roundId }).first()) as
        PendingRow | undefined;
      if (!row || now - Number(row.created_at) > PENDING_UPLOAD_TTL_MS) return null;
      const deleted = await db(UPLOADS_TABLE).where({ id: uploadId }).delete();
      return deleted === 1 ? Number(row.file_id) : null;
    },

    /** Deletes pending uploads older than the TTL, with their files. Answers how many. */
    async removeExpired(now = Date.now()) {
      const expired = (await knex()(UPLOADS_TABLE)
        .where('created_at', '<', now - PENDING_UPLOAD_TTL_MS)
        .orderBy('created_at')
        .limit(CLEANUP_BATCH)) as PendingRow[];
      for (const row of expired) {
        const file = await strapi.db
          .query('plugin::upload.file')
          .findOne({ where: { id: row.file_id } });
        if (file) await uploads().remove(file);
        await knex()(UPLOADS_TABLE).where({ id: row.id }).delete();
      }
      return expired.length;
    },

    /** Deletes the temporary files the body parser left (a refused upload keeps nothing). */
    async discard(files: readonly IncomingFile[]) {
      await Promise.all(files.map((file) => fs.rm(file.filepath, { force: true })));
    },
  };
};

export default proposalUpload;
