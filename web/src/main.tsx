/** Entry point: one editor store and one query client for the page, then the shell. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { EditorRunProvider } from "./run/EditorRunProvider"; // run view (issue 5)
import { prefetchComponents } from "./serverComponents";
import { EditorProvider } from "./store";
import { createAppStore } from "./store/app-store";
import "./theme/theme.css";
import "./theme/category-icons.css";

const queryClient = new QueryClient();
prefetchComponents(queryClient);
const store = createAppStore();

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <EditorProvider store={store}>
        <ReactFlowProvider>
          <EditorRunProvider>
            <App />
          </EditorRunProvider>
        </ReactFlowProvider>
      </EditorProvider>
    </QueryClientProvider>
  </StrictMode>,
);
