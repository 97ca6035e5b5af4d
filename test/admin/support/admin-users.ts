/**
 * The admin users of the browser tests, made through the admin panel's own routes: the CMS's
 * first super-admin, and officials invited with a role of a few rights.
 */
import assert from 'node:assert/strict';

export type Credentials = { email: string; password: string };
type Person = { firstname: string; lastname: string };

/** An admin API call with an admin's JWT; fails the test on an error status; answers the JSON. */
export async function adminFetch<T>(
  url: string,
  token: string,
  method: string,
  pathname: string,
  body?: unknown
): Promise<T> {
  const response = await fetch(`${url}${pathname}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${pathname}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Registers the first super-admin of a fresh CMS at `url`, as the panel's welcome form does;
 * answers their JWT.
 */
export async function registerFirstAdmin(
  url: string,
  admin: Credentials & Person
): Promise<string> {
  const response = await fetch(`${url}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return (JSON.parse(text) as { data: { token: string } }).data.token;
}

/**
 * An official with a new role holding only `actions`: the super-admin (`adminToken`) makes the
 * role and invites them, and they finish registering with the invitation, as the panel's
 * registration page does.
 */
export async function registerOfficial(
  url: string,
  adminToken: string,
  {
    role,
    actions,
    user,
  }: {
    role: { name: string; description: string };
    actions: string[];
    user: Credentials & Person;
  }
): Promise<void> {
  const asAdmin = <T>(method: string, pathname: string, body: unknown) =>
    adminFetch<T>(url, adminToken, method, pathname, body);
  const { data: created } = await asAdmin<{ data: { id: number } }>('POST', '/admin/roles', role);
  await asAdmin('PUT', `/admin/roles/${created.id}/permissions`, {
    permissions: actions.map((action) => ({
      action,
      subject: null,
      properties: {},
      conditions: [],
    })),
  });
  const { firstname, lastname, email, password } = user;
  const { data: invited } = await asAdmin<{ data: { registrationToken: string } }>(
    'POST',
    '/admin/users',
    { firstname, lastname, email, roles: [created.id] }
  );
  const registered = await fetch(`${url}/admin/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      registrationToken: invited.registrationToken,
      userInfo: { firstname, lastname, password },
    }),
  });
  assert.equal(registered.status, 200, await registered.text());
}
