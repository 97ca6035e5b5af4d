/** Helpers for the voting tests: admin log-in, a round in its voting phase, an SMTP server. */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { TestStrapi } from './strapi.ts';

export const ROUND_UID = 'plugin::begroot.round';
export const PROPOSAL_UID = 'plugin::begroot.proposal';
export const ADMIN = { email: 'beheer@voorbeeldstad.test', password: 'Begroot2027!' };
export const ADMIN_ENV = {
  BEGROOT_ADMIN_EMAIL: ADMIN.email,
  BEGROOT_ADMIN_PASSWORD: ADMIN.password,
};

const DAY = 24 * 60 * 60 * 1000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

/** An admin's JWT from `POST /admin/login`. */
export async function adminToken(app: TestStrapi, credentials = ADMIN): Promise<string> {
  const response = await app.request('/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return (JSON.parse(text) as { data: { token: string } }).data.token;
}

/** An active admin user with Strapi's Editor role (none of the plugin's voting permissions). */
export async function editorToken(app: TestStrapi): Promise<string> {
  const credentials = { email: 'redacteur@voorbeeldstad.test', password: 'Redacteur2027!' };
  const roles = app.strapi.service('admin::role') as unknown as {
    findOne(where: object): Promise<{ id: number } | null>;
  };
  const editor = await roles.findOne({ code: 'strapi-editor' });
  assert.ok(editor, 'Strapi’s Editor role is missing');
  const users = app.strapi.service('admin::user') as unknown as {
    findOneByEmail(email: string): Promise<{ id: number } | null>;
    create(attributes: object): Promise<unknown>;
  };
  if (!(await users.findOneByEmail(credentials.email))) {
    await users.create({
      email: credentials.email,
      firstname: 'Redacteur',
      password: credentials.password,
      isActive: true,
      registrationToken: null,
      roles: [editor.id],
    });
  }
  return adminToken(app, credentials);
}

/** Creates a round whose voting phase is open now; answers its documentId. */
export async function createVotingRound(
  app: TestStrapi,
  slug: string,
  overrides: Record<string, unknown> = {}
): Promise<string> {
  const created = await app.strapi.documents(ROUND_UID).create({
    data: {
      slug,
      title: `Ronde ${slug}`,
      budget: 300000,
      phases: [
        { kind: 'ideas', start: iso(-30), end: iso(-20) },
        { kind: 'review', start: iso(-20), end: iso(-1) },
        { kind: 'voting', start: iso(-1), end: iso(10) },
      ],
      districts: [
        { slug: 'oost', name: 'Oost', budget: 100000 },
        { slug: 'west', name: 'West', budget: 200000 },
      ],
      voting: { method: 'approval', minSelections: 1, maxSelections: 3, revote: 'forbid' },
      verification: { methods: ['code', 'email', 'open'] },
      ...overrides,
    } as never,
  });
  return created.documentId;
}

/** Admitted proposals in a round, created through the Document Service (as reviewed ones are). */
export async function createProposals(
  app: TestStrapi,
  round: string,
  proposals: Array<{ title: string; district: string | null; cost: number; status?: string }>
): Promise<string[]> {
  const ids: string[] = [];
  for (const proposal of proposals) {
    const created = await app.strapi.documents(PROPOSAL_UID as never).create({
      data: {
        round,
        title: proposal.title,
        description: `${proposal.title}: beschrijving, lang genoeg.`,
        district: proposal.district,
        officialCost: proposal.cost,
        estimatedCost: proposal.cost,
        status: proposal.status ?? 'admitted',
        history: [],
        updates: [],
      } as never,
    });
    ids.push((created as { documentId: string }).documentId);
  }
  return ids;
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** `POST …/verifications` with a code; the token. */
export async function verifyCode(app: TestStrapi, slug: string, code: string) {
  const response = await app.request(
    `/api/begroot/rounds/${slug}/verifications`,
    json({ method: 'code', code })
  );
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return (JSON.parse(text) as { data: { token: string; district: string | null } }).data;
}

/** Creates codes through the admin route; answers the CSV's codes. */
export async function createCodes(
  app: TestStrapi,
  token: string,
  slug: string,
  district: string | null,
  count: number
): Promise<string[]> {
  const response = await app.request(
    `/begroot/rounds/${slug}/codes`,
    json({ district, count }, { authorization: `Bearer ${token}` })
  );
  const text = await response.text();
  assert.equal(response.status, 201, text.slice(0, 500));
  const [header, ...lines] = text.trimEnd().split('\n');
  assert.equal(header, 'code,district');
  return lines.map((line) => line.split(',')[0]!);
}

/** The app's environment for sending mail to the test's SMTP server. */
export const smtpEnv = (smtp: { port: number }) => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  SMTP_IGNORE_TLS: 'true',
});

/** A real SMTP server on a free port that keeps every message it receives. */
export async function startSmtp() {
  const messages: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    messages,
    /** The six-digit code of the last mail to `address`. */
    async codeFor(address: string): Promise<string> {
      for (let i = 0; i < 200; i += 1) {
        const mail = messages.filter((message) => message.to.includes(address)).at(-1);
        const code = mail && /\b(\d{6})\b/.exec(mail.raw)?.[1];
        if (code) return code;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`No mail with a code reached ${address}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The demo app in a child process on the same database and secrets as this process's app. */
export async function spawnApp(): Promise<{
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}> {
  const { spawn } = await import('node:child_process');
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child-strapi.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, STRAPI_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('the child app did not start')), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const match = /\{"port":(\d+)\}/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child app exited (${code}) before listening`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
