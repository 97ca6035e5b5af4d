import type { Core } from '@strapi/strapi';
import { DEFAULT_CONFIG, type PluginConfig } from '../config';
import { PLUGIN_ID } from './constants';

/** One setting of the plugin's config, falling back to the default. */
export function pluginConfig<K extends keyof PluginConfig>(
  strapi: Core.Strapi,
  key: K
): PluginConfig[K] {
  return strapi.plugin(PLUGIN_ID).config<PluginConfig[K] | undefined>(key) ?? DEFAULT_CONFIG[key];
}
