import { useState } from "react";
import { ApiError } from "../api/client";

async function devSignIn(role: "admin" | "member"): Promise<string> {
  const response = await fetch("/api/dev/sign-in", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ role }) });
  const body = (await response.json().catch(() => null)) as { token?: string; title?: string; detail?: string } | null;
  if (!response.ok || typeof body?.token !== "string") {
    throw new ApiError({ status: response.status, title: body?.title ?? "Sign-in failed", ...(body?.detail ? { detail: body.detail } : {}) });
  }
  return body.token;
}

/**
 * Development sign-in: one click as the demo workspace's admin or member (the API offers it only in Development), or a
 * pasted session token (`./promostack dev-token`). The token stays in memory: a reload signs out.
 */
export function DevSignIn({ offerDemo, onSignIn }: { offerDemo: boolean; onSignIn: (token: string) => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const demo = async (role: "admin" | "member") => {
    setBusy(true);
    setError(null);
    try {
      onSignIn(await devSignIn(role));
    } catch (e) {
      setError(e instanceof Error ? e.message : "Sign-in failed");
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="card">
        <h1>Sign in to PromoStack</h1>
        {offerDemo ? (
          <>
            <p className="muted">Local development: use the demo workspace.</p>
            <div className="stack">
              <button type="button" className="primary" disabled={busy} onClick={() => void demo("admin")}>
                Sign in as demo admin
              </button>
              <button type="button" disabled={busy} onClick={() => void demo("member")}>
                Sign in as demo member
              </button>
            </div>
          </>
        ) : null}
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            if (value.trim().length > 0) {
              onSignIn(value.trim());
            }
          }}
        >
          <label htmlFor="token">Or paste a session token</label>
          <input id="token" type="password" autoComplete="off" value={value} onChange={(event) => setValue(event.target.value)} />
          <button type="submit">Sign in with token</button>
        </form>
        {error === null ? null : (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </div>
    </main>
  );
}
