/** Save and Save as follow the signed-in user's role (the shared rule the server enforces too). */
import type { MeResponse } from "@pfd/shared";
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithApi } from "../run/provider.test-helper";
import { createEditorStore, EditorProvider } from "../store";
import { DraftActions } from "./DraftActions";

const person = (roles: MeResponse["roles"]): MeResponse => ({
  id: "u",
  name: "U",
  email: null,
  roles,
  authMode: "proxy",
  canSignOut: false,
});

function renderAs(me: MeResponse) {
  return renderWithApi(
    <EditorProvider store={createEditorStore()}>
      <DraftActions />
    </EditorProvider>,
    { me: async () => me, health: async () => ({ status: "ok", mode: "local" }) },
  );
}

afterEach(cleanup);

describe("saving drafts by role", () => {
  it("is refused to a viewer, each button saying why", async () => {
    renderAs(person(["viewer"]));
    const save = screen.getByRole("button", { name: "Save" }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(true));
    expect(save.title).toMatch(/viewer.*not save them/);
    expect((screen.getByRole("button", { name: "Save as draft" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("is open to a runner", async () => {
    renderAs(person(["runner"]));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Save" }).title).toMatch(/Save as a PAI Designer draft/),
    );
    expect((screen.getByRole("button", { name: "Save" }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole("button", { name: "Save as draft" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
