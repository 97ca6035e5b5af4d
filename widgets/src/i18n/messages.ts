import type { PhaseKind, Stance } from '@begroot/core';

/**
 * The shape every catalogue has. Strings for plain text; functions where a text holds a number,
 * an amount or a plural, so each language builds its own sentence (and its own plural rules).
 * Amounts arrive already formatted for the page's language (see `format.ts`).
 */
export interface Messages {
  /** Shared by every widget. */
  common: {
    loading: string;
    retry: string;
    /** Why a request failed, for the visitor: by kind of failure. */
    requestFailed: {
      network: string;
      notFound: string;
      server: string;
      invalidResponse: string;
      /** `attribute`: the missing or wrong attribute, for the web editor who placed the widget. */
      configuration: (attribute: string) => string;
      /** 429 without a message of its own. */
      rateLimited: string;
    };
    /** The phases, as a noun in running text: `het stemmen`, `voting`. */
    phases: Record<PhaseKind, string>;
    /** After an optional field's label. */
    optional: string;
    /** Character counter under a text field with a limit. */
    charactersLeft: (count: number) => string;
    charactersTooMany: (count: number) => string;
    /** Heading of the list of problems shown above a form after a failed attempt. */
    errorSummaryTitle: string;
    /** Announced when a form has problems. */
    errorCount: (count: number) => string;
    /** Label of the honeypot field (hidden from people; bots fill it in). */
    honeypotLabel: string;
    /** Problems with what was typed, by kind; amounts and counts already formatted. */
    fieldErrors: {
      required: string;
      minLength: (count: number) => string;
      maxLength: (count: number) => string;
      oneLine: string;
      noMarkup: string;
      controlCharacters: string;
      email: string;
      choose: string;
      amount: string;
      amountNegative: string;
      amountTooBig: (max: string) => string;
      amountDecimals: string;
      invalid: string;
    };
  };
  budgetMeter: {
    /** Accessible name of the widget's region: `Budget voor Voorbeeldstad 2027`. */
    regionLabel: (roundTitle: string) => string;
    loading: string;
    totalLabel: string;
    districtsLabel: string;
    /** `33 % van het totaal`. */
    shareOfTotal: (percent: string) => string;
    noDistricts: string;
    districtNotFound: (district: string) => string;
    /** Announced when the data arrives: `Budget geladen: € 1.500.000 in 3 wijken.` */
    loaded: (total: string, districtCount: number) => string;
    /** Announced for one district: `Budget voor Oost geladen: € 500.000.` */
    loadedDistrict: (name: string, amount: string) => string;
    /** Ballot mode: the voter's budget as they choose. */
    ballotTitle: string;
    spentLabel: string;
    leftLabel: string;
    ballotWaiting: string;
    ballotStatus: (spent: string, left: string, budget: string) => string;
    overBy: (amount: string) => string;
    nearLimit: (amount: string) => string;
  };
  proposalForm: {
    /** The form's heading: `Uw idee voor Voorbeeldstad 2027`. */
    title: (roundTitle: string) => string;
    loading: string;
    intro: string;
    fields: {
      title: string;
      titleHint: string;
      summary: string;
      summaryHint: string;
      description: string;
      descriptionHint: string;
      estimatedCost: (currency: string) => string;
      estimatedCostHint: string;
      district: string;
      districtPlaceholder: string;
      theme: string;
      themeNone: string;
      location: string;
      locationHint: string;
      authorName: string;
      authorNameHint: string;
      email: string;
      emailHint: string;
    };
    submit: string;
    submitting: string;
    draftRestored: string;
    discardDraft: string;
    draftDiscarded: string;
    /** The phase is not open: headings and what to say. Dates already formatted. */
    notOpenTitle: string;
    notOpen: (date: string) => string;
    closedTitle: string;
    closed: (date: string) => string;
    noIdeasPhase: string;
    /** What comes next after a closed ideas phase: `Van 1 maart tot 21 maart 2027: stemmen.` */
    nextPhase: (phase: string, start: string, end: string) => string;
    /** Sending failed outside the form's fields. */
    forbidden: string;
    successTitle: string;
    successReview: (date: string, days: number) => string;
    successDeliberation: (start: string, end: string) => string;
    successVoting: (start: string, end: string) => string;
    successEmail: string;
    another: string;
  };
  deliberationBoard: {
    title: (roundTitle: string) => string;
    loading: string;
    loaded: (count: number) => string;
    orderNote: string;
    filters: string;
    district: string;
    allDistricts: string;
    theme: string;
    allThemes: string;
    empty: string;
    emptyFiltered: string;
    proposalNotFound: string;
    moreProposals: string;
    estimatedCost: (amount: string) => string;
    officialCost: (amount: string) => string;
    /** `3 voor, 1 tegen, 2 vragen`. */
    counts: (counts: Record<Stance, number>) => string;
    showArguments: string;
    hideArguments: string;
    argumentsLoading: string;
    argumentsLoaded: (count: number) => string;
    columns: Record<Stance, string>;
    none: Record<Stance, string>;
    official: string;
    repliesLabel: string;
    postedBy: (name: string, date: string) => string;
    reply: string;
    replyingTo: (name: string) => string;
    cancelReply: string;
    report: string;
    reportConfirm: string;
    reportYes: string;
    reportCancel: string;
    reported: string;
    formTitle: string;
    stanceLegend: string;
    stances: Record<Stance, string>;
    body: string;
    bodyHint: string;
    authorName: string;
    authorNameHint: string;
    post: string;
    posting: string;
    posted: string;
    closed: string;
  };
  voteBallot: {
    title: (roundTitle: string) => string;
    loading: string;
    notOpenTitle: string;
    notOpen: (date: string) => string;
    closedTitle: string;
    closed: (date: string) => string;
    noVoting: string;
    district: string;
    districtPlaceholder: string;
    /** `Stap 1 van 3: Kiezen`. */
    step: (index: number, total: number, name: string) => string;
    steps: { choose: string; verify: string; review: string };
    /** How this round votes: `Kies 1 tot 3 voorstellen.` and the like; amounts formatted. */
    howApproval: (min: number, max: number | null) => string;
    howKnapsack: (budget: string) => string;
    howPoints: (points: number) => string;
    howRanking: (max: number | null) => string;
    cost: (amount: string) => string;
    points: string;
    rank: (rank: number) => string;
    moveUp: string;
    moveDown: string;
    spent: (spent: string, budget: string) => string;
    left: (amount: string) => string;
    chosen: (count: number) => string;
    pointsLeft: (count: number) => string;
    issues: {
      tooFew: (count: number) => string;
      tooMany: (count: number) => string;
      overBudget: string;
      underMinSpend: (percent: string) => string;
      pointsTotal: (points: number) => string;
      rankSequence: string;
      wrongDistrict: string;
      severalDistricts: string;
      other: string;
    };
    issuesTitle: string;
    next: string;
    back: string;
    empty: string;
    codeLabel: string;
    codeHint: string;
    verify: string;
    verifying: string;
    verifyFailed: string;
    openVerify: string;
    emailTitle: string;
    emailLabel: string;
    emailHint: string;
    sendEmail: string;
    emailSent: (email: string) => string;
    otpLabel: string;
    discuss: string;
    selectionKept: string;
    districtChanged: (name: string) => string;
    reviewTotal: (amount: string) => string;
    cast: string;
    casting: string;
    doneTitle: string;
    receipt: string;
    receiptHint: string;
    changeVote: string;
    nextVoter: string;
  };
}
