import type { PhaseKind } from '@begroot/core';

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
      /** The server found a text too short or too long (it does not say by how much). */
      tooShort: string;
      tooLong: string;
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
    /** In place of `leftLabel` when the choice costs more than the budget. */
    overLabel: string;
    ballotWaiting: string;
    ballotStatus: (spent: string, left: string, budget: string) => string;
    /** `ballotStatus` when the choice costs more than the budget. */
    ballotStatusOver: (spent: string, over: string, budget: string) => string;
    overBy: (amount: string) => string;
    nearLimit: (amount: string) => string;
    /** Results mode; its other texts load with its code (`budget-meter/results-texts.ts`). */
    resultsLoading: string;
  };
}
