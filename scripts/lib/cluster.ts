import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR, ROOT } from "./paths";
import { spawnProductionServer, stopServer, waitUntilServing } from "./server";
import { spawnVarnish, stopVarnish } from "./varnish";

const VCL = path.join(ROOT, "deploy", "varnish", "site.vcl");

export type ClusterOptions = {
  instances: number;
  varnishPort: number;
  /** The first instance listens here, the next one port up, and so on. */
  firstInstancePort: number;
  databaseUrl: string;
  secret: string;
  distDir: string;
  redisUrl: string;
  /** Instance output: the terminal, or files in this folder. */
  logDir?: string;
  extraEnv?: Record<string, string>;
};

export type Cluster = {
  varnishUrl: string;
  instanceUrls: string[];
  /** The instances' processes, in port order (a robustness test kills one). */
  instances: ChildProcess[];
  /** Varnish's working directory, for varnishstat -n and varnishadm -n. */
  varnishName: string;
  stop: () => Promise<void>;
};

/** Says what to install when an engine the cluster needs is missing; null when all are there. */
export function missingEngines(): string | null {
  if (spawnSync("varnishd", ["-V"]).error) return "Varnish is not installed (Debian: apt-get install varnish varnish-modules).";
  const check = spawnSync(
    "varnishd",
    ["-C", "-f", VCL, "-p", `vcl_path=${path.dirname(VCL)}:${path.join(ROOT, "deploy", "varnish", "check")}`, "-n", path.join(DATA_DIR, "varnish-check")],
    { encoding: "utf8" },
  );
  if (/xkey/i.test(check.stderr) && check.status !== 0) return "Varnish's xkey module is missing (Debian: apt-get install varnish-modules).";
  return null;
}

// N app instances on 127.0.0.1 (nobody can reach them around the edge whose X-Forwarded-For they trust), sharing
// one database, one Redis and one cache key prefix, behind Varnish on varnishPort.
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const runDir = path.join(DATA_DIR, `varnish-${options.varnishPort}`);
  // A Varnish left by a run that did not finish would keep the port: stop it while its pid file still says which.
  await stopVarnish(path.join(runDir, "varnishd.pid"));
  await rm(runDir, { recursive: true, force: true });
  await mkdir(runDir, { recursive: true });
  if (options.logDir) await mkdir(options.logDir, { recursive: true });
  const ports = Array.from({ length: options.instances }, (_, index) => options.firstInstancePort + index);
  await writeFile(path.join(runDir, "backends.vcl"), backendsVcl(ports));

  const varnishUrl = `http://127.0.0.1:${options.varnishPort}`;
  const siteUrl = `http://localhost:${options.varnishPort}`;
  const cachePrefix = `${(await readFile(path.join(ROOT, options.distDir, "BUILD_ID"), "utf8")).trim()}:${randomBytes(4).toString("hex")}`;
  const instances = ports.map((port, index) =>
    spawnProductionServer(
      {
        port,
        databaseUrl: options.databaseUrl,
        secret: options.secret,
        siteUrl,
        distDir: options.distDir,
        extraEnv: {
          BIND_ADDRESS: "127.0.0.1",
          REDIS_URL: options.redisUrl,
          CACHE_KEY_PREFIX: cachePrefix,
          EDGE_PURGE_URLS: varnishUrl,
          TRUSTED_PROXY_COUNT: "1",
          ...options.extraEnv,
        },
      },
      options.logDir ? { logFile: path.join(options.logDir, `instance-${index + 1}.log`) } : "inherit",
    ),
  );
  const varnish = spawnVarnish({
    port: options.varnishPort,
    vcl: VCL,
    vclPath: [runDir, path.dirname(VCL)],
    runDir,
    logFile: path.join(options.logDir ?? runDir, "varnish.log"),
  });
  const stop = async () => {
    await Promise.all(instances.map((instance) => stopServer(instance)));
    await stopVarnish(varnish.pidFile);
  };
  try {
    const instanceUrls = ports.map((port) => `http://127.0.0.1:${port}`);
    await Promise.all(instanceUrls.map((url, index) => waitUntilServing(`${url}/api/health/ready`, instances[index]!)));
    // Varnish sends readers on once its health probes have seen the instances answer.
    await waitUntilServing(`${varnishUrl}/`, varnish.child);
    return { varnishUrl, instanceUrls, instances, varnishName: varnish.name, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function backendsVcl(ports: number[]): string {
  const names = ports.map((_, index) => `app${index + 1}`);
  const backends = ports.map(
    (port, index) => `backend ${names[index]} { .host = "127.0.0.1"; .port = "${port}"; .probe = ready; .connect_timeout = 2s; .first_byte_timeout = 10s; }`,
  );
  return [
    "# Written by scripts/lib/cluster.ts at start: one backend per app instance.",
    "import directors;",
    'probe ready { .url = "/api/health/ready"; .interval = 1s; .timeout = 2s; .window = 3; .threshold = 2; }',
    ...backends,
    "sub init_backends {",
    "  new app = directors.round_robin();",
    ...names.map((name) => `  app.add_backend(${name});`),
    "}",
    "# A retried fetch goes to the instance after the one that failed, whatever the round robin would pick.",
    "sub next_backend {",
    ...names.map(
      (name, index) =>
        `  ${index === 0 ? "if" : "} elsif"} (bereq.http.X-Failed-Backend == "${name}") {\n    set bereq.backend = ${names[(index + 1) % names.length]};`,
    ),
    "  }",
    "}",
    "",
  ].join("\n");
}
