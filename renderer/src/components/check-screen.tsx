import { useLazyQuery } from "@apollo/client/react";
import { useEffect, useRef } from "react";
import type { GuidanceConfig } from "../../../shared/guidance-config";
import { CREDIT_CHECK_STATUS_DOCUMENT } from "../apollo/credit-check-query";
import { deriveCheckOutcome } from "../check/check-outcome";
import { AccountNumberForm } from "./account-number-form";
import {
  CheckFailedStatus,
  CheckingStatus,
  QueuedStatus,
} from "./check-status";
import { ResultCard } from "./result-card";

interface CheckScreenProps {
  guidance: GuidanceConfig;
  onSessionExpired: () => void;
}

export function CheckScreen(props: CheckScreenProps) {
  const { onSessionExpired } = props;
  const [runCheck, result] = useLazyQuery(CREDIT_CHECK_STATUS_DOCUMENT, {
    fetchPolicy: "network-only",
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Set when the rep submits, so focus moves only to a result they are waiting for, and not
  // when a queued check completes later while they type.
  const focusOnAnswer = useRef(false);

  const outcome = deriveCheckOutcome({
    called: result.called,
    loading: result.loading,
    error: result.error,
    data: result.dataState === "complete" ? result.data : undefined,
    accountNumber: result.called ? result.variables.accountNumber : undefined,
  });

  useEffect(() => {
    if (outcome.kind === "answered" && focusOnAnswer.current) {
      headingRef.current?.focus();
    }
    if (outcome.kind !== "checking") {
      focusOnAnswer.current = false;
    }
  }, [outcome.kind]);

  const sessionExpired =
    outcome.kind === "failed" && outcome.error.kind === "session-expired";
  useEffect(() => {
    if (sessionExpired) {
      onSessionExpired();
    }
  }, [sessionExpired, onSessionExpired]);

  function check(accountNumber: string) {
    focusOnAnswer.current = true;
    runCheck({ variables: { accountNumber } }).catch(() => {
      // The hook's result carries the same error, and the screen renders it from there.
    });
  }

  return (
    <section className="check" aria-labelledby="check-heading">
      <h1 id="check-heading">Deposit check</h1>
      <p className="muted check__intro">
        Find out whether the customer must pay a deposit before signing up for
        postpay.
      </p>

      <AccountNumberForm busy={outcome.kind === "checking"} onCheck={check} />

      <div className="check__outcome">
        {outcome.kind === "checking" && (
          <CheckingStatus accountNumber={outcome.accountNumber} />
        )}
        {outcome.kind === "queued" && (
          <QueuedStatus accountNumber={outcome.accountNumber} />
        )}
        {outcome.kind === "failed" && (
          <CheckFailedStatus
            accountNumber={outcome.accountNumber}
            error={outcome.error}
          />
        )}
        {outcome.kind === "answered" && (
          <ResultCard
            accountNumber={outcome.accountNumber}
            status={outcome.status}
            guidance={props.guidance}
            headingRef={headingRef}
          />
        )}
      </div>
    </section>
  );
}
