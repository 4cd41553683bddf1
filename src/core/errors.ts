/**
 * Domain errors raised by the engine. Each carries a semantic code; the functions layer maps the
 * code to an Excel error value in exactly one place.
 */
export type DomainErrorCode =
  /** A malformed argument: wrong type or shape, unknown name. Excel shows `#VALUE!`. */
  | "malformed"
  /** A number outside its domain: negative tokens, a share above 1. Excel shows `#NUM!`. */
  | "outOfRange"
  /** A lookup or search that finds nothing. Excel shows `#N/A`. */
  | "notFound";

export class DomainError extends Error {
  readonly code: DomainErrorCode;

  constructor(code: DomainErrorCode, message: string) {
    super(message);
    this.name = "DomainError";
    this.code = code;
  }
}

/** An argument of the wrong type or shape; the message says what to fix. */
export function malformed(message: string): DomainError {
  return new DomainError("malformed", message);
}

/** A number outside the domain of its parameter. */
export function outOfRange(message: string): DomainError {
  return new DomainError("outOfRange", message);
}

/** A lookup or a search that has no answer. */
export function notFound(message: string): DomainError {
  return new DomainError("notFound", message);
}
