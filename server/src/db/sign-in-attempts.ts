/**
 * OpenID sign-ins under way: the PKCE verifier, nonce and return path of each `state`, bound to
 * the browser that started it (the hash of a random id in its sign-in cookie), used once.
 */
import type { Db } from "./open";
import { hashId } from "./sessions";

export interface SignInAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Time to get through the identity provider's pages. */
export const SIGN_IN_TTL_MS = 10 * 60_000;

/**
 * Attempts kept at most: anyone may start a sign-in, so a flood of them must not fill the disk;
 * past this the oldest go (their browsers would have to start again).
 */
const MAX_SIGN_IN_ATTEMPTS = 10_000;

export class SignInAttempts {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly max = MAX_SIGN_IN_ATTEMPTS,
  ) {}

  save(binding: string, attempt: SignInAttempt): void {
    const now = this.now();
    this.db.prepare("DELETE FROM sign_in_attempts WHERE created_at < ?").run(now - SIGN_IN_TTL_MS);
    this.db
      .prepare(
        "INSERT INTO sign_in_attempts (state, binding_hash, nonce, code_verifier, return_to, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(attempt.state, hashId(binding), attempt.nonce, attempt.codeVerifier, attempt.returnTo, now);
    this.db
      .prepare(
        "DELETE FROM sign_in_attempts WHERE rowid IN (SELECT rowid FROM sign_in_attempts ORDER BY rowid DESC LIMIT -1 OFFSET ?)",
      )
      .run(this.max);
  }

  /** The attempt of `state` if this browser started it and it is recent; it cannot be used again. */
  take(binding: string, state: string): SignInAttempt | undefined {
    const row = this.db
      .prepare<
        [string],
        { binding_hash: string; nonce: string; code_verifier: string; return_to: string; created_at: number }
      >(
        "SELECT binding_hash, nonce, code_verifier, return_to, created_at FROM sign_in_attempts WHERE state = ?",
      )
      .get(state);
    if (!row || row.binding_hash !== hashId(binding)) return undefined;
    this.db.prepare("DELETE FROM sign_in_attempts WHERE state = ?").run(state);
    if (this.now() - row.created_at > SIGN_IN_TTL_MS) return undefined;
    return { state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
  }
}
