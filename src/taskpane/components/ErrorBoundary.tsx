import { Component, type ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";

/**
 * Catches what a view throws while rendering (or a view that could not be
 * downloaded) and shows a Swedish message with a retry button instead of
 * an empty pane.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; onRetry?: () => void }, { error: unknown; failed: boolean }> {
  override state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <ErrorMessage
          error={this.state.error}
          onRetry={() => {
            this.setState({ error: undefined, failed: false });
            this.props.onRetry?.();
          }}
        />
      );
    }
    return this.props.children;
  }
}
