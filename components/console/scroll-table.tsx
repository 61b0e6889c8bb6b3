// A wide table on a narrow screen scrolls inside its own box, not the whole page sideways (WCAG 1.4.10 allows this
// for data tables). The box takes the keyboard focus, so it can be scrolled without a mouse. It is positioned, so
// that screen-reader-only text in the table (absolutely placed) stays inside it rather than widening the page.
export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative mt-4 overflow-x-auto">
      {children}
    </div>
  );
}
