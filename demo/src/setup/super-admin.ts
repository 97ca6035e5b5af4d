import type { Core } from '@strapi/strapi';

type AdminUser = { id: number; password?: string; isActive?: boolean; roles?: { id: number }[] };
type UserService = {
  findOneByEmail(email: string, populate?: string[]): Promise<AdminUser | null>;
  create(attributes: Record<string, unknown>): Promise<AdminUser>;
  updateById(id: number, attributes: Record<string, unknown>): Promise<AdminUser>;
};
type RoleService = { getSuperAdmin(): Promise<{ id: number } | null> };
type AuthService = { validatePassword(password: string, hash: string): Promise<boolean> };

/** Strapi's own rule for admin passwords. */
const STRONG_PASSWORD = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,72}$/;

/**
 * With BEGROOT_ADMIN_EMAIL and BEGROOT_ADMIN_PASSWORD set, makes sure a super-admin with exactly
 * these credentials exists and is active (for scripted set-up); without them, Strapi's
 * first-admin screen applies as usual.
 */
export async function ensureSuperAdmin(strapi: Core.Strapi, env = process.env) {
  const email = env.BEGROOT_ADMIN_EMAIL?.trim().toLowerCase();
  const password = env.BEGROOT_ADMIN_PASSWORD;
  if (!email || !password) return null;
  if (!STRONG_PASSWORD.test(password)) {
    throw new Error(
      'BEGROOT_ADMIN_PASSWORD must have 8 to 72 characters with a lowercase letter, an uppercase ' +
        'letter and a digit (Strapi’s rule for admin passwords).'
    );
  }

  const users = strapi.service('admin::user') as unknown as UserService;
  const superAdmin = await (
    strapi.service('admin::role') as unknown as RoleService
  ).getSuperAdmin();
  if (!superAdmin) throw new Error('Strapi’s super-admin role is missing.');

  const existing = await users.findOneByEmail(email, ['roles']);
  if (!existing) {
    const created = await users.create({
      email,
      firstname: 'Begroot',
      lastname: 'Beheer',
      password,
      registrationToken: null,
      isActive: true,
      roles: [superAdmin.id],
    });
    strapi.log.info(`[demo] Created the super-admin ${email}.`);
    return { id: created.id, created: true };
  }

  const auth = strapi.service('admin::auth') as unknown as AuthService;
  const changes: Record<string, unknown> = {};
  if (!existing.password || !(await auth.validatePassword(password, existing.password))) {
    changes.password = password;
  }
  if (!existing.isActive) changes.isActive = true;
  const roleIds = (existing.roles ?? []).map((role) => role.id);
  if (!roleIds.includes(superAdmin.id)) changes.roles = [...roleIds, superAdmin.id];
  if (Object.keys(changes).length > 0) {
    await users.updateById(existing.id, changes);
    strapi.log.info(
      `[demo] Updated the super-admin ${email} (${Object.keys(changes).join(', ')}).`
    );
  }
  return { id: existing.id, created: false };
}
