/** Rounds and proposals made directly through the Document Service, for API tests. */
import type { TestStrapi } from './strapi.ts';

export const ROUND_UID = 'plugin::begroot.round';
export const PROPOSAL_UID = 'plugin::begroot.proposal';
export const ARGUMENT_UID = 'plugin::begroot.argument';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export type PhaseKind = 'ideas' | 'review' | 'deliberation' | 'voting' | 'results' | 'execution';

/** A round whose `current` phase runs now (null: between phases), with districts and themes. */
export async function createRound(
  app: TestStrapi,
  slug: string,
  current: PhaseKind | null,
  extra: Record<string, unknown> = {}
): Promise<{ documentId: string; slug: string }> {
  const order: PhaseKind[] = ['ideas', 'review', 'deliberation', 'voting', 'results'];
  const index = current ? order.indexOf(current) : order.length + 1;
  const phases = order.map((kind, i) => ({
    kind,
    start: at((i - index) * 10 - 1),
    end: at((i - index) * 10 + 9),
  }));
  const created = await app.strapi.documents(ROUND_UID as never).create({
    data: {
      slug,
      title: `Ronde ${slug}`,
      budget: 100000,
      phases: current
        ? phases
        : phases.map((p) => ({ ...p, start: at(-100), end: at(-99) })).slice(0, 1),
      districts: [
        { slug: 'oost', name: 'Oost', budget: 60000 },
        { slug: 'west', name: 'West', budget: 40000 },
      ],
      themes: [
        { slug: 'groen', name: 'Groen' },
        { slug: 'spelen', name: 'Spelen' },
      ],
      allowedOrigins: ['https://www.voorbeeldstad.nl'],
      ...extra,
    } as never,
  });
  return { documentId: (created as { documentId: string }).documentId, slug };
}

let counter = 0;

/** A proposal in `status`, stored directly (as a reviewed proposal would be). */
export async function createProposal(
  app: TestStrapi,
  roundId: string,
  fields: Record<string, unknown> = {}
): Promise<string> {
  counter += 1;
  const created = await app.strapi.documents(PROPOSAL_UID as never).create({
    data: {
      round: roundId,
      title: `Voorstel ${counter}`,
      description: `Beschrijving van voorstel ${counter}, lang genoeg.`,
      district: 'oost',
      status: 'admitted',
      email: `indiener${counter}@example.org`,
      history: [{ status: 'admitted', at: new Date().toISOString(), reason: null }],
      updates: [],
      submittedAt: new Date(Date.now() - counter * 1000).toISOString(),
      ...fields,
    } as never,
  });
  return (created as { documentId: string }).documentId;
}

/** Rows of a content-type (all rounds), to check that a refused request stored nothing. */
export const countRows = (app: TestStrapi, uid: string) =>
  app.strapi.db.query(uid as never).count();

/** `POST` with a JSON body. */
export const postJson = (
  app: TestStrapi,
  pathname: string,
  body: unknown,
  headers: Record<string, string> = {}
) =>
  app.request(pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
