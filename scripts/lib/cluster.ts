import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR, ROOT } from "./paths";
import { spawnProductionServer, stopServer, waitUntilServing } from "./server";

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
  const pidFile = path.join(runDir, "varnishd.pid");
  const varnishName = path.join(runDir, "work");
  const varnish = spawn(
    "varnishd",
    [
      "-F",
      "-P",
      pidFile,
      "-n",
      varnishName,
      "-a",
      `127.0.0.1:${options.varnishPort}`,
      "-f",
      VCL,
      "-p",
      `vcl_path=${runDir}:${path.dirname(VCL)}`,
      "-p",
      `vsl_mask=${QUIET_LOG}`,
      "-s",
      "malloc,256m",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const varnishLog = createWriteStream(path.join(options.logDir ?? runDir, "varnish.log"));
  varnish.stdout.pipe(varnishLog);
  varnish.stderr.pipe(varnishLog);

  const stop = async () => {
    await Promise.all(instances.map((instance) => stopServer(instance)));
    await stopVarnish(pidFile);
  };
  try {
    const instanceUrls = ports.map((port) => `http://127.0.0.1:${port}`);
    await Promise.all(instanceUrls.map((url, index) => waitUntilServing(`${url}/api/health/ready`, instances[index]!)));
    // Varnish sends readers on once its health probes have seen the instances answer.
    await waitUntilServing(`${varnishUrl}/`, varnish);
    return { varnishUrl, instanceUrls, instances, varnishName, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// Varnish writes every request to its shared-memory log, record by record (each header, each header the VCL unsets,
// four timestamps, each VCL step): about a fifth of what a cache hit costs it here, and what kept it well behind
// nginx (which keeps no access log either) on the same bytes. Those records are left out, for backend fetches too;
// each request's method, address and status stay, and errors. For the full log while looking into something:
// `varnishadm -n <its working directory> param.reset vsl_mask`, then varnishlog or varnishncsa.
const QUIET_LOG = [
  "ReqStart",
  "ReqProtocol",
  "ReqHeader",
  "ReqUnset",
  "ReqAcct",
  "RespProtocol",
  "RespReason",
  "RespHeader",
  "RespUnset",
  "Timestamp",
  "VCL_call",
  "VCL_return",
  "VCL_use",
  "Hit",
  "Storage",
]
  .map((tag) => `-${tag}`)
  .join(",");

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

// The manager's own pid, from its pid file: the process Node started is not always the one left running, and a
// Varnish left behind would keep the port.
async function stopVarnish(pidFile: string): Promise<void> {
  const pid = Number(await readFile(pidFile, "utf8").catch(() => ""));
  if (!Number.isInteger(pid) || pid <= 0) return;
  // A pid file from long ago may name a process that is no longer Varnish.
  if ((await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "")).trim() !== "varnishd") return;
  const isRunning = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (isRunning()) process.kill(pid, "SIGTERM");
  for (let waited = 0; isRunning() && waited < 5000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isRunning()) process.kill(pid, "SIGKILL");
}
