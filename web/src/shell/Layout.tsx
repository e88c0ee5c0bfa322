import { Suspense, useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router-dom";
import { useSession } from "../auth/session";
import { useConfig } from "../auth/config";
import { ErrorBoundary } from "../ui/ErrorBoundary";
import { Loading } from "../ui/ui";
import { navItems, visibleNav } from "./nav";

/** The signed-in frame: the menu (a drawer on a phone), the workspace switcher and the current screen. */
export default function Layout() {
  const session = useSession();
  const config = useConfig();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const items = visibleNav(navItems, { isAdmin: session.isAdmin, isOperator: session.isOperator, devSignIn: config.devSignIn });
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setOpen(false);
  }

  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={open} aria-controls="menu" onClick={() => setOpen(!open)}>
          Menu
        </button>
        <span className="brand">PromoStack</span>
        {session.me.memberships.length > 1 ? (
          <label className="workspace">
            <span className="sr-only">Workspace</span>
            <select value={session.workspace?.tenantId ?? ""} onChange={(e) => session.setWorkspace(e.target.value)}>
              {session.me.memberships.map((m) => (
                <option key={m.tenantId} value={m.tenantId}>
                  {m.tenantName}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="workspace">{session.workspace?.tenantName}</span>
        )}
        <span className="who">
          {session.me.email ?? session.me.userId} · {session.workspace?.role ?? "no workspace"}
        </span>
        <button type="button" onClick={session.signOut}>
          Sign out
        </button>
      </header>
      <nav id="menu" className={open ? "sidebar open" : "sidebar"} aria-label="Main">
        <ul>
          {items.map((item) => (
            <li key={item.path}>
              <NavLink to={item.path === "" ? "/" : `/${item.path}`} end={item.path === ""}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
