import type { Ref } from "react";
import { guidanceFor, type GuidanceKind } from "../../../shared/guidance";
import type { GuidanceConfig } from "../../../shared/guidance-config";
import { WaiverPrompt } from "./waiver-prompt";

const KIND_LABELS: Record<GuidanceKind, string> = {
  "deposit-required": "Deposit required",
  "no-deposit": "No deposit",
  "no-decision": "No decision",
};

interface ResultCardProps {
  accountNumber: string;
  /** Kraken's raw status; null means no credit check on file. */
  status: string | null;
  guidance: GuidanceConfig;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * Result card for one account. It shows only the deposit decision, because Kraken returns no
 * score. Each kind has its own colour, icon and label, so "no decision" never reads as
 * "no deposit".
 */
export function ResultCard({
  accountNumber,
  status,
  guidance: config,
  headingRef,
}: ResultCardProps) {
  const guidance = guidanceFor(status, config);

  return (
    <article
      className={`result result--${guidance.kind}`}
      aria-labelledby="result-heading"
    >
      <div className="result__summary">
        <ResultIcon kind={guidance.kind} />
        <div>
          <p className="result__meta">
            <span className="result__kind">{KIND_LABELS[guidance.kind]}</span>
            <span className="result__account">Account {accountNumber}</span>
          </p>
          <h2
            id="result-heading"
            className="result__headline"
            tabIndex={-1}
            ref={headingRef}
          >
            {guidance.headline}
          </h2>
          <p className="result__next-step">{guidance.nextStep}</p>
        </div>
      </div>
      {guidance.kind === "deposit-required" && (
        <WaiverPrompt waiver={guidance.waiver} />
      )}
    </article>
  );
}

function ResultIcon(props: { kind: GuidanceKind }) {
  return (
    <svg
      className="result__icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="11" />
      {props.kind === "no-deposit" && <path d="M7 12.5l3.2 3.2L17 9" />}
      {props.kind === "deposit-required" && <path d="M12 6.5v7M12 17.2v.3" />}
      {props.kind === "no-decision" && (
        <path d="M9.3 9.2a2.8 2.8 0 1 1 3.9 2.6c-.8.4-1.2 1-1.2 1.9v.6M12 17.2v.3" />
      )}
    </svg>
  );
}
