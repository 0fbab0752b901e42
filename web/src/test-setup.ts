// The machine running the suite is shared and noisy (2 cores, browsers and builds beside it):
// queries that wait for the UI get 5 s instead of Testing Library's 1 s before they give up.
// What they wait for is unchanged; only a slow machine no longer fails a correct page.
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 5_000 });
