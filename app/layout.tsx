import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "The Harbor Ledger", template: "%s · The Harbor Ledger" },
  description: "Independent news from the harbor city and the world.",
  // Large image previews in search and Discover; pages that should stay out of indexes say so themselves.
  robots: { index: true, follow: true, googleBot: { index: true, follow: true, "max-image-preview": "large" } },
};

// Pinch-zoom stays allowed: no maximum-scale or user-scalable here. In the dark scheme the browser's bar takes the
// page's dark background (--color-white in globals.css); in light it stays the browser's own.
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: { media: "(prefers-color-scheme: dark)", color: "#171717" } };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-neutral-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
