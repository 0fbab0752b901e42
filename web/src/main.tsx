/** Entry point: the page's language, one editor store and one query client, then the shell. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { catalogLanguage, I18nProvider, initialLocale, type Locale, loadMessages } from "./i18n";
import { EditorRunProvider } from "./run/EditorRunProvider"; // run view (issue 5)
import { EditorProvider } from "./store";
import { createAppStore } from "./store/app-store";
import "./theme/theme.css";
import "./theme/category-icons.css";

const queryClient = new QueryClient();
const store = createAppStore();
// New steps are named in the UI's language, as PAI Designer names them (`读数据表-1`).
const onLocale = (locale: Locale) => store.getState().setNameLanguage(catalogLanguage(locale));

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");
const locale = initialLocale();
onLocale(locale);
// The page waits for its language's catalog (a small chunk) so it never paints untranslated.
loadMessages(locale).then(render, (error: unknown) => {
  // Only a broken deployment gets here (the chunk is gone): say so rather than a blank page.
  root.textContent =
    "PAIFlow Designer could not load its texts; reload the page. 无法加载界面文字，请刷新页面。";
  throw error;
});

function render(messages: Awaited<ReturnType<typeof loadMessages>>) {
  createRoot(root as HTMLElement).render(
    <StrictMode>
      <I18nProvider locale={locale} messages={messages} onLocale={onLocale}>
        <QueryClientProvider client={queryClient}>
          <EditorProvider store={store}>
            <ReactFlowProvider>
              <EditorRunProvider>
                <App />
              </EditorRunProvider>
            </ReactFlowProvider>
          </EditorProvider>
        </QueryClientProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
