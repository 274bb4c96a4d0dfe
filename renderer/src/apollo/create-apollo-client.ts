import { ApolloClient, InMemoryCache } from "@apollo/client";
import type { FieldCreditCheckBridge } from "../../../shared/bridge";
import { createBridgeLink } from "./bridge-link";

export function createApolloClient(
  bridge: FieldCreditCheckBridge,
): ApolloClient {
  return new ApolloClient({
    link: createBridgeLink(bridge),
    cache: new InMemoryCache(),
  });
}
