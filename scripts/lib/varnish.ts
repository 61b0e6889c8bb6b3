import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

export type VarnishSettings = {
  port: number;
  vcl: string;
  /** Folders the VCL's includes are looked up in. */
  vclPath: string[];
  /** Where its pid file and working directory go (varnishstat -n and varnishadm -n take the working directory). */
  runDir: string;
  logFile: string;
};

export type Varnish = { child: ChildProcess; name: string; pidFile: string };

/** varnishd in the foreground on 127.0.0.1, with the quiet log below and 256 MB of memory for pages. */
export function spawnVarnish(settings: VarnishSettings): Varnish {
  const pidFile = path.join(settings.runDir, "varnishd.pid");
  const name = path.join(settings.runDir, "work");
  const child = spawn(
    "varnishd",
    [
      "-F",
      "-P",
      pidFile,
      "-n",
      name,
      "-a",
      `127.0.0.1:${settings.port}`,
      "-f",
      settings.vcl,
      "-p",
      `vcl_path=${settings.vclPath.join(":")}`,
      "-p",
      `vsl_mask=${QUIET_LOG}`,
      "-s",
      "malloc,256m",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const log = createWriteStream(settings.logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return { child, name, pidFile };
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

// The manager's own pid, from its pid file: the process Node started is not always the one left running, and a
// Varnish left behind would keep the port.
export async function stopVarnish(pidFile: string): Promise<void> {
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
