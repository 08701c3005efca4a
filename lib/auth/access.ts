/**
 * The one access-rule module: every page, API route, server action and export asks
 * `decide` (or the guards in ./guard.ts built on it). Rules follow PRODUCT.md "Users and roles".
 */
import type { Viewer } from "./roles";

export type Action =
  /** Published annual reports and the public benchmark (suppressed). */
  | "read:published"
  /** Current, unpublished indicator results and data completeness. */
  | "read:current"
  /** Export (CSV/PNG) of current results. */
  | "export:current"
  /** Record-level, pseudonymous data-quality worklist (Fejlliste). */
  | "read:worklist"
  /** Hearing comment on a municipality's annual-report results. */
  | "comment:hearing"
  /** SundK administration: users, organisations, standards, annual reports. */
  | "admin"
  /** Receipt log and audit log. */
  | "read:logs"
  /** POST delivery reports (FHIR) – the gateway client only. */
  | "submit:reports";

export interface Decision {
  allow: boolean;
  /** Whether figures for the resource's municipality may be shown without small-number suppression. */
  unsuppressed: boolean;
}

const DENY: Decision = { allow: false, unsuppressed: false };

/**
 * @param municipalityCode the municipality the resource concerns; undefined for
 *        resources that span all municipalities (a benchmark, the nation).
 */
export function decide(viewer: Viewer, action: Action, municipalityCode?: string): Decision {
  // The gateway sends data and sees none; nobody else may send.
  if (viewer.kind === "gateway") return action === "submit:reports" ? { allow: true, unsuppressed: false } : DENY;
  if (action === "submit:reports") return DENY;
  if (viewer.kind === "anonymous") {
    return action === "read:published" ? { allow: true, unsuppressed: false } : DENY;
  }
  const { role } = viewer;
  const own = municipalityCode !== undefined && municipalityCode === viewer.municipalityCode;
  if (role === "sundk") return { allow: true, unsuppressed: true };

  switch (action) {
    case "read:published":
      return { allow: true, unsuppressed: false };
    case "read:current":
    case "export:current":
      // Own municipality unsuppressed, everyone else suppressed (politiker and sundhedsplejerske alike).
      return { allow: true, unsuppressed: own };
    case "read:worklist":
    case "comment:hearing":
      return role === "leder" && own ? { allow: true, unsuppressed: true } : DENY;
    case "admin":
    case "read:logs":
      return DENY;
  }
}

/** Municipalities whose record-level data the viewer may see: "all", a list, or none. */
export function worklistScope(viewer: Viewer): "all" | string[] {
  if (viewer.kind === "user" && viewer.role === "sundk") return "all";
  if (viewer.kind === "user" && viewer.role === "leder" && viewer.municipalityCode) return [viewer.municipalityCode];
  return [];
}
