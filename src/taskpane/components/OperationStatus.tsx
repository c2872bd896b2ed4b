import type { OperationState } from "../operation";
import { ErrorMessage } from "./ErrorMessage";
import { Alert, ProgressBar } from "./ui";

/**
 * What a long operation is doing: a progress bar while it runs (announced
 * to screen readers), the error when it failed, `done` when it succeeded.
 */
export function OperationStatus<T>({ state, done, onRetry }: { state: OperationState<T>; done?: (result: T) => string; onRetry?: () => void }) {
  if (state.status === "running") {
    const { done: n, total, label } = state.progress;
    return <ProgressBar value={total > 0 ? n / total : undefined} label={label} />;
  }
  if (state.status === "error") return <ErrorMessage error={state.error} onRetry={onRetry} />;
  if (state.status === "done" && done) return <Alert tone="success">{done(state.result)}</Alert>;
  return null;
}
