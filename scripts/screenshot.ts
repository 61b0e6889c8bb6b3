// npm run screenshot -- URL FILE.png [WIDTH]: a full-page screenshot in headless Chromium, to look at a page as a
// reader would.
import { chromium } from "playwright-core";

const [url, file, width = "1280"] = process.argv.slice(2);
if (!url || !file) {
  console.error("usage: npm run screenshot -- URL FILE.png [WIDTH]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.screenshot({ path: file, fullPage: true });
  console.log(`saved ${file}`);
} finally {
  await browser.close();
}
