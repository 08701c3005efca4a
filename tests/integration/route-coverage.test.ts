/**
 * Every page, API route, FHIR endpoint and server action of app/ authorises through the access-rule module
 * (lib/auth: requirePage, requireApi, decide) or is explicitly public with a reason, and has an entry in the
 * authorisation matrix (tests/integration/access/matrix.ts); no matrix entry names a route that does not exist.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MATRIX } from "./access/matrix";
import { routeHandlers } from "./access/route-tree";

const { handlers, inlineActions } = routeHandlers();
const key = (route: string, method: string) => `${method} ${route}`;
const entries = new Map(MATRIX.map((e) => [key(e.route, e.method), e]));

describe(`rutedækning: ${handlers.length} handlere i app/`, () => {
  it("finder sider, API-ruter og FHIR-endepunkter (også dynamiske segmenter)", () => {
    const found = handlers.map((h) => key(h.route, h.method));
    for (const k of ["GET /", "GET /kommuner/[kode]", "GET /api/auth/[...nextauth]", "POST /fhir/Bundle/$validate", "GET /api/results"]) expect(found).toContain(k);
  });

  it("hver handler autoriserer gennem lib/auth eller er offentlig med en begrundelse", () => {
    const unguarded = handlers.filter((h) => !h.guard && !entries.get(key(h.route, h.method))?.public?.trim());
    expect(unguarded.map((h) => `${h.method} ${h.route} (${h.file}): kalder hverken requirePage, requireApi eller decide og står ikke som offentlig i matrix.ts`)).toEqual([]);
  });

  it("hver handler har en indgang i autorisationsmatrixen", () => {
    const missing = handlers.filter((h) => !entries.has(key(h.route, h.method)));
    expect(missing.map((h) => `${h.method} ${h.route} (${h.file}) mangler i tests/integration/access/matrix.ts`)).toEqual([]);
  });

  it("matrixen nævner kun ruter, der findes, og hver indgang har tilfælde", () => {
    const existing = new Set(handlers.map((h) => key(h.route, h.method)));
    expect([...entries.keys()].filter((k) => !existing.has(k))).toEqual([]);
    expect(MATRIX.filter((e) => e.cases.length === 0).map((e) => key(e.route, e.method))).toEqual([]);
    expect(MATRIX.length).toBe(entries.size); // no route listed twice
  });

  it("offentlige ruter er kun dem, der ikke selv autoriserer (ingen forældede undtagelser)", () => {
    const guarded = new Set(handlers.filter((h) => h.guard).map((h) => key(h.route, h.method)));
    expect(MATRIX.filter((e) => e.public && guarded.has(key(e.route, e.method))).map((e) => key(e.route, e.method))).toEqual([]);
  });

  it("ingen server actions erklæret inde i komponenter (de skal ligge i egne \"use server\"-filer, som tjekkes her)", () => {
    expect(inlineActions).toEqual([]);
  });

  it("viser hvordan hver rute er beskyttet", () => {
    console.log(handlers.map((h) => `${h.method.padEnd(5)} ${h.route.padEnd(32)} ${h.guard ? h.guard.join(" → ") : "offentlig: " + entries.get(key(h.route, h.method))?.public}`).join("\n"));
  });
});

describe("rutedækningens statiske tjek finder ubeskyttede ruter", () => {
  const project = (files: Record<string, string>) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ldbu-routes-"));
    fs.writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, jsx: "react-jsx", moduleResolution: "bundler", module: "esnext", paths: { "@/*": ["./*"] } } }));
    for (const [f, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), text);
    }
    return root;
  };
  const root = project({
    "lib/auth/guard.ts": "export async function requireApi(a: string) { return a; }\nexport async function requirePage(a: string) { return a; }",
    "lib/auth/access.ts": "export function decide(a: string) { return a === 'x'; }",
    "lib/other.ts": "export function decide(a: string) { return a; }\nexport async function open() { return Response.json(decide('x')); }",
    "lib/api.ts": "import { requireApi } from '@/lib/auth/guard';\nconst check = () => requireApi('read');\nexport async function getX() { await check(); return new Response(); }",
    "lib/actions.ts": "'use server';\nimport { decide } from './auth/access';\nexport async function guarded() { return decide('admin'); }\nexport async function unguarded() { return 1; }",
    "app/(gruppe)/a/[id]/page.tsx": "import { requirePage } from '@/lib/auth/guard';\nexport default async function P() { await requirePage('read'); return null; }",
    "app/b/page.tsx": "export default function P() { return null; }",
    "app/c/render.tsx": "import { requirePage } from '@/lib/auth/guard';\nexport async function View() { await requirePage('read'); return null; }\nexport function Open() { return null; }",
    "app/c/page.tsx": "import { View } from './render';\nexport default async function P() { return <View />; }",
    "app/d/page.tsx": "import { Open } from '../c/render';\nexport default async function P() { return <div><Open /></div>; }",
    "app/_privat/page.tsx": "export default function P() { return null; }",
    "app/api/x/route.ts": "export { getX as GET } from '@/lib/api';\nexport const POST = () => new Response();",
    "app/api/y/route.ts": "export { open as GET } from '@/lib/other';",
    "components/Form.tsx": "export function F() { async function act() { 'use server'; } return act; }",
  });
  const { handlers, inlineActions } = routeHandlers(root);
  const byKey = Object.fromEntries(handlers.map((h) => [`${h.method} ${h.route}`, h.guard]));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("følger re-eksporter, hjælpefunktioner og JSX-komponenter ind i lib, springer gruppe- og private mapper over", () => {
    expect(byKey).toEqual({
      "GET /a/[id]": ["default", "requirePage"],
      "GET /b": null,
      // a server component rendered as JSX is followed like a call
      "GET /c": ["default", "View", "requirePage"],
      "GET /d": null,
      "GET /api/x": ["getX", "check", "requireApi"],
      "POST /api/x": null,
      // a function that is merely *named* decide, outside lib/auth, guards nothing
      "GET /api/y": null,
      "POST action:lib/actions.ts#guarded": ["guarded", "decide"],
      "POST action:lib/actions.ts#unguarded": null,
    });
    expect(inlineActions).toEqual(["components/Form.tsx:1"]);
  });
});
