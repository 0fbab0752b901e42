/**
 * Finds out, without touching the network, whether Alibaba Cloud credentials are configured,
 * and builds the credential the PAIFlow client signs with.
 *
 * @alicloud/credentials' default chain ends with the ECS metadata service and a credentials
 * URI, which both go over the network; a laptop with nothing configured would wait on them. So
 * the mode is decided from what is visible locally (environment and files) and the chain is
 * only built when something is there to find.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import CredentialModule, { Config as CredentialConfig } from "@alicloud/credentials";

// The package is CommonJS: from ESM its default import is module.exports, the class is `.default`.
const Credential =
  (CredentialModule as unknown as { default?: typeof CredentialModule }).default ?? CredentialModule;
type Credential = InstanceType<typeof Credential>;

export type { Credential };

export type CredentialSource =
  | "environment"
  | "oidc-role"
  | "cli-profile"
  | "credentials-file"
  | "ecs-ram-role"
  | "credentials-uri";

interface Probe {
  env: NodeJS.ProcessEnv;
  home: string;
  exists: (path: string) => boolean;
}

const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** The first place of the default chain that holds credentials, or null when none does. */
export function detectCredentialSource(
  probe: Probe = { env: process.env, home: homedir(), exists: existsSync },
): CredentialSource | null {
  const { env, home, exists } = probe;
  if (set(env.ALIBABA_CLOUD_ACCESS_KEY_ID) && set(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET)) return "environment";
  if (
    set(env.ALIBABA_CLOUD_ROLE_ARN) &&
    set(env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN) &&
    set(env.ALIBABA_CLOUD_OIDC_TOKEN_FILE)
  )
    return "oidc-role";
  if (
    env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED?.toLowerCase() !== "true" &&
    exists(join(home, ".aliyun", "config.json"))
  )
    return "cli-profile";
  const file = set(env.ALIBABA_CLOUD_CREDENTIALS_FILE)
    ? env.ALIBABA_CLOUD_CREDENTIALS_FILE
    : join(home, ".alibabacloud", "credentials");
  if (exists(file)) return "credentials-file";
  // The metadata service is asked only when a role is named: merely being on ECS is not a choice.
  if (
    set(env.ALIBABA_CLOUD_ECS_METADATA) &&
    env.ALIBABA_CLOUD_ECS_METADATA_DISABLED?.toLowerCase() !== "true"
  )
    return "ecs-ram-role";
  if (set(env.ALIBABA_CLOUD_CREDENTIALS_URI)) return "credentials-uri";
  return null;
}

/** The default credential chain; resolved lazily at the first call, never at start-up. */
export function defaultChainCredential(): Credential {
  return new Credential();
}

/** A fixed access key (the embedded PAIFlow's, or a test's). */
export function staticCredential(accessKeyId: string, accessKeySecret: string): Credential {
  return new Credential(new CredentialConfig({ type: "access_key", accessKeyId, accessKeySecret }));
}
