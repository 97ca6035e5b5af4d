import {
  DEFAULT_VOTING_SETTINGS,
  checkBallot,
  type BallotIssue,
  type BallotSelection,
  type ProposalPublicView,
  type RoundPublicView,
  type VotingSettings,
} from '@begroot/core';
import { ContextConsumer, ContextEvent, ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readStored, removeStored, writeStored } from '../base/storage.js';
import { ballotsContext } from '../context/keys.js';

/** What a ballot offers of one proposal: the cost that counts (official, else estimated). */
export interface BallotOption {
  documentId: string;
  title: string;
  /** The summary, else the start of the description. */
  summary: string;
  cost: number;
  district: string | null;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

/** Where a round's selection is kept in the browser, so verification, a reload or a closed tab loses nothing. */
export const selectionKey = (round: string) => `begroot:ballot:${round}`;

/**
 * One round's ballot on this page: the proposals on offer, the voter's district and selection,
 * checked live with core's `checkBallot`. The vote ballot writes it; a budget meter in ballot
 * mode anywhere on the page reads it. Listeners hear every change (`change` event).
 */
export class BallotStore extends EventTarget {
  readonly round: string;
  #voting: VotingSettings = { ...DEFAULT_VOTING_SETTINGS };
  /** Each district's effective ballot rules, where the round's public view gives them. */
  #districtVoting = new Map<string, VotingSettings>();
  #options = new Map<string, BallotOption>();
  #budgets = new Map<string, number>();
  #roundBudget = 0;
  #district: string | null = null;
  #selections: BallotSelection[];
  #ready = false;
  currency = 'EUR';
  /** Keep the selection in the browser (not on a kiosk, which keeps nothing). */
  persist = true;

  constructor(round: string) {
    super();
    this.round = round;
    const stored = readStored<{ selections?: unknown; district?: unknown }>(selectionKey(round));
    this.#selections = Array.isArray(stored?.selections)
      ? (stored.selections as BallotSelection[]).filter(
          (s) => s && typeof s === 'object' && typeof s.proposal === 'string'
        )
      : [];
    this.#district = typeof stored?.district === 'string' ? stored.district : null;
  }

  /** Whether the ballot has loaded its round and proposals. */
  get ready(): boolean {
    return this.#ready;
  }

  /**
   * The ballot rules the voter follows now: their district's (the round's with the district's
   * own on top, as the public view gives them), else the round's.
   */
  get voting(): VotingSettings {
    return (this.#district !== null && this.#districtVoting.get(this.#district)) || this.#voting;
  }

  get options(): ReadonlyMap<string, BallotOption> {
    return this.#options;
  }

  get district(): string | null {
    return this.#district;
  }

  get selections(): readonly BallotSelection[] {
    return this.#selections;
  }

  /** The budget the voter spends from: their district's, else the round's. */
  get budget(): number {
    return this.#budgets.get(this.#district ?? '') ?? this.#roundBudget;
  }

  /** The summed cost of the selected proposals. */
  get spent(): number {
    let cents = 0;
    for (const selection of this.#selections) {
      cents += Math.round((this.#options.get(selection.proposal)?.cost ?? 0) * 100);
    }
    return cents / 100;
  }

  get left(): number {
    return Math.round((this.budget - this.spent) * 100) / 100;
  }

  /** Every problem with the selection now, from core's `checkBallot`. */
  get issues(): BallotIssue[] {
    return checkBallot(this.#selections, {
      voting: this.voting,
      proposals: this.#options,
      budgets: this.#budgets,
      voterDistrict: this.#district,
    });
  }

  /** Sets what is on offer (the ballot calls this once its data has loaded). */
  load(round: RoundPublicView, proposals: readonly ProposalPublicView[]): void {
    this.#voting = round.voting;
    this.#districtVoting = new Map(
      round.districts.flatMap((d) => (d.voting ? [[d.slug, d.voting] as const] : []))
    );
    this.currency = round.currency;
    this.#roundBudget = round.budget;
    this.#budgets = new Map(round.districts.map((d) => [d.slug, d.budget]));
    if (round.districts.length === 0) this.#budgets.set('', round.budget);
    this.#options = new Map(
      proposals.map((p) => [
        p.documentId,
        {
          documentId: p.documentId,
          title: p.title,
          summary: p.summary ?? shorten(p.description, 200),
          cost: p.officialCost ?? p.estimatedCost ?? 0,
          district: p.district,
        },
      ])
    );
    // Proposals no longer on offer leave the selection; what is left fits the rules.
    this.#selections = this.#fit(this.#selections.filter((s) => this.#options.has(s.proposal)));
    this.#ready = true;
    this.#changed(false);
  }

  /** Chooses the voter's district, whose rules the ballot follows from now on. */
  setDistrict(district: string | null): void {
    if (district === this.#district) return;
    const method = this.voting.method;
    this.#district = district;
    // Another method: what was chosen stays chosen, as this method's ballot holds it.
    if (this.voting.method !== method) this.#selections = this.#fit(this.#selections);
    this.#changed();
  }

  isSelected(proposal: string): boolean {
    return this.#selections.some((s) => s.proposal === proposal);
  }

  selection(proposal: string): BallotSelection | undefined {
    return this.#selections.find((s) => s.proposal === proposal);
  }

  /** Adds or removes a proposal (approval, knapsack, ranking: ranked last when added). */
  toggle(proposal: string, on = !this.isSelected(proposal)): void {
    if (on === this.isSelected(proposal)) return;
    if (on) {
      const selection: BallotSelection = { proposal };
      if (this.voting.method === 'ranking') selection.rank = this.#selections.length + 1;
      if (this.voting.method === 'points') selection.points = 1;
      this.#selections = [...this.#selections, selection];
    } else {
      this.#selections = this.#renumber(this.#selections.filter((s) => s.proposal !== proposal));
    }
    this.#changed();
  }

  /** Points ballots: gives a proposal a number of points (0 takes it off the ballot). */
  setPoints(proposal: string, points: number): void {
    const whole = Math.max(0, Math.trunc(points));
    const rest = this.#selections.filter((s) => s.proposal !== proposal);
    this.#selections = whole > 0 ? [...rest, { proposal, points: whole }] : rest;
    this.#changed();
  }

  /** Ranking ballots: moves a chosen proposal up (-1) or down (+1). */
  move(proposal: string, by: -1 | 1): void {
    const ordered = [...this.#selections].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    const at = ordered.findIndex((s) => s.proposal === proposal);
    const to = at + by;
    if (at < 0 || to < 0 || to >= ordered.length) return;
    [ordered[at], ordered[to]] = [ordered[to]!, ordered[at]!];
    this.#selections = ordered.map((s, index) => ({ ...s, rank: index + 1 }));
    this.#changed();
  }

  clear(): void {
    this.#selections = [];
    removeStored(selectionKey(this.round));
    this.#changed(false);
  }

  /** Selections as the current method holds them: points only for points, ranks only for ranking. */
  #fit(selections: BallotSelection[]): BallotSelection[] {
    const method = this.voting.method;
    const fitted = selections.map(({ proposal, points, rank }) => {
      const selection: BallotSelection = { proposal };
      if (method === 'points') selection.points = points ?? 1;
      if (method === 'ranking' && rank !== undefined) selection.rank = rank;
      return selection;
    });
    if (method !== 'ranking') return fitted;
    // Unranked ones go last, in the order they were chosen.
    const last = fitted.length;
    return this.#renumber(fitted.map((s, index) => ({ ...s, rank: s.rank ?? last + index + 1 })));
  }

  #renumber(selections: BallotSelection[]): BallotSelection[] {
    if (this.voting.method !== 'ranking') return selections;
    return [...selections]
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
      .map((s, index) => ({ ...s, rank: index + 1 }));
  }

  #changed(save = true): void {
    if (save && this.persist) {
      writeStored(selectionKey(this.round), {
        selections: this.#selections,
        district: this.#district,
      });
    }
    this.dispatchEvent(new Event('change'));
  }
}

/** The page's ballots, one store per round, shared by every widget through context. */
export class BallotRegistry {
  readonly #stores = new Map<string, BallotStore>();

  get(round: string): BallotStore {
    let store = this.#stores.get(round);
    if (!store) {
      store = new BallotStore(round);
      this.#stores.set(round, store);
    }
    return store;
  }
}

/** Provides one registry on `<html>` unless something on the page already answers (another copy). */
function ensurePageBallots(document: Document): void {
  const probe = document.body ?? document.documentElement;
  if (!probe) return;
  let provided = false;
  probe.dispatchEvent(new ContextEvent(ballotsContext, probe, () => (provided = true), false));
  if (provided) return;
  new ContextProvider<typeof ballotsContext, HTMLElement>(document.documentElement, {
    context: ballotsContext,
    initialValue: new BallotRegistry(),
  });
}

/**
 * A widget's view of one round's ballot: the vote ballot changes it, a budget meter in ballot
 * mode follows it, wherever each sits on the page (the registry is shared through context on
 * `<html>`, keyed `Symbol.for('begroot:ballots')`, so separate script copies share it too).
 */
export class BudgetController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #round: () => string;
  readonly #registry: ContextConsumer<typeof ballotsContext, ReactiveControllerHost & HTMLElement>;
  #store: BallotStore | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, round: () => string) {
    this.#host = host;
    this.#round = round;
    host.addController(this);
    this.#registry = new ContextConsumer(host, { context: ballotsContext, subscribe: true });
  }

  hostConnected(): void {
    ensurePageBallots(this.#host.ownerDocument);
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#store?.removeEventListener('change', this.#onChange);
    this.#store = undefined;
  }

  /** The round's ballot (undefined until connected to a page, or without a round). */
  get store(): BallotStore | undefined {
    this.#follow();
    return this.#store;
  }

  #follow(): void {
    const round = this.#round();
    const registry = this.#registry.value;
    const next = round && registry ? registry.get(round) : undefined;
    if (next === this.#store) return;
    this.#store?.removeEventListener('change', this.#onChange);
    this.#store = next;
    next?.addEventListener('change', this.#onChange);
  }

  #onChange = (): void => {
    this.#host.requestUpdate();
  };
}
