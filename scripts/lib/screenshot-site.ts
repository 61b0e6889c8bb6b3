import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";

const WIDTHS = [1280, 375];
const SCHEMES = ["light", "dark"] as const;

// A page to take: its name in the file names, and its path on the site.
type Shot = { name: string; path: string };

// A full-page screenshot once the page has settled. Photos below the fold load lazily and would be missing from it:
// they are asked for at once.
export async function capture(page: Page, url: string, file: string): Promise<void> {
  await page.goto(url, { waitUntil: "networkidle" });
  await page.evaluate(() => document.querySelectorAll("img[loading=lazy]").forEach((image) => image.setAttribute("loading", "eager")));
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: file, fullPage: true });
  console.log(`saved ${file}`);
}

// Every type of page of a running site, each at every width in both schemes, into dir as PAGE-WIDTH-SCHEME.png.
// Which article, section, topic and author to take is read from the site's own links, so any content will do.
// The staff pages are taken when SCREENSHOT_STAFF_EMAIL and SCREENSHOT_STAFF_PASSWORD name an account.
export async function screenshotSite(browser: Browser, siteUrl: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const discovery = await browser.newContext({ baseURL: siteUrl });
  const readerShots = await findReaderPages(await discovery.newPage());
  const staff = await signInStaff(await discovery.newPage());
  await discovery.close();

  for (const colorScheme of SCHEMES) {
    for (const width of WIDTHS) {
      const options: BrowserContextOptions = { baseURL: siteUrl, colorScheme, viewport: { width, height: 900 } };
      await takeAll(browser, options, readerShots, dir);
      if (staff) await takeAll(browser, { ...options, storageState: staff.storageState }, staff.shots, dir);
    }
  }
}

async function takeAll(browser: Browser, options: BrowserContextOptions, shots: Shot[], dir: string): Promise<void> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  for (const shot of shots) {
    await capture(page, shot.path, path.join(dir, `${shot.name}-${options.viewport!.width}-${options.colorScheme}.png`));
  }
  await context.close();
}

async function linksOn(page: Page, prefix: string): Promise<string[]> {
  const hrefs = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((href) => href.startsWith(prefix)).map((href) => href.split(/[?#]/)[0]!))];
}

async function findReaderPages(page: Page): Promise<Shot[]> {
  await page.goto("/");
  const links = { section: await linksOn(page, "/sections/"), tag: await linksOn(page, "/tags/"), author: await linksOn(page, "/authors/") };
  const articles = (await linksOn(page, "/articles/")).filter((href) => !href.endsWith(".xml"));
  if (articles.length === 0) throw new Error("the front page links to no article");

  // The first story with a published comment (it has a Report link), else the first story.
  let article = articles[0]!;
  let report: string | undefined;
  for (const candidate of articles.slice(0, 12)) {
    await page.goto(candidate);
    report = (await linksOn(page, "/comments/")).find((href) => href.endsWith("/report"));
    if (report) {
      article = candidate;
      break;
    }
  }
  await page.goto(article);
  const headline = (await page.locator("h1").first().textContent()) ?? "";
  const searchWord = headline.split(/\W+/).find((word) => word.length >= 5) ?? "news";
  for (const kind of ["section", "tag", "author"] as const) {
    if (links[kind].length === 0) links[kind] = await linksOn(page, `/${kind}s/`);
  }

  const shots: Shot[] = [
    { name: "front-page", path: "/" },
    { name: "article", path: article },
    ...(report ? [{ name: "comment-report", path: report }] : []),
    { name: "comment-status-without-link", path: "/comments/status" },
    { name: "section", path: links.section[0] },
    { name: "tag", path: links.tag[0] },
    { name: "author", path: links.author[0] },
    { name: "search", path: `/search?q=${encodeURIComponent(searchWord)}` },
    { name: "about", path: "/about" },
    { name: "contact", path: "/contact" },
    { name: "corrections", path: "/corrections" },
    { name: "masthead", path: "/masthead" },
    { name: "privacy", path: "/privacy" },
    { name: "privacy-my-comments", path: "/privacy/my-comments" },
    { name: "not-found", path: "/no-such-page" },
    { name: "staff-sign-in", path: "/admin/sign-in" },
  ].filter((shot): shot is Shot => shot.path !== undefined);
  for (const kind of ["section", "tag", "author"] as const) {
    if (links[kind].length === 0) console.log(`no ${kind} page found: skipped`);
  }
  return shots;
}

async function signInStaff(page: Page): Promise<{ shots: Shot[]; storageState: BrowserContextOptions["storageState"] } | null> {
  const email = process.env.SCREENSHOT_STAFF_EMAIL;
  const password = process.env.SCREENSHOT_STAFF_PASSWORD;
  if (!email || !password) {
    console.log("staff pages skipped: set SCREENSHOT_STAFF_EMAIL and SCREENSHOT_STAFF_PASSWORD to take them");
    return null;
  }
  await page.goto("/admin/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page
    .waitForURL((url) => !url.pathname.startsWith("/admin/sign-in"), { timeout: 15_000 })
    .catch(() => {
      throw new Error(`signing in as ${email} failed: check SCREENSHOT_STAFF_EMAIL and SCREENSHOT_STAFF_PASSWORD`);
    });

  // A comment's own page: the first comment the queue links to, waiting or else published.
  let comment: string | undefined;
  for (const queue of ["/admin", "/admin?status=APPROVED"]) {
    await page.goto(queue);
    comment = (await linksOn(page, "/admin/comments/"))[0];
    if (comment) break;
  }
  // The newsroom's pages, when the account writes: the list, and the first article's editor and revisions.
  await page.goto("/admin/articles");
  const edited = (await linksOn(page, "/admin/articles/")).find((href) => /^\/admin\/articles\/\d+$/.test(href));
  const newsroom: Shot[] = edited
    ? [
        { name: "staff-articles", path: "/admin/articles" },
        { name: "staff-article-editor", path: edited },
        { name: "staff-article-revisions", path: `${edited}/revisions` },
        { name: "staff-sections-topics", path: "/admin/newsroom" },
      ]
    : [];
  if (!edited) console.log("newsroom pages skipped: the account does not write, or there is no article");
  const shots: Shot[] = [
    { name: "staff-queue", path: "/admin" },
    // The waiting queue may be empty; the published tab shows rows, the first one selected.
    { name: "staff-queue-approved", path: "/admin?status=APPROVED" },
    ...(comment ? [{ name: "staff-comment", path: comment }] : []),
    { name: "staff-settings", path: "/admin/settings" },
    { name: "staff-members", path: "/admin/staff" },
    { name: "staff-audit-log", path: "/admin/audit" },
    { name: "staff-account", path: "/admin/account" },
    ...newsroom,
  ];
  return { shots, storageState: await page.context().storageState() };
}
