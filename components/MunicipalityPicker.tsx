"use client";
/** Municipality picker with search: type part of a name or a code; the list of links narrows as you type. */
import { useId, useState } from "react";
import type { MunicipalityRef } from "@/lib/views/types";

const normalise = (s: string) => s.toLocaleLowerCase("da-DK").normalize("NFC").trim();

export function MunicipalityPicker({ municipalities, current, label = "Find en kommune" }: { municipalities: MunicipalityRef[]; current?: string; label?: string }) {
  const id = useId();
  const [q, setQ] = useState("");
  const query = normalise(q);
  const hits = query ? municipalities.filter((m) => normalise(m.name).includes(query) || m.code.startsWith(query)) : [];
  return (
    <div className="picker" role="search">
      <label htmlFor={`${id}-q`} className="filter-label">{label}</label>
      <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Navn eller kommunekode, fx Læsø eller 825" autoComplete="off" aria-describedby={`${id}-count`} />
      <p id={`${id}-count`} className="muted" aria-live="polite">
        {query ? (hits.length ? `${hits.length} ${hits.length === 1 ? "kommune" : "kommuner"} passer` : "Ingen kommune passer") : ""}
      </p>
      {hits.length > 0 && (
        <ul data-testid="picker-hits">
          {hits.slice(0, 20).map((m) => (
            <li key={m.code}>
              <a href={`/kommuner/${m.code}`} aria-current={m.code === current ? "page" : undefined}>{m.name}</a> <span className="muted">({m.code})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
