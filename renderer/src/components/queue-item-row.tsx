import { guidanceFor } from "../../../shared/guidance";
import type { GuidanceConfig } from "../../../shared/guidance-config";
import type { QueueItemView } from "../../../shared/views";

interface QueueItemRowProps {
  item: QueueItemView;
  guidance: GuidanceConfig;
  busy: boolean;
  onRetry: (id: string) => void;
  onDiscard: (id: string) => void;
}

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
});

export function QueueItemRow(props: QueueItemRowProps) {
  const { item } = props;
  const attempts = `${item.attempts} ${item.attempts === 1 ? "attempt" : "attempts"}`;

  return (
    <li className={`queue-item queue-item--${item.state}`}>
      <div className="queue-item__main">
        <span className="queue-item__account">{item.accountNumber}</span>
        <span className="queue-item__state">
          {describeState(item, props.guidance)}
        </span>
        <span className="queue-item__meta">
          {attempts}, queued at {TIME_FORMAT.format(item.queuedAt)}
          {item.state === "pending" && item.nextAttemptAt !== null && (
            <>, next try at {TIME_FORMAT.format(item.nextAttemptAt)}</>
          )}
        </span>
      </div>
      <div className="queue-item__actions">
        {item.state === "failed" && (
          <button
            type="button"
            className="button button--small button--secondary"
            aria-label={`Retry ${item.accountNumber}`}
            disabled={props.busy}
            onClick={() => props.onRetry(item.id)}
          >
            Retry
          </button>
        )}
        <button
          type="button"
          className="button button--small button--quiet"
          aria-label={`Discard ${item.accountNumber}`}
          disabled={props.busy || item.state === "in-flight"}
          onClick={() => props.onDiscard(item.id)}
        >
          Discard
        </button>
      </div>
    </li>
  );
}

function describeState(item: QueueItemView, guidance: GuidanceConfig): string {
  switch (item.state) {
    case "pending":
      return "Queued";
    case "in-flight":
      return "Sending…";
    case "done":
      return item.result === null
        ? "Done"
        : `Done: ${guidanceFor(item.result.status, guidance).headline}`;
    case "failed":
      return `Failed: ${item.error?.message ?? "the check could not be completed."}`;
  }
}
