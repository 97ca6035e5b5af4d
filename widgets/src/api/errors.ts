/**
 * Why a request failed:
 * - `network`: no answer at all (offline, DNS, CORS refused);
 * - `http`: the server answered with an error status (Strapi's error body when it has one);
 * - `invalid-response`: a success status whose body does not match the contract;
 * - `configuration`: the widget is missing an attribute it needs, so nothing was requested.
 */
export type RequestFailureKind = 'network' | 'http' | 'invalid-response' | 'configuration';

/** A failed request, as data: the `detail` of `begroot-request-failed`. */
export interface RequestFailure {
  kind: RequestFailureKind;
  /** The HTTP status, or null when there was no response. */
  status: number | null;
  /** Strapi's error name (`NotFoundError`, `ValidationError`…) or our own for other kinds. */
  name: string;
  /** A technical message for developers (not shown to visitors; they get a translated text). */
  message: string;
  /** The requested URL, or null for a configuration problem. */
  url: string | null;
  /** For `configuration`: the element's attribute that is missing or wrong (`round`, `api-base`). */
  attribute?: string;
  /** For a `ValidationError`: the problems the server found, each with the path of its field. */
  issues?: FieldIssue[];
}

/** One problem with a sent value, as Strapi's `details.errors` entries carry it. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
  code?: string;
}

export class BegrootRequestError extends Error implements RequestFailure {
  readonly kind: RequestFailureKind;
  readonly status: number | null;
  readonly url: string | null;
  readonly attribute: string | undefined;
  readonly issues: FieldIssue[] | undefined;
  override readonly name: string;

  constructor(failure: RequestFailure, options?: { cause?: unknown }) {
    super(failure.message, options);
    this.kind = failure.kind;
    this.status = failure.status;
    this.name = failure.name;
    this.url = failure.url;
    this.attribute = failure.attribute;
    this.issues = failure.issues;
  }

  toJSON(): RequestFailure {
    const failure: RequestFailure = {
      kind: this.kind,
      status: this.status,
      name: this.name,
      message: this.message,
      url: this.url,
    };
    if (this.attribute !== undefined) failure.attribute = this.attribute;
    if (this.issues !== undefined) failure.issues = this.issues;
    return failure;
  }
}

/** A widget attribute that is missing or wrong: nothing was requested. */
export function configurationError(attribute: string, message: string): BegrootRequestError {
  return new BegrootRequestError({
    kind: 'configuration',
    status: null,
    name: 'ConfigurationError',
    message,
    url: null,
    attribute,
  });
}

/** Any thrown value as a `RequestFailure` (unexpected errors count as invalid responses). */
export function toRequestFailure(error: unknown): RequestFailure {
  if (error instanceof BegrootRequestError) return error.toJSON();
  return {
    kind: 'invalid-response',
    status: null,
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
    url: null,
  };
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
