/**
 * The route tree of app/ and a static check that each route handler authorises through the access-rule module.
 *
 * A handler counts as guarded when a call to `requirePage` / `requireApi` (lib/auth/guard.ts) or `decide`
 * (lib/auth/access.ts) is reachable from its body: directly, or through functions of this project it calls or server
 * components it renders as JSX
 * (imports, re-exports and local helpers are resolved with the TypeScript checker, so `export { getX as GET } from
 * "@/lib/…"` is followed into lib). Calls into node_modules are never followed. The chain found is reported, so a
 * reviewer sees *how* each route is guarded; that the guard decides correctly is the matrix test's job.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** The entry points of the access-rule module: module path (from the project root) → function names. */
export const GUARDS: Record<string, readonly string[]> = {
  "lib/auth/guard.ts": ["requirePage", "requireApi"],
  "lib/auth/access.ts": ["decide"],
};

/** How far calls are followed from a handler into the project's own functions. */
const MAX_DEPTH = 6;

export interface RouteHandler {
  /** the file under app/, e.g. app/kommuner/[kode]/page.tsx */
  file: string;
  /** the URL pattern, e.g. /kommuner/[kode] */
  route: string;
  kind: "page" | "route" | "action";
  /** GET for pages; the exported HTTP methods of a route.ts; POST for a server action */
  method: string;
  /** the export checked: "default" for pages, the method for routes, the function for server actions */
  exportName: string;
  /** call chain from the handler to the guard, or null when no guard is reachable */
  guard: string[] | null;
}

const ROUTE_FILE = /^(page|route)\.(tsx?|jsx?)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(tsx?|jsx?)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** URL pattern of a route file: route groups "(x)" and parallel-route slots "@x" do not appear in the URL. */
export function routePattern(file: string, appDir = "app"): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** Private folders (`_x`) are not routable. */
const routable = (file: string, appDir: string) => !path.relative(appDir, file).split(path.sep).some((s) => s.startsWith("_"));

function program(files: string[], root: string): ts.Program {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram(files, { ...options, noEmit: true, incremental: false });
}

function resolve(checker: ts.TypeChecker, s: ts.Symbol | undefined): ts.Symbol | undefined {
  return s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
}

/** The function body behind a declaration (function, arrow or function expression assigned to a name, method). */
function bodyOf(d: ts.Declaration): ts.Node | undefined {
  if (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) return d.body;
  if (ts.isVariableDeclaration(d) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer.body;
  return undefined;
}

function isServerActionFile(sf: ts.SourceFile): boolean {
  const first = sf.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

/** Every page, route handler and server action under app/ (server actions: files starting with "use server" anywhere in the project). */
export function routeHandlers(root = process.cwd()): { handlers: RouteHandler[]; inlineActions: string[] } {
  const appDir = path.join(root, "app");
  const routeFiles = walk(appDir).filter((f) => ROUTE_FILE.test(path.basename(f)) && routable(f, appDir));
  const sourceFiles = ["app", "lib", "components"].flatMap((d) => (fs.existsSync(path.join(root, d)) ? walk(path.join(root, d)) : [])).filter((f) => !f.includes(`${path.sep}generated${path.sep}`) && !/\.test\.tsx?$/.test(f));
  const prog = program([...new Set([...routeFiles, ...sourceFiles])], root);
  const checker = prog.getTypeChecker();
  const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
  const own = (sf: ts.SourceFile) => !sf.isDeclarationFile && !sf.fileName.includes("/node_modules/");

  const guardChain = (start: ts.Declaration, name: string): string[] | null => {
    const seen = new Set<ts.Node>();
    const search = (body: ts.Node, chain: string[], depth: number): string[] | null => {
      if (seen.has(body)) return null;
      seen.add(body);
      let found: string[] | null = null;
      const visit = (n: ts.Node) => {
        if (found) return;
        // a call, or a server component rendered as JSX (<ReportPage …/> runs ReportPage on the server)
        const callee = ts.isCallExpression(n)
          ? ts.isPropertyAccessExpression(n.expression)
            ? n.expression.name
            : n.expression
          : ts.isJsxOpeningLikeElement(n)
            ? n.tagName
            : null;
        if (callee) {
          const target = resolve(checker, checker.getSymbolAtLocation(callee));
          for (const d of target?.declarations ?? []) {
            const sf = d.getSourceFile();
            if (!own(sf)) continue;
            const fname = target!.getName();
            if (GUARDS[rel(sf.fileName)]?.includes(fname)) {
              found = [...chain, fname];
              return;
            }
            const inner = bodyOf(d);
            if (inner && depth < MAX_DEPTH) found = search(inner, [...chain, fname], depth + 1);
            if (found) return;
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(body);
      return found;
    };
    const body = bodyOf(start);
    return body ? search(body, [name], 0) : null;
  };

  const exportsOf = (sf: ts.SourceFile) => {
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    return moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  };
  const handler = (sf: ts.SourceFile, exported: ts.Symbol): string[] | null => {
    const target = resolve(checker, exported);
    for (const d of target?.declarations ?? []) {
      const chain = guardChain(d, target!.getName());
      if (chain) return chain;
    }
    return null;
  };

  const out: RouteHandler[] = [];
  for (const f of routeFiles) {
    const sf = prog.getSourceFile(f)!;
    const kind = path.basename(f).startsWith("page.") ? "page" : "route";
    const exported = exportsOf(sf);
    const base = { file: rel(f), route: routePattern(f, appDir), kind } as const;
    if (kind === "page") {
      const def = exported.find((s) => s.getName() === "default");
      out.push({ ...base, method: "GET", exportName: "default", guard: def ? handler(sf, def) : null });
    } else {
      for (const s of exported.filter((x) => (HTTP_METHODS as readonly string[]).includes(x.getName())))
        out.push({ ...base, method: s.getName(), exportName: s.getName(), guard: handler(sf, s) });
    }
  }
  for (const sf of prog.getSourceFiles().filter((s) => own(s) && isServerActionFile(s)))
    for (const s of exportsOf(sf)) out.push({ file: rel(sf.fileName), route: `action:${rel(sf.fileName)}#${s.getName()}`, kind: "action", method: "POST", exportName: s.getName(), guard: handler(sf, s) });
  const inlineActions = prog.getSourceFiles().filter(own).flatMap(inlineServerActions).map((f) => path.relative(root, f));
  return { handlers: out, inlineActions };
}


/** Functions with an inline "use server" directive (server actions declared inside a component or function). */
function inlineServerActions(sf: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isBlock(n) && n.parent && ts.isFunctionLike(n.parent)) {
      const first = n.statements[0];
      if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server")
        found.push(`${sf.fileName}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}
