// A real OpenID provider for the single sign-on tests (oidc-provider, the npm package, with its
// development login and consent pages: any login, any password). Configured from the
// environment: OIDC_PORT, OIDC_CLIENTS (JSON list of clients) and OIDC_ACCOUNTS (JSON object,
// login -> claims). Listens on 127.0.0.1 only; prints "ready" once it does.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT);
const clients = JSON.parse(process.env.OIDC_CLIENTS);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || "{}");

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients,
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name", "preferred_username"],
    samspel: ["samspel_role"],
  },
  scopes: ["openid", "email", "profile", "samspel", "offline_access"],
  cookies: { keys: ["samspel-tests-only"] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => false },
  findAccount: async (ctx, id) => ({
    accountId: id,
    async claims() {
      return { sub: id, email: `${id}@example.org`, email_verified: true, ...(accounts[id] || {}) };
    },
  }),
});
provider.proxy = false;
provider.on("server_error", (ctx, error) => console.error("server_error", error));
provider.listen(port, "127.0.0.1", () => console.log("ready"));
