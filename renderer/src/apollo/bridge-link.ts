import { ApolloLink } from "@apollo/client";
import { print } from "graphql";
import { Observable } from "rxjs";
import type { FieldCreditCheckBridge } from "../../../shared/bridge";
import { BridgeError } from "./bridge-error";

/**
 * Creates the terminating link: every operation goes to main over the preload bridge, and main
 * talks to Kraken. The renderer has no HTTP link, because it never has a token.
 */
export function createBridgeLink(bridge: FieldCreditCheckBridge): ApolloLink {
  return new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((subscriber) => {
        let active = true;
        const operationName = operation.operationName;

        if (operationName === undefined) {
          subscriber.error(
            new Error("GraphQL operations sent to main must be named."),
          );
          return;
        }

        bridge.graphql
          .execute({
            operationName,
            query: print(operation.query),
            variables: operation.variables,
          })
          .then(
            (result) => {
              if (!active) {
                return;
              }
              if (!result.ok) {
                subscriber.error(new BridgeError(result.error));
                return;
              }
              const { data, errors } = result.value;
              subscriber.next({
                data,
                // Copies give the extensions the index signature Apollo's error type expects.
                errors: errors?.map((error) => ({
                  message: error.message,
                  extensions: { ...error.extensions },
                })),
              });
              subscriber.complete();
            },
            (error: unknown) => {
              if (active) {
                subscriber.error(error);
              }
            },
          );

        // IPC calls cannot be cancelled, so an unsubscribed operation only drops its result.
        return () => {
          active = false;
        };
      }),
  );
}
