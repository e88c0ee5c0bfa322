import { describe, expect, it } from "vitest";
import { navItems, visibleNav } from "./nav";

const labels = (who: Parameters<typeof visibleNav>[1]) => visibleNav(navItems, who).map((i) => i.label);

describe("visibleNav", () => {
  it("hides admin-only, operator and sandbox screens from a member", () => {
    expect(labels({ isAdmin: false, isOperator: false, devSignIn: true })).not.toContain("Audience");
    expect(labels({ isAdmin: false, isOperator: false, devSignIn: true })).not.toContain("Sandbox chat");
    expect(labels({ isAdmin: false, isOperator: false, devSignIn: true })).not.toContain("Platform");
  });

  it("shows an admin the audience, and the sandbox only in development", () => {
    expect(labels({ isAdmin: true, isOperator: false, devSignIn: true })).toEqual(expect.arrayContaining(["Audience", "Sandbox chat"]));
    expect(labels({ isAdmin: true, isOperator: false, devSignIn: false })).not.toContain("Sandbox chat");
  });

  it("shows operators the platform", () => {
    expect(labels({ isAdmin: false, isOperator: true, devSignIn: false })).toContain("Platform");
  });
});
