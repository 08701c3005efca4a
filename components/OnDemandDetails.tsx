"use client";

/**
 * A <details> whose content is rendered only once it is opened: for a long alternative (e.g. a heatmap's table of
 * numbers) that most readers never open, the server would otherwise render and send it on every request. Opened
 * before the page was interactive, it fills in as soon as it is.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";

export function OnDemandDetails({ summary, className, children }: { summary: ReactNode; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={ref} className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
