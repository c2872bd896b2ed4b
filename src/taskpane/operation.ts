/**
 * Long operations (writing a sheet, validating, recomputing a scenario) run
 * through `useOperation`: the pane shows their progress, stays responsive
 * (the task yields to the browser between steps), and an error becomes a
 * Swedish message instead of an empty pane.
 */
import { useCallback, useRef, useState } from "react";

export interface Progress {
  /** Steps done so far, and how many in all (0 when unknown). */
  done: number;
  total: number;
  /** Swedish: what is happening, e.g. "Skriver bladet …". */
  label: string;
}

export type OperationState<T> =
  | { status: "idle" }
  | { status: "running"; progress: Progress }
  | { status: "done"; result: T }
  | { status: "error"; error: unknown };

/** Reports progress and lets the browser paint it before the task goes on. */
export type Report = (progress: Progress) => Promise<void>;

/** Gives the browser a turn: rendering and input events run before the promise resolves. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useOperation<T>(): {
  state: OperationState<T>;
  run: (label: string, task: (report: Report) => Promise<T>) => Promise<void>;
  reset: () => void;
} {
  const [state, setState] = useState<OperationState<T>>({ status: "idle" });
  // A newer run makes the results of older ones stale.
  const generation = useRef(0);
  const run = useCallback(async (label: string, task: (report: Report) => Promise<T>) => {
    const mine = ++generation.current;
    const current = () => generation.current === mine;
    setState({ status: "running", progress: { done: 0, total: 0, label } });
    await yieldToBrowser();
    try {
      const result = await task(async (progress) => {
        if (current()) setState({ status: "running", progress });
        await yieldToBrowser();
      });
      if (current()) setState({ status: "done", result });
    } catch (error) {
      if (current()) setState({ status: "error", error });
    }
  }, []);
  const reset = useCallback(() => {
    generation.current++;
    setState({ status: "idle" });
  }, []);
  return { state, run, reset };
}
