import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../utils/constants';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Vite names chunks `<name>-<hash>.js` (8 base64url characters); such a file never changes under
 * the same name. A word of lowercase letters (`-meter.js`) is not a hash.
 */
const isHashed = (file: string): boolean => {
  const hash = /-([A-Za-z0-9_-]{8})\.(?:m?js|css)(?:\.map)?$/.exec(file)?.[1];
  return hash !== undefined && !/^[a-z]+$/.test(hash);
};

/** A relative path of plain names: no `..`, no absolute paths, no backslashes or NUL bytes. */
const SAFE_PATH = /^(?:[A-Za-z0-9_@][A-Za-z0-9_.@-]*\/)*[A-Za-z0-9_@][A-Za-z0-9_.@-]*$/;

export type WidgetFile = {
  absolutePath: string;
  size: number;
  mtime: Date;
  contentType: string;
  cacheControl: string;
};

// The CommonJS build has `require`; the ES build (unused by Strapi) falls back to the app's root.
const nodeRequire: NodeJS.Require =
  typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'index.js'));

/**
 * Serves the built widgets: `dist/` of `@begroot/widgets`, or the plugin's `widgetsDir` setting.
 * The folder is looked up on each request, so a widgets build made after Strapi started is
 * picked up.
 */
const widgets = ({ strapi }: { strapi: Core.Strapi }) => {
  let warned = false;

  const distDir = (): string | null => {
    const configured = strapi.plugin(PLUGIN_ID).config<string | null>('widgetsDir');
    if (configured) return configured;
    try {
      return path.join(path.dirname(nodeRequire.resolve('@begroot/widgets/package.json')), 'dist');
    } catch {
      if (!warned) {
        warned = true;
        strapi.log.warn(
          '[begroot] @begroot/widgets is not installed: /begroot/widgets/* answers 404.'
        );
      }
      return null;
    }
  };

  return {
    distDir,

    /** The file to send for a requested path under /begroot/widgets/, or null (answer 404). */
    async resolve(requested: string): Promise<WidgetFile | null> {
      if (!SAFE_PATH.test(requested) || requested.split('/').some((part) => part === '..')) {
        return null;
      }
      const contentType = CONTENT_TYPES[path.extname(requested)];
      if (!contentType) return null;
      const root = distDir();
      if (!root) return null;
      try {
        const realRoot = await fs.promises.realpath(root);
        const absolutePath = await fs.promises.realpath(path.join(realRoot, requested));
        if (!absolutePath.startsWith(realRoot + path.sep)) return null;
        const stat = await fs.promises.stat(absolutePath);
        if (!stat.isFile()) return null;
        return {
          absolutePath,
          size: stat.size,
          mtime: stat.mtime,
          contentType,
          cacheControl: isHashed(requested)
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=300, must-revalidate',
        };
      } catch {
        return null;
      }
    },
  };
};

export default widgets;
