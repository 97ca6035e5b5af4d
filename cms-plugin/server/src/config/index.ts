import path from 'node:path';

export type PluginConfig = {
  /**
   * Folder of the built widgets served at /begroot/widgets/. Default (null): `dist/` of the
   * installed `@begroot/widgets` package. A city may point it at its own build.
   */
  widgetsDir: string | null;
};

export default {
  default: { widgetsDir: null } satisfies PluginConfig,
  validator(config: Partial<PluginConfig>) {
    const dir = config.widgetsDir;
    if (dir != null && (typeof dir !== 'string' || !path.isAbsolute(dir))) {
      throw new Error('begroot: `widgetsDir` must be an absolute path (or null for the default).');
    }
  },
};
