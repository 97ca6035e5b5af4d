/** Admin users and roles for tests of the management routes, and their login tokens. */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { TestStrapi } from './strapi.ts';

export const SUPER_ADMIN = { email: 'beheer@voorbeeldstad.test', password: 'Begroot2027!' };
/** Pass to `startStrapi` so the demo creates the super-admin. */
export const SUPER_ADMIN_ENV = {
  BEGROOT_ADMIN_EMAIL: SUPER_ADMIN.email,
  BEGROOT_ADMIN_PASSWORD: SUPER_ADMIN.password,
};

type RoleService = {
  create(attributes: { name: string; description: string }): Promise<{ id: number }>;
  assignPermissions(roleId: number, permissions: unknown[]): Promise<unknown>;
};
type UserService = { create(attributes: Record<string, unknown>): Promise<{ id: number }> };

/** `POST /admin/login`: the admin JWT. */
export async function login(app: TestStrapi, email: string, password: string): Promise<string> {
  const response = await app.request('/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  const token = (JSON.parse(text) as { data?: { token?: string } }).data?.token;
  assert.ok(token, `no token in ${text}`);
  return token;
}

/** A role with only the given admin actions and a user in it; returns the user's JWT. */
export async function userWithActions(app: TestStrapi, actions: string[]): Promise<string> {
  const suffix = crypto.randomBytes(4).toString('hex');
  const roles = app.strapi.service('admin::role') as unknown as RoleService;
  const role = await roles.create({ name: `Rol ${suffix}`, description: actions.join(', ') });
  await roles.assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, conditions: [], properties: {} }))
  );
  const email = `ambtenaar-${suffix}@voorbeeldstad.test`;
  const password = 'Ambtenaar2027!';
  await (app.strapi.service('admin::user') as unknown as UserService).create({
    email,
    firstname: 'Test',
    lastname: suffix,
    password,
    registrationToken: null,
    isActive: true,
    roles: [role.id],
  });
  return login(app, email, password);
}

/** A request with an admin's JWT. */
export const adminRequest = (
  app: TestStrapi,
  token: string,
  method: string,
  pathname: string,
  body?: unknown
) =>
  app.request(pathname, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
