import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApolloClient } from "./apollo/create-apollo-client";
import { App } from "./app";
import { getBridge } from "./bridge";
import { BridgeProvider } from "./bridge-context";
import { StartupError } from "./components/startup-error";
import "./styles.css";

const container = document.getElementById("root");
if (container === null) {
  throw new Error('index.html has no element with id "root".');
}
const root = createRoot(container);

try {
  const bridge = getBridge();
  const client = createApolloClient(bridge);

  root.render(
    <StrictMode>
      <BridgeProvider bridge={bridge}>
        <ApolloProvider client={client}>
          <App />
        </ApolloProvider>
      </BridgeProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <StartupError
      message={error instanceof Error ? error.message : String(error)}
    />,
  );
}
