import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectCredentialSource } from "./credentials";

const home = "/home/analyst";
const probe = (env: NodeJS.ProcessEnv, files: string[] = []) => ({
  env,
  home,
  exists: (path: string) => files.includes(path),
});

describe("detectCredentialSource", () => {
  it("finds nothing on a machine with nothing configured (so no network lookup is needed)", () => {
    expect(detectCredentialSource(probe({}))).toBeNull();
    // Merely allowing the metadata service is not configuring it.
    expect(detectCredentialSource(probe({ ALIBABA_CLOUD_ECS_METADATA_DISABLED: "false" }))).toBeNull();
  });

  it("finds keys in the environment", () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI1", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "s" };
    expect(detectCredentialSource(probe(env))).toBe("environment");
    expect(detectCredentialSource(probe({ ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI1" }))).toBeNull();
  });

  it("finds the CLI profile and the credentials file", () => {
    expect(detectCredentialSource(probe({}, [join(home, ".aliyun", "config.json")]))).toBe("cli-profile");
    expect(detectCredentialSource(probe({}, [join(home, ".alibabacloud", "credentials")]))).toBe(
      "credentials-file",
    );
    expect(
      detectCredentialSource(probe({ ALIBABA_CLOUD_CREDENTIALS_FILE: "/etc/pai/creds" }, ["/etc/pai/creds"])),
    ).toBe("credentials-file");
  });

  it("uses the network steps only when they are named", () => {
    expect(detectCredentialSource(probe({ ALIBABA_CLOUD_ECS_METADATA: "pai-role" }))).toBe("ecs-ram-role");
    expect(
      detectCredentialSource(
        probe({ ALIBABA_CLOUD_ECS_METADATA: "pai-role", ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" }),
      ),
    ).toBeNull();
    expect(detectCredentialSource(probe({ ALIBABA_CLOUD_CREDENTIALS_URI: "http://127.0.0.1:1/creds" }))).toBe(
      "credentials-uri",
    );
    expect(
      detectCredentialSource(
        probe({
          ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/r",
          ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "p",
          ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/t",
        }),
      ),
    ).toBe("oidc-role");
  });
});
