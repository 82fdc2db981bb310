/** Error codes a caller can act on; the message always says what to do. */
const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden',
  'not_found',
  'conflict',
  'read_only',
  'no_current_event',
  'database_incompatible',
  'disk_full',
  'busy',
  'scan_failed',
  /** The team hub did not answer (no network, hub stopped): capture goes on, sync later. */
  'hub_unreachable',
  /** The team hub answered no: another protocol version, a revoked device, a wrong code or address. */
  'hub_refused',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorPayload {
  code: ErrorCode;
  message: string;
  /** Per-field messages, keyed by the field's path ("email", "consent.wording"). */
  fieldErrors?: Record<string, string>;
}

/** Thrown by services and by the client; carries what the UI needs to show the error in place. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: Record<string, string> | undefined;

  /** `cause`: the internal failure behind this message, for the log; it never crosses the boundary. */
  constructor(code: ErrorCode, message: string, fieldErrors?: Record<string, string>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  toPayload(): ApiErrorPayload {
    return this.fieldErrors
      ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors }
      : { code: this.code, message: this.message };
  }

  static fromPayload(payload: ApiErrorPayload): AppError {
    return new AppError(payload.code, payload.message, payload.fieldErrors);
  }
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };
