import { useMemo, type ReactNode } from "react";
import { ClerkProvider, SignIn, useAuth } from "@clerk/react";
import type { TokenSource } from "./session";

function Signed({ children }: { children: (source: TokenSource) => ReactNode }) {
  const { isLoaded, isSignedIn, getToken, signOut } = useAuth();
  const source = useMemo<TokenSource>(() => ({ getToken: () => getToken(), signOut: () => void signOut() }), [getToken, signOut]);
  if (!isLoaded) {
    return (
      <p role="status" className="centered muted">
        Loading sign-in…
      </p>
    );
  }
  if (!isSignedIn) {
    return (
      <main className="sign-in">
        <SignIn routing="hash" />
      </main>
    );
  }
  return children(source);
}

/**
 * Production sign-in through Clerk (loaded only when the API's public config names a publishable key). Clerk keeps
 * its session in its own cookies and hands out short-lived tokens on demand; the app never stores one.
 */
export default function ClerkGate({ publishableKey, children }: { publishableKey: string; children: (source: TokenSource) => ReactNode }) {
  return (
    <ClerkProvider publishableKey={publishableKey}>
      <Signed>{children}</Signed>
    </ClerkProvider>
  );
}
