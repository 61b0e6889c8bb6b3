import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

// axe-core against the WCAG 2.2 A and AA rules: the serious and critical violations on the page as it stands, each
// with the elements it found, so that a failure names what to fix.
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

// WCAG 1.4.10 (reflow): nothing may need scrolling sideways. The elements wider than the window, so a failure says
// what to fix; none when the page fits.
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // Inside a box that scrolls on its own (a wide table), an element may be wider without being to blame.
    const scrollsOnItsOwn = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !scrollsOnItsOwn(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} (${Math.round(element.getBoundingClientRect().right)} px)`);
    // The page scrolls sideways: that fails, whether or not an element outside a scrolling box is to blame.
    return culprits.length > 0 ? culprits : [`the page is ${document.documentElement.scrollWidth} px wide`];
  });
}
