import { lazy, Suspense, useMemo, useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { ConfigContext, loadConfig } from "./auth/config";
import { SessionProvider, type TokenSource } from "./auth/session";
import { DevSignIn } from "./auth/SignIn";
import Layout from "./shell/Layout";
import { ErrorBox, Loading } from "./ui/ui";

const ClerkGate = lazy(() => import("./auth/ClerkGate"));
const Bots = lazy(() => import("./screens/Bots"));
const Home = lazy(() => import("./screens/Home"));
const Setup = lazy(() => import("./screens/Setup"));
const Audience = lazy(() => import("./screens/Audience"));
const Signals = lazy(() => import("./screens/Signals"));
const Vip = lazy(() => import("./screens/Vip"));
const Journeys = lazy(() => import("./screens/Journeys"));
const JourneyEditor = lazy(() => import("./screens/JourneyEditor"));
const Growth = lazy(() => import("./screens/Growth"));
const Coupons = lazy(() => import("./screens/Coupons"));
const Activity = lazy(() => import("./screens/Activity"));
const Team = lazy(() => import("./screens/Team"));
const Sandbox = lazy(() => import("./screens/Sandbox"));
const Platform = lazy(() => import("./screens/Platform"));
const NotFound = lazy(() => import("./screens/NotFound"));

function Screens() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="setup" element={<Setup />} />
        <Route path="audience/*" element={<Audience />} />
        <Route path="bots" element={<Bots />} />
        <Route path="signals/*" element={<Signals />} />
        <Route path="vip/*" element={<Vip />} />
        <Route path="journeys" element={<Journeys />} />
        <Route path="journeys/:id" element={<JourneyEditor />} />
        <Route path="growth/*" element={<Growth />} />
        <Route path="coupons/*" element={<Coupons />} />
        <Route path="activity/*" element={<Activity />} />
        <Route path="team" element={<Team />} />
        <Route path="sandbox" element={<Sandbox />} />
        <Route path="platform/*" element={<Platform />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function Signed({ source }: { source: TokenSource }) {
  return (
    <SessionProvider
      source={source}
      fallback={(error, signOut) => (
        <main className="sign-in">
          <h1>Could not sign in</h1>
          <ErrorBox error={error} />
          <button type="button" onClick={signOut}>
            Sign in again
          </button>
        </main>
      )}
    >
      <Screens />
    </SessionProvider>
  );
}

/** Development or pasted token: kept in this component's state only, so it is gone on reload or sign-out. */
function TokenSession({ offerDemo }: { offerDemo: boolean }) {
  const [token, setToken] = useState<string | null>(null);
  const source = useMemo<TokenSource | null>(() => (token === null ? null : { getToken: () => Promise.resolve(token), signOut: () => setToken(null) }), [token]);
  return source === null ? <DevSignIn offerDemo={offerDemo} onSignIn={setToken} /> : <Signed key={token} source={source} />;
}

function Frame({ children }: { children: ReactNode }) {
  return <BrowserRouter basename="/app">{children}</BrowserRouter>;
}

export default function App() {
  const config = useQuery({ queryKey: ["config"], queryFn: loadConfig, staleTime: Infinity });
  if (config.isPending) {
    return <Loading />;
  }
  if (config.isError) {
    return <ErrorBox error={config.error} onRetry={() => void config.refetch()} />;
  }
  const key = config.data.clerkPublishableKey;
  return (
    <ConfigContext.Provider value={config.data}>
      <Frame>
        {key !== null && !config.data.devSignIn ? (
          <Suspense fallback={<Loading label="Loading sign-in…" />}>
            <ClerkGate publishableKey={key}>{(source) => <Signed source={source} />}</ClerkGate>
          </Suspense>
        ) : (
          <TokenSession offerDemo={config.data.devSignIn} />
        )}
      </Frame>
    </ConfigContext.Provider>
  );
}
