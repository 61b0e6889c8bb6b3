import { spawn, spawnSync } from "node:child_process";

// wrk, the load tool for fast paths: one client process that outruns what it measures, which autocannon does not
// on these machines (it saturates near 1,000 requests/s).
export const WRK_THREADS = 2;

export type WrkResult = {
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesRead: number;
};

export function wrkMissing(): string | null {
  return spawnSync("wrk", ["--version"]).error ? "wrk is not installed (Debian: apt-get install wrk)" : null;
}

/** yielding: run at the lowest priority, so that the load takes only what the servers leave (see the edge runs). */
export type WrkOptions = {
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  yielding?: boolean;
  script?: { file: string; args: string[] };
};

export function wrk(url: string, options: WrkOptions): Promise<WrkResult> {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const script = options.script ? ["-s", options.script.file] : [];
  const args = [
    "-t",
    String(WRK_THREADS),
    "-c",
    String(options.connections),
    "-d",
    `${options.seconds}s`,
    "--latency",
    ...script,
    ...headerArgs,
    url,
    ...(options.script ? ["--", ...options.script.args] : []),
  ];
  const [command, commandArgs] = options.yielding ? ["nice", ["-n", "19", "wrk", ...args]] : ["wrk", args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}: ${output}`));
      try {
        resolve(parseWrk(output));
      } catch (error) {
        reject(error);
      }
    });
  });
}

const UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const BYTES: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

export function parseWrk(output: string): WrkResult {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    if (!match) throw new Error(`wrk's output has no ${pattern}: ${output}`);
    return match;
  };
  const latency = (percent: string) => {
    const [, value, unit] = number(new RegExp(`^\\s*${percent}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m"));
    return Number(value) * UNITS[unit!]!;
  };
  const [, requests, bytes, byteUnit] = number(/(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB|TB) read/);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSecond: Number(number(/Requests\/sec:\s+([\d.]+)/)[1]),
    medianMs: latency("50"),
    p99Ms: latency("99"),
    total: Number(requests),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    errors: socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0,
    timeouts: socket ? Number(socket[4]) : 0,
    bytesRead: Number(bytes) * BYTES[byteUnit!]!,
  };
}
