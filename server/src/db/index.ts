/** The designer's records, opened together on one database. */
import { openDb } from "./open";
import { RunCreators } from "./run-creators";
import { SessionStore, type SessionTimes } from "./sessions";
import { SignInAttempts } from "./sign-in-attempts";

export type { RunRecord } from "./run-creators";
export type { SessionUser } from "./sessions";
export type { SignInAttempt } from "./sign-in-attempts";

export interface Records {
  sessions: SessionStore;
  signIns: SignInAttempts;
  runs: RunCreators;
  close(): void;
}

/** Opens DESIGNER_DATA's database (":memory:" for a throwaway one). `now` is the clock (tests move it). */
export function openRecords(dir: string, times: SessionTimes): Records {
  const db = openDb(dir);
  const now = times.now ?? Date.now;
  const runs = new RunCreators(db, now);
  return {
    sessions: new SessionStore(db, times),
    signIns: new SignInAttempts(db, now),
    runs,
    close: () => {
      runs.flush();
      db.close();
    },
  };
}
