/**
 * A real OpenID provider (the `oidc-provider` package) on loopback for the sign-in tests, server
 * and browser alike. Its development login page accepts any password; the login names below
 * carry a name, an email and groups. Consent is given once and for all, as a company's own
 * provider does for its own apps, so sign-in is: login page, then back to the designer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export const TEST_CLIENT = { id: "paiflow-designer", secret: "test-client-secret-that-is-long-enough" };

const TEST_USERS: Record<string, { name: string; email: string; groups: string[] }> = {
  alice: { name: "Alice Analyst", email: "alice@example.com", groups: ["pfd-runners"] },
  bob: { name: "Bob Builder", email: "bob@example.com", groups: ["pfd-runners"] },
  vera: { name: "Vera Viewer", email: "vera@example.com", groups: ["analysts"] },
  adam: { name: "Adam Admin", email: "adam@example.com", groups: ["pfd-admins"] },
  lina: { name: "李娜", email: "lina@example.com", groups: ["pfd-runners"] },
};

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

/** Starts the provider for a designer at `designerUrl` (its callback and sign-out pages registered). */
export async function startTestProvider(designerUrl: string, port = 0): Promise<TestProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = designerUrl.replace(/\/$/, "");

  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [`${base}/auth/callback`],
        post_logout_redirect_uris: [`${base}/auth/signed-out`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    scopes: ["openid", "profile", "email", "groups"],
    claims: { openid: ["sub"], profile: ["name"], email: ["email"], groups: ["groups"] },
    async findAccount(_ctx, id) {
      const user = TEST_USERS[id] ?? { name: id, email: `${id}@example.com`, groups: [] };
      return { accountId: id, claims: async () => ({ sub: id, ...user }) };
    },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = `<!doctype html><title>Sign out</title><h1>Sign out of the test provider?</h1>${form}
            <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`;
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = "<!doctype html><title>Signed out</title><h1>Signed out of the test provider</h1>";
        },
      },
    },
    pkce: { required: () => true },
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid profile email groups");
      await grant.save();
      return grant;
    },
    cookies: { keys: ["test-provider-cookie-key"] },
    ttl: {
      Interaction: 600,
      Grant: 3600,
      Session: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    // The provider's own pages load no web fonts (this machine has no internet to fetch them from).
    renderError(ctx, _out, error) {
      ctx.type = "html";
      ctx.body = `<!doctype html><h1>Provider error</h1><p>${String(error.message)}</p>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  handle = provider.callback();
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
