import type { Core } from '@strapi/strapi';
import type services from '../services';
import { PLUGIN_ID } from './constants';

type Services = typeof services;
export type ServiceName = keyof Services;
export type Service<Name extends ServiceName> = ReturnType<Services[Name]>;

/** The plugin's services, typed: `getService('round').findPublicView(slug)`. */
export function getService<Name extends ServiceName>(
  name: Name,
  { strapi }: { strapi: Core.Strapi } = { strapi: global.strapi }
): Service<Name> {
  return strapi.plugin(PLUGIN_ID).service(name) as Service<Name>;
}
