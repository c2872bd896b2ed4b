import { StimError } from "../../src/core/errors";

/** Runs `f`, expects a StimError and returns it for message checks. */
export function stimError(f: () => unknown): StimError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StimError);
    return e as StimError;
  }
  throw new Error("expected a StimError, nothing was thrown");
}
