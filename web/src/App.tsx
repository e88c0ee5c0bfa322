import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api, ApiError } from "./api";

interface Membership {
  tenantId: string;
  tenantName: string;
  role: string;
}

interface Me {
  userId: string;
  email: string | null;
  memberships: Membership[];
}

/** The signed-in shell: who you are and your workspaces. Screens arrive feature by feature. */
function Home({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const me = useQuery({ queryKey: ["me", token], queryFn: () => api<Me>(token, "/api/me") });
  if (me.isPending) {
    return <p role="status">Loading…</p>;
  }
  if (me.isError) {
    return (
      <div role="alert">
        <p>{me.error instanceof ApiError ? me.error.message : "The API could not be reached."}</p>
        <button type="button" onClick={onSignOut}>Sign in again</button>
      </div>
    );
  }
  return (
    <main>
      <h1>PromoStack</h1>
      <p>Signed in as {me.data.email ?? me.data.userId}.</p>
      <h2>Your workspaces</h2>
      <ul>
        {me.data.memberships.map((m) => (
          <li key={m.tenantId}>
            {m.tenantName} <small>({m.role})</small>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onSignOut}>Sign out</button>
    </main>
  );
}

/** Sign-in with a session token (locally: `./promostack dev-token --tenant demo --role admin`); kept in memory only. */
function SignIn({ onSignIn }: { onSignIn: (token: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <main>
      <h1>Sign in to PromoStack</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim().length > 0) {
            onSignIn(value.trim());
          }
        }}
      >
        <label htmlFor="token">Session token</label>
        <input id="token" type="password" autoComplete="off" value={value} onChange={(event) => setValue(event.target.value)} />
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}

export default function App() {
  const [token, setToken] = useState<string | null>(null);
  return token === null ? <SignIn onSignIn={setToken} /> : <Home token={token} onSignOut={() => setToken(null)} />;
}
