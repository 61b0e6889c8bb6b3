import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { ROOT } from "./paths";

const SERVE_SCRIPT = path.join(ROOT, "scripts", "serve.mjs");

export type ServerSettings = {
  port: number;
  databaseUrl: string;
  secret: string;
  siteUrl?: string;
  distDir: string;
  extraEnv?: Record<string, string>;
};

export function productionServerEnv(settings: ServerSettings): NodeJS.ProcessEnv {
  const siteUrl = settings.siteUrl ?? `http://localhost:${settings.port}`;
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: settings.distDir,
    DATABASE_URL: settings.databaseUrl,
    NEXTAUTH_SECRET: settings.secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? siteUrl,
    SITE_URL: siteUrl,
    ...settings.extraEnv,
  };
}

export function spawnProductionServer(settings: ServerSettings, output: "inherit" | { logFile: string }): ChildProcess {
  const child = spawn(process.execPath, [SERVE_SCRIPT], {
    cwd: ROOT,
    env: { ...productionServerEnv(settings), PORT: String(settings.port) },
    stdio: output === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (output !== "inherit") {
    const log = createWriteStream(output.logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  return child;
}

/** Refuses to go on while something listens on the port: a server left running there would answer for the one started. */
export function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(`Port ${port} is in use (${error.code}); stop whatever listens there and run this again.`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

export async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before serving`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export function stopServer(child: ChildProcess): Promise<void> {
  // Ended already, by itself or by a signal (a test may have killed it).
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
