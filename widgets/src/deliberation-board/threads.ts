import { STANCES, type ArgumentPublicView, type Stance } from '@begroot/core';

/** An argument with the replies to it, oldest first, replies threaded under their argument. */
export interface Thread {
  argument: ArgumentPublicView;
  replies: Thread[];
}

export interface Threads {
  /** Top-level contributions by stance (replies sit under these). */
  byStance: Record<Stance, Thread[]>;
  /** Contributions of each stance, replies included. */
  counts: Record<Stance, number>;
}

/**
 * Groups a proposal's arguments into threads in one pass (fast with hundreds): top-level ones by
 * stance, replies under the argument they answer, whatever their own stance. A reply whose
 * argument is missing (hidden by a moderator) is shown at the top level of its own stance.
 */
export function buildThreads(list: readonly ArgumentPublicView[]): Threads {
  const sorted = [...list].sort((a, b) => Date.parse(a.postedAt) - Date.parse(b.postedAt));
  const nodes = new Map<string, Thread>();
  for (const argument of sorted) nodes.set(argument.documentId, { argument, replies: [] });
  const byStance = Object.fromEntries(STANCES.map((stance) => [stance, []])) as unknown as Record<
    Stance,
    Thread[]
  >;
  const counts = { for: 0, against: 0, question: 0 } satisfies Record<Stance, number>;
  // Only an earlier argument can be answered, so a malformed cycle never hides a thread.
  const seen = new Set<string>();
  for (const argument of sorted) {
    const node = nodes.get(argument.documentId)!;
    counts[argument.stance] += 1;
    const parent =
      argument.replyTo && seen.has(argument.replyTo) ? nodes.get(argument.replyTo) : undefined;
    seen.add(argument.documentId);
    if (parent) parent.replies.push(node);
    else byStance[argument.stance].push(node);
  }
  return { byStance, counts };
}
