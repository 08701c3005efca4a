/**
 * Calling the built app's server actions over HTTP, as the browser does: the action's id comes from the build's
 * server-reference manifest (`.next/server/server-reference-manifest.json`: id → { filename, exportedName, workers }),
 * the arguments are encoded with React's own `encodeReply` (the one Next's client runtime uses), and the request is a
 * POST to a page that uses the action, with the `Next-Action` header. The answer is an RSC stream; the action's
 * return value is one of its rows, a redirect comes as 303 with `x-action-redirect`.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// React's reply encoder as bundled with Next (no extra dependency, no type declarations): FormData arguments become
// "_<n>_<field>" parts next to the JSON of the argument list
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (args: unknown[]) => Promise<FormData | string>;
};

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

/** `action:<file>#<export>` (as the route tree names a server action) → its id in the build. */
export function actionIds(distDir = ".next"): Map<string, string> {
  const file = path.join(distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(manifest.node).map(([id, e]) => [`action:${e.filename}#${e.exportedName}`, id]));
}

/** What a server action answered: the HTTP status, where it redirected, and the form state it returned. */
export interface ActionAnswer {
  status: number;
  redirect: string | null;
  state: { ok: boolean | null; message: string | null } | null;
  text: string;
}

/** The form state among the rows of an RSC answer ("<id>:<json>"): { ok, message }, or { status: "ok" | "error", message }. */
function formState(text: string): ActionAnswer["state"] {
  for (const line of text.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith("{")) continue;
    try {
      const v = JSON.parse(json) as Record<string, unknown>;
      if ("ok" in v && "message" in v) return { ok: v.ok as boolean | null, message: v.message as string | null };
      if ((v.status === "ok" || v.status === "error") && "message" in v) return { ok: v.status === "ok", message: v.message as string | null };
    } catch {
      // a row that is not JSON (text chunks, hints)
    }
  }
  return null;
}

/** Calls a useActionState-style action `(previousState, formData)` on `page` with the caller's headers (from `origin`, default the app's own). */
export async function callFormAction(baseUrl: string, page: string, actionId: string, form: Record<string, string>, headers: Record<string, string>, origin = baseUrl): Promise<ActionAnswer> {
  const data = new FormData();
  for (const [k, v] of Object.entries(form)) data.append(k, v);
  const body = await encodeReply([{ ok: null, message: null }, data]);
  const res = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, accept: "text/x-component", "next-action": actionId, origin },
    body,
  });
  const text = await res.text();
  const redirect = res.headers.get("x-action-redirect") ?? res.headers.get("location");
  return { status: res.status, redirect: redirect ? redirect.split(";")[0] : null, state: formState(text), text };
}
