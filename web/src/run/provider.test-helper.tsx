/** Renders run views inside a <RunProvider> on a stand-in API (only the calls a test needs) and a fresh QueryClient. */
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { inEnglish } from "../i18n/test-utils";
import type { RunApi } from "./api";
import { RunProvider } from "./RunProvider";

export function renderWithApi(children: ReactNode, calls: Partial<Record<keyof RunApi, unknown>>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <RunProvider
      pipelineKey="p"
      getRunSource={() => ({ manifest: "m", problems: [] })}
      api={calls as unknown as RunApi}
      queryClient={queryClient}
    >
      {children}
    </RunProvider>,
    { wrapper: inEnglish },
  );
}
