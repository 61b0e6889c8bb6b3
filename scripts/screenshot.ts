// npm run screenshot -- URL FILE.png [WIDTH]: a full-page screenshot in headless Chromium, to look at a page as a
// reader would.
// npm run screenshot -- --all SITE_URL DIR: every type of page of a running site, at 1280 and 375 px, in the light
// and the dark scheme (scripts/lib/screenshot-site.ts).
import { chromium } from "playwright-core";
import { capture, screenshotSite } from "./lib/screenshot-site";

const args = process.argv.slice(2);
const all = args[0] === "--all";
const [url, file, width = "1280"] = all ? args.slice(1) : args;
if (!url || !file) {
  console.error("usage: npm run screenshot -- URL FILE.png [WIDTH]\n       npm run screenshot -- --all SITE_URL DIR");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  if (all) {
    await screenshotSite(browser, url, file);
  } else {
    await capture(await browser.newPage({ viewport: { width: Number(width), height: 900 } }), url, file);
  }
} finally {
  await browser.close();
}
