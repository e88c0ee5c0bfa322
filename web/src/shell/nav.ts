/** The app's screens in the order the menu lists them, with who may see each (the API enforces it regardless). */
export interface NavItem {
  path: string;
  label: string;
  audience: "member" | "admin" | "operator" | "sandbox";
}

export const navItems: NavItem[] = [
  { path: "", label: "Home", audience: "member" },
  { path: "setup", label: "Setup", audience: "member" },
  { path: "bots", label: "Bots", audience: "member" },
  { path: "audience", label: "Audience", audience: "admin" },
  { path: "signals", label: "Signals", audience: "member" },
  { path: "vip", label: "VIP", audience: "member" },
  { path: "journeys", label: "Journeys", audience: "member" },
  { path: "growth", label: "Growth", audience: "member" },
  { path: "coupons", label: "Coupons", audience: "member" },
  { path: "activity", label: "Activity", audience: "member" },
  { path: "team", label: "Team", audience: "member" },
  { path: "sandbox", label: "Sandbox chat", audience: "sandbox" },
  { path: "platform", label: "Platform", audience: "operator" },
];

export function visibleNav(items: readonly NavItem[], who: { isAdmin: boolean; isOperator: boolean; devSignIn: boolean }): NavItem[] {
  return items.filter((item) => {
    switch (item.audience) {
      case "member":
        return true;
      case "admin":
        return who.isAdmin;
      case "operator":
        return who.isOperator;
      case "sandbox":
        return who.isAdmin && who.devSignIn;
    }
    return false;
  });
}
