import { createContext, useContext, type ReactNode } from "react";
import type { FieldCreditCheckBridge } from "../../shared/bridge";

const BridgeContext = createContext<FieldCreditCheckBridge | null>(null);

export function BridgeProvider(props: {
  bridge: FieldCreditCheckBridge;
  children: ReactNode;
}) {
  return <BridgeContext value={props.bridge}>{props.children}</BridgeContext>;
}

export function useBridge(): FieldCreditCheckBridge {
  const bridge = useContext(BridgeContext);
  if (bridge === null) {
    throw new Error("useBridge must be called inside a BridgeProvider.");
  }
  return bridge;
}
