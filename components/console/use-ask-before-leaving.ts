"use client";

import { useEffect } from "react";

const LEAVE_QUESTION = "This article has changes that are not saved yet. Leave without saving them?";

// A plain click on a link to another page of this window (not a new tab, a download or a place on this page).
function leavesThePage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download") || (link.target && link.target !== "_self")) return false;
  const to = new URL(link.href, window.location.href);
  return !(to.origin === window.location.origin && to.pathname === window.location.pathname && to.search === window.location.search);
}

// Leaving with unsaved changes asks first: the browser asks when the page is closed, reloaded or left by address;
// a link inside the site changes the page without unloading it, so a click on one asks here.
export function useAskBeforeLeaving(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    const askBeforeFollowing = (event: MouseEvent) => {
      if (leavesThePage(event) && !window.confirm(LEAVE_QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    // Captured on the window, before the framework's links see the click.
    window.addEventListener("click", askBeforeFollowing, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("click", askBeforeFollowing, true);
    };
  }, [unsaved]);
}
