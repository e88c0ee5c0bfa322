import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError } from "./api/client";
import App from "./App";
import "./styles.css";

const root = document.getElementById("root");
if (root === null) {
  throw new Error("index.html has no #root element.");
}

// A 4xx will not change by asking again; a network error or a 5xx gets one more try.
const retry = (failures: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && failures < 1;

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry, refetchOnWindowFocus: false } } })}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
