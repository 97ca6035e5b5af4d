import { useAuth } from '@strapi/strapi/admin';

import { rightsOf, type Rights } from '../lib/permissions';

/** The plugin's rights of the signed-in admin, from the permissions Strapi loaded for them. */
export function useRights(): Rights {
  const permissions = useAuth('Begroot', (state) => state.permissions);
  return rightsOf(permissions);
}
