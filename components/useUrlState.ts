"use client";
/**
 * View state kept in the URL's query string (lib/views/url-state.ts parses and serialises it). Changes apply at once
 * (controlled selects and radios do not flicker back while the URL catches up) and are pushed to the history, so
 * Back/Forward and shared links work; a change of the URL from outside (Back/Forward) wins over the local state.
 */
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { pushQuery } from "./fetchJson";

export function useUrlState<S>(parse: (params: URLSearchParams) => S, serialize: (state: S) => string): [S, (patch: Partial<S>) => void] {
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const [state, setState] = useState(() => parse(new URLSearchParams(query)));
  const [seen, setSeen] = useState(query);
  let current = state;
  if (query !== seen) {
    // the URL changed (our own push arriving, or Back/Forward): adopt it
    current = parse(new URLSearchParams(query));
    setSeen(query);
    setState(current);
  }
  const update = (patch: Partial<S>) => {
    const next = { ...current, ...patch };
    setState(next);
    pushQuery(serialize(next));
  };
  return [current, update];
}
