import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { DATA_DIR } from "../paths";
import { waitUntilServing } from "../server";
import { spawnVarnish, stopVarnish, type Varnish } from "../varnish";

// The servers the edge runs compare the site's Varnish with (scripts/lib/bench/edge.ts): nginx serving the bytes
// Varnish sent, and a Varnish that only keeps them.
export const ENGINE_PORT = 3218;
export const ENGINE_URL = `http://127.0.0.1:${ENGINE_PORT}`;
export const NGINX_PORT = 3219;
// Browsers always ask for compressed pages; Varnish keeps the gzip copy the app sends and hands it out as it is.
export const BROWSER = { "accept-encoding": "gzip, deflate, br" };

// The raw answer (a gzip body stays gzip), with no client library adding headers of its own.
export function get(url: string, headers: Record<string, string> = {}): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

// What Varnish itself reaches on this machine: the same bytes, fetched once from the nginx above and kept, with a VCL
// that does nothing else and the site's quiet log. The site's VCL (header scrubbing, the query, cookies, tags) costs
// the difference between (g0) and (g).
const ONE_LINE_VCL = `vcl 4.1;
backend nginx { .host = "127.0.0.1"; .port = "${NGINX_PORT}"; }
sub vcl_backend_response { set beresp.ttl = 1h; return (deliver); }
`;

export async function startVarnishAlone(logDir: string): Promise<Varnish> {
  const runDir = path.join(DATA_DIR, `varnish-${ENGINE_PORT}`);
  await stopVarnish(path.join(runDir, "varnishd.pid"));
  await rm(runDir, { recursive: true, force: true });
  await mkdir(runDir, { recursive: true });
  const vcl = path.join(runDir, "one-line.vcl");
  await writeFile(vcl, ONE_LINE_VCL);
  const varnish = spawnVarnish({ port: ENGINE_PORT, vcl, vclPath: [runDir], runDir, logFile: path.join(logDir, "varnish-alone.log") });
  try {
    await waitUntilServing(`${ENGINE_URL}/article`, varnish.child, 10_000);
    const second = await get(`${ENGINE_URL}/article`, BROWSER);
    // X-Varnish names two requests on a hit: this one and the one that stored the page.
    if (String(second.headers["x-varnish"]).split(" ").length !== 2) throw new Error("Varnish alone did not keep the page");
  } catch (error) {
    await stopVarnish(varnish.pidFile);
    throw error;
  }
  return varnish;
}

// Headers each server writes for itself, or that say which cache answered.
const OWN_HEADERS = new Set([
  "date",
  "server",
  "connection",
  "keep-alive",
  "content-length",
  "transfer-encoding",
  "age",
  "via",
  "x-varnish",
  "x-cache",
  "accept-ranges",
  "content-type",
]);

// nginx in its own folder (readable by its worker user), serving one file with the headers Varnish sent with it, so
// that both answers carry the same bytes.
export async function startNginx(body: Buffer, headers: Record<string, string | string[] | undefined>): Promise<{ child: ChildProcess; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-nginx-"));
  await chmod(dir, 0o755);
  await writeFile(path.join(dir, "article"), body, { mode: 0o644 });
  const addHeaders = Object.entries(headers)
    .filter(([name]) => !OWN_HEADERS.has(name))
    .flatMap(([name, value]) => (Array.isArray(value) ? value : [value ?? ""]).map((line) => `add_header ${name} "${line.replace(/["\\$]/g, "")}";`))
    .join("\n      ");
  await writeFile(
    path.join(dir, "nginx.conf"),
    `daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server_tokens off;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    location = /article {
      default_type "${String(headers["content-type"])}";
      ${addHeaders}
      alias ${dir}/article;
    }
  }
}
`,
  );
  const child = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], { stdio: "ignore" });
  try {
    await waitUntilServing(`http://127.0.0.1:${NGINX_PORT}/article`, child, 10_000);
  } catch (error) {
    await stopNginx({ child, dir });
    throw error;
  }
  return { child, dir };
}

export async function stopNginx({ child, dir }: { child: ChildProcess; dir: string }) {
  if (child.exitCode === null) {
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGQUIT");
    });
  }
  await rm(dir, { recursive: true, force: true });
}
