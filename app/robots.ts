import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { absolute } from "@/lib/site";

export default async function robots(): Promise<MetadataRoute.Robots> {
  // Read at request time, so the sitemap addresses use the running site's address.
  await connection();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/search", "/comments/"] },
    sitemap: [absolute("/sitemap.xml"), absolute("/news-sitemap.xml")],
  };
}
