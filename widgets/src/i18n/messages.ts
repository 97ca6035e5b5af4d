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
  };
}
