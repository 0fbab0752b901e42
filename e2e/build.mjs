// The browser-test stage's one build (`npm run test:e2e` runs it before Playwright): `npm run build`
// (web app, server, CLI) with canary credentials in its environment, as a developer's shell may
// hold real ones; then no file of the web bundle may contain them, since the browser gets it all.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const canaries = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIcanaryKeyId7Q3x",
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: "canarySecret-9fK2mZpQ7vX1",
  LOCAL_PAIFLOW_ACCESS_KEY_SECRET: "canaryLocalSecret-4hT8",
};

const env = { ...process.env, ...canaries };
// Vite puts VITE_* variables in the bundle by design: that one must never be set for a build.
delete env.VITE_ALIBABA_CLOUD_ACCESS_KEY_SECRET;
const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, env, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const web = files(join(root, "web", "dist"));
const leaks = web.flatMap((file) => {
  const text = readFileSync(file, "latin1");
  return Object.entries(canaries)
    .filter(([, value]) => text.includes(value))
    .map(([name]) => `${relative(root, file)} contains ${name} from the build environment`);
});
if (!web.some((f) => f.endsWith(".js"))) leaks.push("web/dist has no JavaScript: the build did not run");
for (const leak of leaks) console.error(`e2e build: ${leak}`);
if (leaks.length > 0) process.exit(1);
console.log(`e2e build: ${web.length} web files built, none holds a credential from the environment`);
