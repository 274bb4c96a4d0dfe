import { useApolloClient } from "@apollo/client/react";
import { useEffect } from "react";
import { writeCheckResult } from "../apollo/write-check-result";
import { useBridge } from "../bridge-context";

/** Copies every result that main's queue sync fetched into the Apollo cache. */
export function useCheckResultSync(): void {
  const bridge = useBridge();
  const client = useApolloClient();

  useEffect(
    () =>
      bridge.graphql.onCheckResult((view) =>
        writeCheckResult(client.cache, view),
      ),
    [bridge, client],
  );
}
