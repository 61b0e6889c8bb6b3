import { gzipSync } from "node:zlib";
import { attributes } from "./html";

// What a page sends a reader: its HTML and the CSS and JavaScript it links, each raw and gzipped. Scripts marked
// nomodule (the framework's polyfills) are counted apart: only browsers without JavaScript modules load them.

export type Weight = { kind: "html" | "css" | "js" | "nomodule-js"; url: string; bytes: number; gzipBytes: number };

export async function pageWeight(url: string): Promise<Weight[]> {
  const html = Buffer.from(await (await fetch(url)).arrayBuffer());
  const text = html.toString("utf8");
  const assets = new Map<string, Exclude<Weight["kind"], "html">>();
  for (const tag of text.matchAll(/<script\b[^>]*>/g)) {
    const attrs = attributes(tag[0]);
    if (attrs.src) assets.set(attrs.src, "noModule" in attrs || "nomodule" in attrs ? "nomodule-js" : "js");
  }
  for (const tag of text.matchAll(/<link\b[^>]*>/g)) {
    const attrs = attributes(tag[0]);
    if (attrs.rel === "stylesheet" && attrs.href) assets.set(attrs.href, "css");
  }
  const weights: Weight[] = [{ kind: "html", url, bytes: html.length, gzipBytes: gzipSync(html, { level: 9 }).length }];
  for (const [asset, kind] of assets) {
    const body = Buffer.from(await (await fetch(new URL(asset, url))).arrayBuffer());
    weights.push({ kind, url: asset, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  return weights;
}
