import { describe, expect, it } from "vitest";
import { type Actor, whyCannotActOnRun, whyCannotRun, whyCannotSeeRun } from "./auth";

const viewer: Actor = { id: "vera", roles: ["viewer"] };
const runner: Actor = { id: "rui", roles: ["runner"] };
const admin: Actor = { id: "ada", roles: ["admin"] };
const mine = { createdBy: { id: "rui", name: "Rui" }, accessibility: "PUBLIC" as const };
const othersPrivate = { createdBy: { id: "li", name: "Li Na" }, accessibility: "PRIVATE" as const };

describe("role rules", () => {
  it("let runners and admins start runs, not viewers", () => {
    expect(whyCannotRun(viewer)).toMatch(/viewer/);
    expect(whyCannotRun(runner)).toBeNull();
    expect(whyCannotRun(admin)).toBeNull();
  });

  it("let a runner act on their own runs only, an admin on any, a viewer on none", () => {
    expect(whyCannotActOnRun(runner, "terminate", mine)).toBeNull();
    expect(whyCannotActOnRun(runner, "terminate", othersPrivate)).toBe(
      "Only Li Na (who started this run) or an admin may terminate it",
    );
    expect(whyCannotActOnRun(runner, "rerun", {})).toMatch(/only an admin may rerun a run started outside/i);
    expect(whyCannotActOnRun(admin, "terminate", othersPrivate)).toBeNull();
    expect(whyCannotActOnRun(viewer, "rerun", { createdBy: { id: "vera", name: "Vera" } })).toMatch(/viewer/);
  });

  it("hide a private run from everyone but its creator and admins", () => {
    expect(whyCannotSeeRun(viewer, mine)).toBeNull();
    expect(whyCannotSeeRun(runner, othersPrivate)).toMatch(/private to Li Na/);
    expect(whyCannotSeeRun({ id: "li", roles: ["viewer"] }, othersPrivate)).toBeNull();
    expect(whyCannotSeeRun(admin, othersPrivate)).toBeNull();
    expect(whyCannotSeeRun(runner, { accessibility: "PRIVATE" })).toMatch(/only admins/);
  });
});
