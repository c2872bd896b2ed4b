
import { userMessage } from "../errors";
import { ActionButton, Alert, Caption } from "./ui";

/** An error as a Swedish message with what to do; optionally a retry button. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const m = userMessage(error);
  return (
    <Alert tone="danger" title={m.title}>
      <span>{m.action}</span>
      {m.detail && <Caption>Teknisk information: {m.detail}</Caption>}
      {onRetry && (
        <span>
          <ActionButton onClick={onRetry}>Försök igen</ActionButton>
        </span>
      )}
    </Alert>
  );
}
