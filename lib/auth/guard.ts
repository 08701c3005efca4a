/** Page and route guards built on the access rules: the only way pages and routes authorise. */
import { forbidden, redirect } from "next/navigation";
import { decide, type Action, type Decision } from "./access";
import type { Viewer } from "./roles";
import { getViewer, requestViewer } from "./session";

/** For pages: anonymous → login (and back), logged in but not entitled → 403. */
export async function requirePage(action: Action, path: string, municipalityCode?: string): Promise<{ viewer: Viewer; decision: Decision }> {
  const viewer = await getViewer();
  const decision = decide(viewer, action, municipalityCode);
  if (!decision.allow) {
    if (viewer.kind === "anonymous") redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
    forbidden();
  }
  return { viewer, decision };
}

/** For API routes: a JSON 401/403 response when the request's viewer is not allowed, else the viewer. */
export async function requireApi(request: Request, action: Action, municipalityCode?: string): Promise<{ viewer: Viewer; decision: Decision } | Response> {
  const viewer = await requestViewer(request);
  const decision = decide(viewer, action, municipalityCode);
  if (decision.allow) return { viewer, decision };
  const status = viewer.kind === "anonymous" ? 401 : 403;
  return Response.json({ error: status === 401 ? "Log ind for at se dette." : "Du har ikke adgang til dette." }, { status });
}
