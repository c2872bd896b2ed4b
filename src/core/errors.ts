/**
 * Errors the core raises for bad input. The message is Swedish and meant for
 * the user; `field` names the argument or path at fault.
 */
export class StimError extends Error {
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = "StimError";
    this.field = field;
  }
}

/** An internal invariant failed: a bug, never the user's fault. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(`Internt fel (invariant): ${message}`);
    this.name = "InvariantError";
  }
}
