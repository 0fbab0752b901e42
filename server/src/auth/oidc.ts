/**
 * The OpenID Connect client (openid-client): authorization code flow with PKCE (S256), state and
 * nonce; the user from the ID token's claims and, when the provider has one, its userinfo
 * endpoint; RP-initiated logout when the provider offers it.
 */
import { authPaths } from "@pfd/shared";
import * as oidc from "openid-client";
import type { OidcSettings } from "../config/auth";
import type { SessionUser, SignInAttempt } from "../db";

export class OidcClient {
  private constructor(
    private readonly config: oidc.Configuration,
    private readonly settings: OidcSettings,
    private readonly publicUrl: URL,
  ) {}

  /** Reads the provider's discovery document; throws with the issuer named when it cannot. */
  static async discover(settings: OidcSettings, publicUrl: URL): Promise<OidcClient> {
    let config: oidc.Configuration;
    try {
      config = await oidc.discovery(
        settings.issuer,
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret === undefined ? oidc.None() : undefined,
        { execute: settings.allowHttp ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      );
    } catch (error) {
      throw new Error(`OIDC_ISSUER ${settings.issuer.href} could not be read: ${(error as Error).message}`);
    }
    return new OidcClient(config, settings, publicUrl);
  }

  get callbackUrl(): string {
    return new URL(authPaths.callback(), this.publicUrl).href;
  }

  /** A fresh attempt (state, nonce, PKCE verifier) and the provider's URL to send the browser to. */
  async start(returnTo: string): Promise<{ attempt: SignInAttempt; url: URL }> {
    const attempt: SignInAttempt = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(this.config, {
      redirect_uri: this.callbackUrl,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: "S256",
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { attempt, url };
  }

  /** Exchanges the code of the callback URL for tokens, checking state, nonce and PKCE. */
  async finish(
    callback: URL,
    attempt: SignInAttempt,
  ): Promise<{ user: SessionUser; idToken: string | null }> {
    const tokens = await oidc.authorizationCodeGrant(this.config, callback, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error("the provider sent no ID token");
    let info: Record<string, unknown> = claims;
    if (this.config.serverMetadata().userinfo_endpoint) {
      info = { ...claims, ...(await oidc.fetchUserInfo(this.config, tokens.access_token, claims.sub)) };
    }
    return {
      user: userFromClaims(info, claims.sub, this.settings.groupsClaim),
      idToken: tokens.id_token ?? null,
    };
  }

  /** The provider's logout URL (RP-initiated logout), or undefined when it offers none. */
  endSessionUrl(idToken: string | null, after: string): URL | undefined {
    if (!this.config.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(this.config, {
      post_logout_redirect_uri: after,
      ...(idToken ? { id_token_hint: idToken } : { client_id: this.settings.clientId }),
    });
  }
}

/** A claim by name, or by a dotted path into nested claims (Keycloak's `realm_access.roles`). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const key of path.split(".")) {
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

const textClaim = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

function userFromClaims(claims: Record<string, unknown>, sub: string, groupsClaim: string): SessionUser {
  const email = textClaim(claims.email) ?? null;
  const rawGroups = claimAt(claims, groupsClaim);
  const groups = Array.isArray(rawGroups)
    ? rawGroups.filter((g): g is string => typeof g === "string")
    : typeof rawGroups === "string"
      ? rawGroups.split(/[\s,]+/).filter(Boolean)
      : [];
  const name = textClaim(claims.name) ?? textClaim(claims.preferred_username) ?? email ?? sub;
  return { id: sub, name, email, groups };
}
