import { useEffect, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

/** How long the "Copied" confirmation stays, in milliseconds. */
const CONFIRMATION_MS = 4000;

export function CopyNumberButton(props: { phoneNumber: string }) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") {
      return;
    }
    const timer = window.setTimeout(() => setState("idle"), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.phoneNumber);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="copy-number">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void copy()}
      >
        Copy number
      </button>
      <span className="copy-number__status" role="status">
        {state === "copied" && "Copied"}
        {state === "failed" &&
          "Could not copy. Read the number out or write it down instead."}
      </span>
    </span>
  );
}
