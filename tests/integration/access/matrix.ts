/**
 * THE authorisation matrix: for every route of app/ (page, API route, FHIR endpoint, server action) and method, the
 * requests to make and, per role, the expected answer and the expected suppression of figures. Run against the
 * built app by tests/integration/access-matrix.test.ts; tests/integration/route-coverage.test.ts fails when a route
 * of app/ has no entry here, or an entry names a route that no longer exists.
 *
 * Adding a route = adding one entry below. A route that does not authorise through lib/auth (requirePage,
 * requireApi, decide) needs `public` with the reason.
 *
 * Roles: see ./principals.ts. The demo users (politiker, sundhedsplejerske, leder) belong to Aarhus (751); "{kommune}"
 * in a URL runs the case once per municipality: own (751), another (101 København) and a small island (563 Fanø,
 * a handful of children at the test scale, so small-number suppression must happen there). A deactivated user's
 * still-signed cookie is run through every case too and must get exactly what anonymous gets.
 */
import type { Scope } from "./figures";
import type { RoleName } from "./principals";

/** A 3xx to /login?callbackUrl=… (pages, for callers who are not signed in). */
export const LOGIN = "login" as const;
export type Status = 200 | 201 | 204 | 400 | 401 | 403 | 404 | 405 | 415 | 422 | typeof LOGIN | { redirect: string };

export const MUNICIPALITIES = { egen: "751", anden: "101", ø: "563" } as const;
export type MunicipalityKind = keyof typeof MUNICIPALITIES;
export const OWN_NAME = "Aarhus";

/** The expected answer per role; per municipality where the URL has {kommune} and the answer depends on it. */
export type Expectation = Record<RoleName, Status | Record<MunicipalityKind, Status>>;

/** Whose figures a role sees unsuppressed: the own municipality's, all, or none (PRODUCT.md "Users and roles"). */
export type Unsuppressed = Partial<Record<RoleName, Scope>>;

export interface Case {
  name: string;
  /** path and query; "{kommune}" runs the case for each of MUNICIPALITIES; "{rapport:2024}" is the id of the newest
   *  annual report of 2024, "{rapport:2024:1}" that of version 1, "{bruger:leder}" the id of a user (looked up when
   *  the case runs) */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  expect: Expectation;
  /** on 2xx answers: check the figures in the body (JSON cells, CSV rows or HTML) against who may see them unsuppressed */
  figures?: { format: "json" | "csv" | "html"; unsuppressed: Unsuppressed };
}

export interface RouteEntry {
  /** the URL pattern of the route file, as in app/ (e.g. /kommuner/[kode]) */
  route: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
  /** why the route needs no access rule (only for routes that do not authorise through lib/auth) */
  public?: string;
  cases: Case[];
}

/** A server action must succeed for the entitled roles and be refused – changing nothing – for every other. */
export type ActionOutcome = "ok" | "refused";

export interface ActionCase {
  name: string;
  /** the page whose form calls the action (it is POSTed there); "{rapport:…}", "{bruger:…}" as in Case.url */
  page: string;
  /** the form fields; "{rapport:…}", "{bruger:…}" as in Case.url */
  form: Record<string, string>;
  expect: Record<RoleName, ActionOutcome>;
  /** the Danish message every refused role must get */
  refusal: RegExp;
  /** tables that must be unchanged after a refusal and changed after a success */
  tables: string[];
  /** SQL that must return no row after the case (e.g. a comment in another municipality's name) */
  never?: string;
}

/** A server action, as the route tree names it: action:<file>#<export>. Its cases run in order, as written. */
export interface ActionEntry {
  route: `action:${string}`;
  method: "POST";
  public?: undefined;
  cases: ActionCase[];
}

export const isAction = (e: RouteEntry | ActionEntry): e is ActionEntry => e.route.startsWith("action:");

// ---------------------------------------------------------------- the usual answers

const all = (s: Status): Expectation => ({ anonymous: s, politiker: s, sundhedsplejerske: s, leder: s, sundk: s, gateway: s });
/** Everyone may look (public pages and reference data). */
const PUBLIC = all(200);
/** Signed-in roles; a page sends everyone else to the login page (the gateway token is no session). */
const SIGNED_IN_PAGE: Expectation = { anonymous: LOGIN, politiker: 200, sundhedsplejerske: 200, leder: 200, sundk: 200, gateway: LOGIN };
/** Signed-in roles; an API answers everyone else 401. */
const SIGNED_IN_API: Expectation = { anonymous: 401, politiker: 200, sundhedsplejerske: 200, leder: 200, sundk: 200, gateway: 401 };
/** A bad parameter from a signed-in role: 400 (the caller's identity is checked first). */
const BAD_PARAMS_API: Expectation = { ...SIGNED_IN_API, politiker: 400, sundhedsplejerske: 400, leder: 400, sundk: 400 };
const per = (egen: Status, anden: Status, ø: Status) => ({ egen, anden, ø });
/** The leder's own municipality only; SundK all; other roles never (record-level worklist). */
const WORKLIST_PAGE: Expectation = { anonymous: LOGIN, politiker: 403, sundhedsplejerske: 403, leder: per(200, 403, 403), sundk: 200, gateway: LOGIN };
const WORKLIST_API: Expectation = { anonymous: 401, politiker: 403, sundhedsplejerske: 403, leder: per(200, 403, 403), sundk: 200, gateway: 401 };
/** Only the FK Gateway's token may submit; a session cookie is no token. */
const GATEWAY_ONLY = (gateway: Status): Expectation => ({ ...all(401), gateway });

/** Current results: own municipality unsuppressed for the municipal roles, everything for SundK. */
const CURRENT: Unsuppressed = { politiker: "egen", sundhedsplejerske: "egen", leder: "egen", sundk: "alle" };
const json = { format: "json", unsuppressed: CURRENT } as const;
const csv = { format: "csv", unsuppressed: CURRENT } as const;
const html = { format: "html", unsuppressed: CURRENT } as const;
/** Published annual reports: suppressed for everyone – own municipality included – except SundK (read:published). */
const PUBLISHED: Unsuppressed = { anonymous: "ingen", politiker: "ingen", sundhedsplejerske: "ingen", leder: "ingen", sundk: "alle", gateway: "ingen" };
/** The open data API is public: the gateway's token is no session, so its client reads exactly what anonymous reads. */
const OPEN_API: Expectation = PUBLIC;
const OPEN_API_STATUS = all;
const ADMIN_PAGE: Expectation = { anonymous: LOGIN, politiker: 403, sundhedsplejerske: 403, leder: 403, sundk: 200, gateway: LOGIN };
/** CORS preflight of the open data API: no data, answered alike to all (lib/api/v1/http.ts preflight). */
const PREFLIGHT = "CORS-preflight (OPTIONS) svarer kun med de tilladte metoder og headere – ingen data.";
const preflight = (route: string, url: string): RouteEntry => ({ route, method: "OPTIONS", public: PREFLIGHT, cases: [{ name: "CORS-preflight", url, expect: all(204) }] });

/** Refused for all but SundK (the annual-report workflow) or but the leder (hearing comments). */
const SUNDK_ACTION: Record<RoleName, ActionOutcome> = { anonymous: "refused", politiker: "refused", sundhedsplejerske: "refused", leder: "refused", sundk: "ok", gateway: "refused" };
const LEDER_ACTION: Record<RoleName, ActionOutcome> = { ...SUNDK_ACTION, leder: "ok", sundk: "refused" };
const NOBODY_ACTION: Record<RoleName, ActionOutcome> = { ...SUNDK_ACTION, sundk: "refused" };
const ONLY_SUNDK = /^Kun SundK kan styre årsrapporten\.$/;
const ONLY_LEDER = /^Kun lederen af sundhedsplejen i en kommune kan afgive høringssvar for kommunen\.$/;
const REPORT_TABLES = ["annual_report", "annual_report_comment", "annual_report_event"];
/** A date `days` from now (a hearing deadline in the form's format). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ADMIN_2025 = "/admin/aarsrapporter/{rapport:2025}";
const action = (name: string, cases: ActionCase[]): ActionEntry => ({ route: `action:app/admin/aarsrapporter/actions.ts#${name}`, method: "POST", cases });
const userAction = (name: string, cases: ActionCase[]): ActionEntry => ({ route: `action:app/admin/brugere/actions.ts#${name}`, method: "POST", cases });
const NO_USER_ADMIN = /^Du har ikke adgang til brugeradministrationen\.$/;
const NEW_USER = "/admin/brugere/{bruger:matrix-ny}";
const NO_STANDARDS = /^Du har ikke adgang til at ændre standarder\.$/;
const NO_ORGANISATIONS = /^Du har ikke adgang til at ændre organisationer\.$/;
/** Logs: SundK only (read:logs). */
const ADMIN_API: Expectation = { anonymous: 401, politiker: 403, sundhedsplejerske: 403, leder: 403, sundk: 200, gateway: 401 };

const FHIR_EXAMPLES = "../shared/reference/fbu/examples";
const FHIR = { "content-type": "application/fhir+json" };
const JSON_BODY = { "content-type": "application/json" };
const IMAGE_EXPORT = JSON.stringify({ visning: "sammenlign", diagram: "soejler", format: "png", adresse: "/sammenlign?indikator=LDBU-01" });
const REPORT_IMAGE_EXPORT = (version: number) =>
  JSON.stringify({ visning: "aarsrapport", aar: 2024, version, diagram: "LDBU-01-kort", format: "svg", adresse: `/aarsrapport/2024/v/${version}` });

// ---------------------------------------------------------------- the matrix

export const MATRIX: (RouteEntry | ActionEntry)[] = [
  // ------------------------------------------------ pages
  {
    route: "/",
    method: "GET",
    cases: [{ name: "forside (offentlig intro, aktuelle resultater for indloggede)", url: "/", expect: PUBLIC, figures: html }],
  },
  {
    route: "/aarsrapport",
    method: "GET",
    cases: [{ name: "offentliggjorte årsrapporter", url: "/aarsrapport", expect: PUBLIC }],
  },
  {
    route: "/aarsrapport/[aar]",
    method: "GET",
    cases: [
      { name: "offentliggjort årsrapport (alle; diskretioneret for alle undtagen SundK)", url: "/aarsrapport/2024", expect: PUBLIC, figures: { format: "html", unsuppressed: PUBLISHED } },
      { name: "år uden offentliggjort rapport", url: "/aarsrapport/2023", expect: all(404) },
      { name: "år der ikke er et år", url: "/aarsrapport/2024'%20OR%201=1", expect: all(404) },
    ],
  },
  {
    route: "/aarsrapport/[aar]/kommuner/[kode]",
    method: "GET",
    cases: [
      { name: "kommunens side i årsrapporten (kommune i URL)", url: "/aarsrapport/2024/kommuner/{kommune}", expect: PUBLIC, figures: { format: "html", unsuppressed: PUBLISHED } },
      { name: "ukendt kommune", url: "/aarsrapport/2024/kommuner/999", expect: all(404) },
    ],
  },
  {
    route: "/aarsrapport/[aar]/v/[version]",
    method: "GET",
    cases: [
      { name: "fastlåst version 1", url: "/aarsrapport/2024/v/1", expect: PUBLIC, figures: { format: "html", unsuppressed: PUBLISHED } },
      { name: "rettelsen i høring er ikke offentlig – heller ikke for SundK her", url: "/aarsrapport/2024/v/2", expect: all(404) },
      { name: "version der ikke er et tal", url: "/aarsrapport/2024/v/x", expect: all(404) },
    ],
  },
  {
    route: "/aarsrapport/[aar]/v/[version]/kommuner/[kode]",
    method: "GET",
    cases: [
      { name: "kommunens side, fastlåst version (kommune i URL)", url: "/aarsrapport/2024/v/1/kommuner/{kommune}", expect: PUBLIC, figures: { format: "html", unsuppressed: PUBLISHED } },
      { name: "kommunens side i rettelsen i høring", url: "/aarsrapport/2024/v/2/kommuner/751", expect: all(404) },
    ],
  },
  {
    route: "/aarsrapport/[aar]/v/[version]/csv/[tabel]",
    method: "GET",
    cases: [
      { name: "kommunetabel (kommune i URL): egen kommune diskretioneret som alle andre", url: "/aarsrapport/2024/v/1/csv/kommune-{kommune}", expect: PUBLIC, figures: { format: "csv", unsuppressed: PUBLISHED } },
      { name: "indikatortabel med alle kommuner", url: "/aarsrapport/2024/v/1/csv/LDBU-01", expect: PUBLIC, figures: { format: "csv", unsuppressed: PUBLISHED } },
      { name: "landsresultater", url: "/aarsrapport/2024/v/1/csv/landsresultater", expect: PUBLIC, figures: { format: "csv", unsuppressed: PUBLISHED } },
      { name: "datakomplethed", url: "/aarsrapport/2024/v/1/csv/datakomplethed", expect: PUBLIC },
      { name: "rettelsen i høring", url: "/aarsrapport/2024/v/2/csv/LDBU-01", expect: all(404) },
      { name: "ukendt tabel", url: "/aarsrapport/2024/v/1/csv/kommune-999", expect: all(404) },
      { name: "tabel med ulovlige tegn", url: "/aarsrapport/2024/v/1/csv/a%20b", expect: all(400) },
    ],
  },
  {
    route: "/aarsrapport/[aar]/pdf",
    method: "GET",
    cases: [
      { name: "PDF af den gældende version", url: "/aarsrapport/2024/pdf", expect: PUBLIC },
      { name: "år uden offentliggjort rapport", url: "/aarsrapport/2023/pdf", expect: all(404) },
    ],
  },
  {
    route: "/aarsrapport/[aar]/v/[version]/pdf",
    method: "GET",
    cases: [
      { name: "PDF af version 1", url: "/aarsrapport/2024/v/1/pdf", expect: PUBLIC },
      { name: "rettelsen i høring", url: "/aarsrapport/2024/v/2/pdf", expect: all(404) },
    ],
  },
  {
    route: "/aarsrapport/hoering",
    method: "GET",
    cases: [
      {
        name: "høring: lederen ser egen kommune udiskretioneret, SundK henvises til administrationen",
        url: "/aarsrapport/hoering",
        expect: { anonymous: LOGIN, politiker: 403, sundhedsplejerske: 403, leder: 200, sundk: 200, gateway: LOGIN },
        figures: { format: "html", unsuppressed: { leder: "egen", sundk: "alle" } },
      },
      { name: "høring med år i URL", url: "/aarsrapport/hoering?aar=2024", expect: { anonymous: LOGIN, politiker: 403, sundhedsplejerske: 403, leder: 200, sundk: 200, gateway: LOGIN } },
    ],
  },
  {
    route: "/admin",
    method: "GET",
    cases: [{ name: "administration kun for SundK", url: "/admin", expect: { anonymous: LOGIN, politiker: 403, sundhedsplejerske: 403, leder: 403, sundk: 200, gateway: LOGIN } }],
  },
  {
    route: "/admin/aarsrapporter",
    method: "GET",
    cases: [{ name: "årsrapporternes arbejdsgang kun for SundK", url: "/admin/aarsrapporter", expect: ADMIN_PAGE }],
  },
  {
    route: "/admin/aarsrapporter/[id]",
    method: "GET",
    cases: [
      { name: "offentliggjort årsrapport", url: "/admin/aarsrapporter/{rapport:2024:1}", expect: ADMIN_PAGE, figures: { format: "html", unsuppressed: { sundk: "alle" } } },
      { name: "rettelse i høring", url: "/admin/aarsrapporter/{rapport:2024}", expect: ADMIN_PAGE, figures: { format: "html", unsuppressed: { sundk: "alle" } } },
      { name: "ukendt id", url: "/admin/aarsrapporter/999999", expect: { ...ADMIN_PAGE, sundk: 404 } },
      { name: "id der ikke er et tal", url: "/admin/aarsrapporter/1%20OR%201%3D1", expect: { ...ADMIN_PAGE, sundk: 404 } },
    ],
  },
  {
    route: "/admin/audit",
    method: "GET",
    cases: [
      { name: "auditlog", url: "/admin/audit", expect: ADMIN_PAGE },
      { name: "auditlog for en kommune", url: "/admin/audit?kommune={kommune}", expect: ADMIN_PAGE },
    ],
  },
  {
    route: "/admin/brugere",
    method: "GET",
    cases: [{ name: "brugerliste", url: "/admin/brugere", expect: ADMIN_PAGE }],
  },
  {
    route: "/admin/brugere/[id]",
    method: "GET",
    cases: [
      { name: "en bruger", url: "/admin/brugere/{bruger:leder}", expect: ADMIN_PAGE },
      { name: "ukendt bruger", url: "/admin/brugere/999999", expect: { ...ADMIN_PAGE, sundk: 404 } },
      { name: "id der ikke er et tal", url: "/admin/brugere/..%2f..%2fadmin", expect: { ...ADMIN_PAGE, sundk: 404 } },
    ],
  },
  {
    route: "/admin/brugere/ny",
    method: "GET",
    cases: [{ name: "ny bruger", url: "/admin/brugere/ny", expect: ADMIN_PAGE }],
  },
  {
    route: "/admin/standarder",
    method: "GET",
    cases: [{ name: "indikatorernes standarder", url: "/admin/standarder", expect: ADMIN_PAGE }],
  },
  {
    route: "/admin/indstillinger",
    method: "GET",
    cases: [{ name: "grænse for dækningsgrad", url: "/admin/indstillinger", expect: ADMIN_PAGE }],
  },
  {
    route: "/admin/organisationer",
    method: "GET",
    cases: [
      { name: "SOR-koder og kommuner", url: "/admin/organisationer", expect: ADMIN_PAGE },
      { name: "filtreret på kommune og søgning, formularen udfyldt", url: "/admin/organisationer?kommune={kommune}&soeg=Sundhedsplejen&sor=12345678901", expect: ADMIN_PAGE },
      { name: "ugyldige parametre ignoreres", url: "/admin/organisationer?kommune=1%20OR%201%3D1&sor=%27%3B--&soeg=%00", expect: ADMIN_PAGE },
    ],
  },
  {
    route: "/admin/modtagelser",
    method: "GET",
    cases: [
      { name: "kvitteringslog", url: "/admin/modtagelser", expect: ADMIN_PAGE },
      { name: "kvitteringslog filtreret", url: "/admin/modtagelser?udfald=rejected", expect: ADMIN_PAGE },
    ],
  },
  {
    route: "/datakomplethed",
    method: "GET",
    cases: [
      { name: "heatmap", url: "/datakomplethed", expect: SIGNED_IN_PAGE, figures: html },
      { name: "en kommunes detaljer (kommune i URL)", url: "/datakomplethed?kommune={kommune}", expect: SIGNED_IN_PAGE, figures: html },
    ],
  },
  {
    route: "/fejlliste",
    method: "GET",
    cases: [
      { name: "egen fejlliste", url: "/fejlliste", expect: { ...WORKLIST_PAGE, leder: 200 } },
      { name: "kommune i URL", url: "/fejlliste?kommune={kommune}", expect: WORKLIST_PAGE },
      { name: "ukendt kommune (indberetninger uden kendt SOR)", url: "/fejlliste?kommune=ukendt", expect: { ...WORKLIST_PAGE, leder: 403 } },
      { name: "to kommune-parametre, fremmed først", url: "/fejlliste?kommune=101&kommune=751", expect: { ...WORKLIST_PAGE, leder: 403 } },
      { name: "to kommune-parametre, egen først", url: "/fejlliste?kommune=751&kommune=101", expect: { ...WORKLIST_PAGE, leder: 200 } },
    ],
  },
  {
    route: "/indikatorer",
    method: "GET",
    public: "Indikatorbeskrivelserne er offentlige (definitioner, ingen resultater).",
    cases: [{ name: "indikatorbeskrivelser", url: "/indikatorer", expect: PUBLIC }],
  },
  {
    route: "/kommuner",
    method: "GET",
    public: "Listen over de 98 kommuner er offentlige referencedata.",
    cases: [{ name: "kommuneliste", url: "/kommuner", expect: PUBLIC }],
  },
  {
    route: "/kommuner/[kode]",
    method: "GET",
    cases: [
      { name: "kommuneprofil (kommune i URL)", url: "/kommuner/{kommune}", expect: SIGNED_IN_PAGE, figures: html },
      { name: "ukendt kommunekode", url: "/kommuner/999", expect: all(404) },
      { name: "sti-traversering i kommunekoden", url: "/kommuner/..%2f..%2fadmin", expect: all(404) },
    ],
  },
  {
    route: "/login",
    method: "GET",
    public: "Log ind-siden skal kunne nås af alle; indloggede sendes videre.",
    cases: [
      { name: "log ind", url: "/login", expect: { ...all({ redirect: "/" }), anonymous: 200, gateway: 200 } },
      { name: "callbackUrl til anden side i LDBU", url: "/login?callbackUrl=%2Fkommuner%2F101", expect: { ...all({ redirect: "/kommuner/101" }), anonymous: 200, gateway: 200 } },
      { name: "callbackUrl til fremmed vært (ingen åben viderestilling)", url: "/login?callbackUrl=%2F%2Fevil.example%2F", expect: { ...all({ redirect: "/" }), anonymous: 200, gateway: 200 } },
    ],
  },
  {
    route: "/sammenlign",
    method: "GET",
    cases: [
      { name: "sammenlign kommuner", url: "/sammenlign?indikator=LDBU-01", expect: SIGNED_IN_PAGE, figures: html },
      { name: "region og opdeling", url: "/sammenlign?indikator=LDBU-05&region=1082&opdeling=koen%3Afemale", expect: SIGNED_IN_PAGE, figures: html },
    ],
  },
  {
    route: "/udvikling",
    method: "GET",
    cases: [{ name: "udvikling (kommune i URL)", url: "/udvikling?indikator=LDBU-01&kommune={kommune}", expect: SIGNED_IN_PAGE, figures: html }],
  },

  // ------------------------------------------------ authentication
  {
    route: "/api/auth/[...nextauth]",
    method: "GET",
    public: "next-auth selv: log ind, log ud, CSRF-token og session – autentifikation, ikke data.",
    cases: [
      { name: "session", url: "/api/auth/session", expect: PUBLIC },
      { name: "csrf-token", url: "/api/auth/csrf", expect: PUBLIC },
      { name: "udbydere", url: "/api/auth/providers", expect: PUBLIC },
      { name: "credentials-callback med GET (kun POST)", url: "/api/auth/callback/credentials", expect: all(405) },
      { name: "ukendt next-auth-handling", url: "/api/auth/admin", expect: all(404) },
      { name: "SSO-tilbagekald uden konfigureret SSO", url: "/api/auth/callback/oidc", expect: all(404) },
    ],
  },
  {
    route: "/api/auth/[...nextauth]",
    method: "POST",
    public: "next-auth selv: log ind og log ud er beskyttet af next-auths CSRF-token.",
    cases: [
      {
        name: "login uden CSRF-token afvises",
        url: "/api/auth/callback/credentials",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "username=sundk&password=ldbu-demo-2026",
        expect: all({ redirect: "/api/auth/signin?csrf=true" }),
      },
      { name: "login med JSON-krop", url: "/api/auth/callback/credentials", headers: JSON_BODY, body: '{"username":"sundk"}', expect: all(415) },
      { name: "session kan ikke ændres med POST", url: "/api/auth/session", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1", expect: all(405) },
    ],
  },

  // ------------------------------------------------ JSON API of the result views
  {
    route: "/api/results",
    method: "GET",
    cases: [
      { name: "alle kommuner", url: "/api/results?indikator=LDBU-01", expect: SIGNED_IN_API, figures: json },
      { name: "region og opdeling", url: "/api/results?indikator=LDBU-05&region=1082&opdeling=koen%3Afemale", expect: SIGNED_IN_API, figures: json },
      { name: "ukendt indikator", url: "/api/results?indikator=LDBU-99", expect: BAD_PARAMS_API },
      { name: "ukendt parameter (fx kommune)", url: "/api/results?indikator=LDBU-01&kommune=101", expect: BAD_PARAMS_API },
    ],
  },
  {
    route: "/api/series",
    method: "GET",
    cases: [
      { name: "kommune i parameter", url: "/api/series?indikator=LDBU-01&kommune={kommune}", expect: SIGNED_IN_API, figures: json },
      { name: "to kommune-parametre", url: "/api/series?indikator=LDBU-01&kommune=751&kommune=101", expect: BAD_PARAMS_API },
      { name: "kommune som array-parameter", url: "/api/series?indikator=LDBU-01&kommune[]=101", expect: BAD_PARAMS_API },
      { name: "ukendt kommune", url: "/api/series?indikator=LDBU-01&kommune=999", expect: { ...SIGNED_IN_API, politiker: 404, sundhedsplejerske: 404, leder: 404, sundk: 404 } },
    ],
  },
  {
    route: "/api/profile",
    method: "GET",
    cases: [
      { name: "kommune i parameter", url: "/api/profile?kommune={kommune}", expect: SIGNED_IN_API, figures: json },
      { name: "to kommune-parametre, fremmed sidst", url: "/api/profile?kommune=751&kommune=101", expect: BAD_PARAMS_API },
      { name: "kommunekode med SQL", url: "/api/profile?kommune=751'%20OR%20'1'%3D'1", expect: BAD_PARAMS_API },
    ],
  },
  {
    route: "/api/kort",
    method: "GET",
    public: "Kortets geometri er offentlige referencedata (ingen resultater).",
    cases: [
      { name: "kort", url: "/api/kort", expect: PUBLIC },
      { name: "ukendt region", url: "/api/kort?region=9999", expect: all(400) },
    ],
  },

  // ------------------------------------------------ exports (audited)
  {
    route: "/api/export/csv",
    method: "GET",
    cases: [
      { name: "kommuneprofil (kommune i parameter)", url: "/api/export/csv?visning=kommuneprofil&kommune={kommune}", expect: SIGNED_IN_API, figures: csv },
      { name: "udvikling (kommune i parameter)", url: "/api/export/csv?visning=udvikling&indikator=LDBU-01&kommune={kommune}", expect: SIGNED_IN_API, figures: csv },
      { name: "sammenlign", url: "/api/export/csv?visning=sammenlign&indikator=LDBU-01", expect: SIGNED_IN_API, figures: csv },
      { name: "forside", url: "/api/export/csv?visning=forside", expect: SIGNED_IN_API, figures: csv },
      { name: "to kommune-parametre", url: "/api/export/csv?visning=kommuneprofil&kommune=751&kommune=101", expect: BAD_PARAMS_API },
    ],
  },
  {
    route: "/api/export/image",
    method: "POST",
    cases: [
      { name: "registrér diagrameksport", url: "/api/export/image", headers: JSON_BODY, body: IMAGE_EXPORT, expect: { ...SIGNED_IN_API, politiker: 204, sundhedsplejerske: 204, leder: 204, sundk: 204 } },
      { name: "ugyldig krop", url: "/api/export/image", headers: JSON_BODY, body: '{"visning":"admin"}', expect: BAD_PARAMS_API },
      { name: "diagram i en offentliggjort årsrapport (alle, som rapportens CSV)", url: "/api/export/image", headers: JSON_BODY, body: REPORT_IMAGE_EXPORT(1), expect: all(204) },
      { name: "diagram i rettelsen i høring (ikke offentlig)", url: "/api/export/image", headers: JSON_BODY, body: REPORT_IMAGE_EXPORT(2), expect: all(404) },
      {
        name: "forkert indholdstype (som en formular fra et fremmed website)",
        url: "/api/export/image",
        headers: { "content-type": "text/plain" },
        body: IMAGE_EXPORT,
        expect: { ...SIGNED_IN_API, politiker: 415, sundhedsplejerske: 415, leder: 415, sundk: 415 },
      },
    ],
  },

  {
    route: "/api/admin/audit/csv",
    method: "GET",
    cases: [
      { name: "auditlog som CSV", url: "/api/admin/audit/csv", expect: ADMIN_API },
      { name: "kommune i parameter", url: "/api/admin/audit/csv?kommune={kommune}", expect: ADMIN_API },
      { name: "ukendt parameter", url: "/api/admin/audit/csv?x=1", expect: { ...ADMIN_API, sundk: 400 } },
    ],
  },

  // ------------------------------------------------ data completeness and the worklist
  {
    route: "/api/datakomplethed",
    method: "GET",
    cases: [
      { name: "heatmap", url: "/api/datakomplethed", expect: SIGNED_IN_API, figures: json },
      { name: "kommune i parameter", url: "/api/datakomplethed?kommune={kommune}", expect: SIGNED_IN_API, figures: json },
      { name: "to kommune-parametre", url: "/api/datakomplethed?kommune=751&kommune=101", expect: BAD_PARAMS_API },
    ],
  },
  {
    route: "/api/datakomplethed/csv",
    method: "GET",
    cases: [
      { name: "heatmap som CSV", url: "/api/datakomplethed/csv", expect: SIGNED_IN_API },
      { name: "kommune i parameter", url: "/api/datakomplethed/csv?tabel=kommune&kommune={kommune}", expect: SIGNED_IN_API },
    ],
  },
  {
    route: "/api/fejlliste",
    method: "GET",
    cases: [
      { name: "egen fejlliste (ingen parameter)", url: "/api/fejlliste", expect: { ...WORKLIST_API, leder: 200, sundk: 400 } },
      { name: "kommune i parameter", url: "/api/fejlliste?kommune={kommune}", expect: WORKLIST_API },
      { name: "ukendt kommune", url: "/api/fejlliste?kommune=ukendt", expect: { ...WORKLIST_API, leder: 403 } },
      { name: "to kommune-parametre, egen først", url: "/api/fejlliste?kommune=751&kommune=101", expect: { ...WORKLIST_API, leder: 400, sundk: 400 } },
      { name: "to kommune-parametre, fremmed først", url: "/api/fejlliste?kommune=101&kommune=751", expect: { ...WORKLIST_API, leder: 400, sundk: 400 } },
      { name: "kommune med stort bogstav i navnet", url: "/api/fejlliste?Kommune=101", expect: { ...WORKLIST_API, leder: 400, sundk: 400 } },
    ],
  },
  {
    route: "/api/fejlliste/csv",
    method: "GET",
    cases: [
      { name: "egen fejlliste som CSV", url: "/api/fejlliste/csv", expect: { ...WORKLIST_API, leder: 200, sundk: 400 } },
      { name: "kommune i parameter", url: "/api/fejlliste/csv?kommune={kommune}", expect: WORKLIST_API },
      { name: "to kommune-parametre", url: "/api/fejlliste/csv?kommune=751&kommune=101", expect: { ...WORKLIST_API, leder: 400, sundk: 400 } },
    ],
  },

  // ------------------------------------------------ FHIR receiver (FK Gateway)
  {
    route: "/fhir/Bundle",
    method: "POST",
    cases: [
      { name: "ugyldig indberetning (kun kvittering gemmes)", url: "/fhir/Bundle", headers: FHIR, body: `@file:${FHIR_EXAMPLES}/c5b55e0e-3bc4-468a-8600-1b23617dbb58.json`, expect: GATEWAY_ONLY(422) },
      { name: "forkert indholdstype", url: "/fhir/Bundle", headers: { "content-type": "text/plain" }, body: "{}", expect: GATEWAY_ONLY(415) },
    ],
  },
  {
    route: "/fhir/Bundle/$validate",
    method: "POST",
    cases: [{ name: "gyldig indberetning valideres", url: "/fhir/Bundle/$validate", headers: FHIR, body: `@file:${FHIR_EXAMPLES}/RikkeDeliveryReport2months.json`, expect: GATEWAY_ONLY(200) }],
  },

  // ------------------------------------------------ open data API (published annual reports; suppressed except for SundK)
  {
    route: "/api/v1/aarsrapporter",
    method: "GET",
    cases: [
      { name: "offentliggjorte årsrapporter", url: "/api/v1/aarsrapporter", expect: OPEN_API },
      { name: "ukendt parameter", url: "/api/v1/aarsrapporter?kommune=751", expect: OPEN_API_STATUS(400) },
    ],
  },
  preflight("/api/v1/aarsrapporter", "/api/v1/aarsrapporter"),
  {
    route: "/api/v1/aarsrapporter/[year]",
    method: "GET",
    cases: [
      { name: "offentliggjort år", url: "/api/v1/aarsrapporter/2024", expect: OPEN_API },
      { name: "fastlåst version 1", url: "/api/v1/aarsrapporter/2024?version=1", expect: OPEN_API },
      { name: "rettelsen i høring er ikke offentlig", url: "/api/v1/aarsrapporter/2024?version=2", expect: OPEN_API_STATUS(404) },
      { name: "år uden offentliggjort rapport", url: "/api/v1/aarsrapporter/2023", expect: OPEN_API_STATUS(404) },
      { name: "år der ikke er et tal", url: "/api/v1/aarsrapporter/..%2f..%2fadmin", expect: OPEN_API_STATUS(400) },
    ],
  },
  preflight("/api/v1/aarsrapporter/[year]", "/api/v1/aarsrapporter/2024"),
  {
    route: "/api/v1/indikatorer",
    method: "GET",
    cases: [{ name: "indikatorkatalog", url: "/api/v1/indikatorer", expect: OPEN_API }],
  },
  preflight("/api/v1/indikatorer", "/api/v1/indikatorer"),
  {
    route: "/api/v1/indikatorer/[id]",
    method: "GET",
    cases: [
      { name: "én indikator", url: "/api/v1/indikatorer/LDBU-01", expect: OPEN_API },
      { name: "ukendt indikator", url: "/api/v1/indikatorer/LDBU-99", expect: OPEN_API_STATUS(404) },
    ],
  },
  preflight("/api/v1/indikatorer/[id]", "/api/v1/indikatorer/LDBU-01"),
  {
    route: "/api/v1/omraader",
    method: "GET",
    cases: [{ name: "områder", url: "/api/v1/omraader", expect: OPEN_API }],
  },
  preflight("/api/v1/omraader", "/api/v1/omraader"),
  {
    route: "/api/v1/openapi.json",
    method: "GET",
    cases: [
      { name: "OpenAPI-dokument", url: "/api/v1/openapi.json", expect: OPEN_API },
      { name: "ukendt parameter (som på de andre API-ruter: 400)", url: "/api/v1/openapi.json?x=1", expect: OPEN_API_STATUS(400) },
    ],
  },
  preflight("/api/v1/openapi.json", "/api/v1/openapi.json"),
  {
    route: "/api/v1/resultater",
    method: "GET",
    cases: [
      { name: "alle områder (nyeste offentliggjorte rapport)", url: "/api/v1/resultater?indicator=LDBU-01", expect: OPEN_API, figures: { format: "json", unsuppressed: PUBLISHED } },
      { name: "område i parameter", url: "/api/v1/resultater?indicator=LDBU-01&period=2024&area={kommune}", expect: OPEN_API, figures: { format: "json", unsuppressed: PUBLISHED } },
      { name: "opdeling", url: "/api/v1/resultater?indicator=LDBU-05&breakdown=koen%3Afemale", expect: OPEN_API, figures: { format: "json", unsuppressed: PUBLISHED } },
      { name: "CSV", url: "/api/v1/resultater?indicator=LDBU-01&format=csv", expect: OPEN_API },
      { name: "rettelsen i høring er ikke offentlig", url: "/api/v1/resultater?indicator=LDBU-01&period=2024&version=2", expect: OPEN_API_STATUS(404) },
      { name: "to område-parametre", url: "/api/v1/resultater?indicator=LDBU-01&area=751&area=101", expect: OPEN_API_STATUS(400) },
      { name: "ukendt område", url: "/api/v1/resultater?indicator=LDBU-01&area=999", expect: OPEN_API_STATUS(404) },
    ],
  },
  preflight("/api/v1/resultater", "/api/v1/resultater?indicator=LDBU-01"),

  // ------------------------------------------------ server actions (called for real; each case changes state for the next)
  {
    route: "action:app/aarsrapport/hoering/actions.ts#hearingCommentAction",
    method: "POST",
    cases: [
      {
        name: "høringssvar på rettelsen i høring; en forfalsket kommune-kode i formularen ændrer ikke kommunen",
        page: "/aarsrapport/hoering",
        form: { rapport: "{rapport:2024}", indikator: "LDBU-01", tekst: "Aarhus' kommentar.", kommune: "101" },
        expect: LEDER_ACTION,
        refusal: ONLY_LEDER,
        tables: REPORT_TABLES,
        never: `SELECT 1 FROM annual_report_comment WHERE municipality_code <> '751'`,
      },
      { name: "høringssvar slettes", page: "/aarsrapport/hoering", form: { rapport: "{rapport:2024}", indikator: "LDBU-01", handling: "slet" }, expect: LEDER_ACTION, refusal: ONLY_LEDER, tables: REPORT_TABLES },
      {
        name: "høringssvar på en offentliggjort rapport afvises for alle",
        page: "/aarsrapport/hoering",
        form: { rapport: "{rapport:2024:1}", indikator: "LDBU-01", tekst: "For sent." },
        expect: NOBODY_ACTION,
        refusal: /^(Kun lederen af sundhedsplejen i en kommune kan afgive høringssvar for kommunen|.*(offentliggjort|høring).*)\.?$/,
        tables: REPORT_TABLES,
      },
    ],
  },
  userAction("createUserAction", [
    {
      name: "opret en bruger (en leder prøver at oprette en SundK-bruger)",
      page: "/admin/brugere/ny",
      form: { username: "matrix-ny", name: "Nina Ny", role: "sundk", municipalityCode: "" },
      expect: SUNDK_ACTION,
      refusal: NO_USER_ADMIN,
      tables: ["app_user"],
    },
  ]),
  userAction("changeUserAction", [
    {
      name: "skift rolle og kommune",
      page: NEW_USER,
      form: { id: "{bruger:matrix-ny}", name: "Nina Ny", role: "leder", municipalityCode: "751" },
      expect: SUNDK_ACTION,
      refusal: NO_USER_ADMIN,
      tables: ["app_user"],
    },
  ]),
  userAction("resetPasswordAction", [
    { name: "ny adgangskode", page: NEW_USER, form: { id: "{bruger:matrix-ny}" }, expect: SUNDK_ACTION, refusal: NO_USER_ADMIN, tables: ["app_user"] },
  ]),
  userAction("setActiveAction", [
    { name: "deaktivér", page: NEW_USER, form: { id: "{bruger:matrix-ny}", active: "false" }, expect: SUNDK_ACTION, refusal: NO_USER_ADMIN, tables: ["app_user"] },
  ]),
  {
    route: "action:app/admin/standarder/actions.ts#setStandardAction",
    method: "POST",
    cases: [
      {
        name: "fastsæt standarden for LDBU-02",
        page: "/admin/standarder",
        form: { indicatorId: "LDBU-02", target: "90", provisional: "false" },
        expect: SUNDK_ACTION,
        refusal: NO_STANDARDS,
        tables: ["indicator_standard", "indicator_result"],
      },
    ],
  },
  {
    route: "action:app/admin/indstillinger/actions.ts#setThresholdAction",
    method: "POST",
    cases: [
      {
        name: "grænse for dækningsgrad",
        page: "/admin/indstillinger",
        form: { threshold: "85" },
        expect: SUNDK_ACTION,
        refusal: /^Du har ikke adgang til at ændre indstillinger\.$/,
        tables: ["setting"],
      },
    ],
  },
  // a SOR code no report carries: the mapping changes no result the later cases (the 2025 freeze) compute
  {
    route: "action:app/admin/organisationer/actions.ts#saveOrganisationAction",
    method: "POST",
    cases: [
      {
        name: "knyt en SOR-kode til en kommune",
        page: "/admin/organisationer",
        form: { sorCode: "98765432109", name: "Matrix-organisation", municipalityCode: "563" },
        expect: SUNDK_ACTION,
        refusal: NO_ORGANISATIONS,
        tables: ["organisation", "refresh_citizen"],
      },
    ],
  },
  {
    route: "action:app/admin/organisationer/actions.ts#deleteOrganisationAction",
    method: "POST",
    cases: [
      { name: "slet tilknytningen igen", page: "/admin/organisationer?sor=98765432109", form: { sorCode: "98765432109" }, expect: SUNDK_ACTION, refusal: NO_ORGANISATIONS, tables: ["organisation"] },
    ],
  },
  action("createReportAction", [{ name: "opret og frys 2025", page: "/admin/aarsrapporter", form: { aar: "2025" }, expect: SUNDK_ACTION, refusal: ONLY_SUNDK, tables: REPORT_TABLES }]),
  action("startHearingAction", [
    { name: "send 2025 i høring", page: ADMIN_2025, form: { rapport: "{rapport:2025}", frist: inDays(14) }, expect: SUNDK_ACTION, refusal: ONLY_SUNDK, tables: REPORT_TABLES },
  ]),
  action("changeDeadlineAction", [
    { name: "flyt høringsfristen", page: ADMIN_2025, form: { rapport: "{rapport:2025}", frist: inDays(21) }, expect: SUNDK_ACTION, refusal: ONLY_SUNDK, tables: REPORT_TABLES },
  ]),
  action("summaryAction", [
    { name: "sammenfatning", page: ADMIN_2025, form: { rapport: "{rapport:2025}", tekst: "Sammenfatning af 2025." }, expect: SUNDK_ACTION, refusal: ONLY_SUNDK, tables: REPORT_TABLES },
  ]),
  action("commentaryAction", [
    {
      name: "faglig kommentar",
      page: ADMIN_2025,
      form: { rapport: "{rapport:2025}", indikator: "LDBU-01", tekst: "SundK's kommentar." },
      expect: SUNDK_ACTION,
      refusal: ONLY_SUNDK,
      tables: REPORT_TABLES,
    },
  ]),
  action("endHearingAction", [
    { name: "afslut høringen", page: ADMIN_2025, form: { rapport: "{rapport:2025}", bekraeft: "ja" }, expect: SUNDK_ACTION, refusal: ONLY_SUNDK, tables: REPORT_TABLES },
  ]),
  action("publishAction", [
    { name: "offentliggør 2025", page: ADMIN_2025, form: { rapport: "{rapport:2025}", bekraeft: "ja" }, expect: SUNDK_ACTION, refusal: ONLY_SUNDK, tables: REPORT_TABLES },
  ]),
  action("correctionAction", [
    {
      name: "rettelse af 2025",
      page: "/admin/aarsrapporter",
      form: { aar: "2025", note: "Rettelse efter genindberetning.", bekraeft: "ja" },
      expect: SUNDK_ACTION,
      refusal: ONLY_SUNDK,
      tables: REPORT_TABLES,
    },
  ]),
  // the correction just frozen is the newest 2025 report: a draft, which SundK alone may discard
  action("discardAction", [
    {
      name: "kassér rettelsens kladde",
      page: ADMIN_2025,
      form: { rapport: "{rapport:2025}", begrundelse: "Frosset før genindberetningen var færdig.", bekraeft: "ja" },
      expect: SUNDK_ACTION,
      refusal: ONLY_SUNDK,
      tables: REPORT_TABLES,
    },
  ]),
];
