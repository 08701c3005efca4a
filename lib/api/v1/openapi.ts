/**
 * The OpenAPI 3.1 description of the open data API, served at GET /api/v1/openapi.json. It is the contract:
 * tests/integration/open-data-api.test.ts walks every path in it against the running app and validates every real
 * response with these schemas, and fails when a route under app/api/v1 is missing here or the other way round.
 */
import { BREAKDOWNS } from "@/lib/indicators/aggregate";
import { BREAKDOWN_SELECTORS } from "./params";
import { RESULT_CSV_COLUMNS } from "./serialise";

type Schema = Record<string, unknown>;

const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, "null"], ...extra });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  required: Object.keys(properties),
  additionalProperties: false,
  properties,
});
const share = (description: string, nullableShare = true): Schema => ({ ...(nullableShare ? nullable("number") : { type: "number" }), minimum: 0, maximum: 1, description });
const count = (description: string): Schema => nullable("integer", { minimum: 0, description });
const link = { type: "string", format: "uri-reference" };

const definitionFields: Record<string, Schema> = {
  id: { type: "string", pattern: "^LDBU-\\d{2}$", description: "Stabilt indikator-id" },
  title: { type: "string" },
  description: { type: "string" },
  area: { type: "string", description: "Indikatorområde, fx Sundhedsadfærd" },
  periodKind: { enum: ["birth-cohort", "school-year"], description: "Fødselsårgang (2025) eller skoleår (2025/26)" },
  kind: { enum: ["process", "outcome"] },
  polarity: { enum: ["higher", "lower", "none"], description: "Højere er bedre, lavere er bedre, eller ingen vurdering" },
  numerator: { type: "string", description: "Tæller" },
  denominator: { type: "string", description: "Nævner" },
  exclusions: { type: "string" },
  uoplyst: { type: "string", description: "Hvordan uoplyste børn tælles" },
  sources: { type: "array", items: { type: "string" } },
};

const reportRefSchema = object(
  {
    id: { type: "string", pattern: "^\\d{4}-v\\d+$", description: "Stabilt, citerbart id: år og version, fx 2025-v1" },
    year: { type: "integer" },
    version: { type: "integer", minimum: 1 },
    publishedAt: { type: "string", format: "date-time" },
    dataCutoff: { type: "string", format: "date-time", description: "Tidspunktet tallene blev fastfrosset (alle indberetninger behandlet inden da)" },
    catalogVersion: { type: "string" },
    changeNote: nullable("string", { description: "Rettelsesnote for en ny version; null for version 1" }),
  },
  "En offentliggjort version af en årsrapport (ændrer sig aldrig)",
);

const resultRowProperties: Record<(typeof RESULT_CSV_COLUMNS)[number], Schema> = {
  reportId: { type: "string", pattern: "^\\d{4}-v\\d+$", description: "Kun i CSV: årsrapportens id" },
  indicatorId: { type: "string" },
  period: { type: "string" },
  areaLevel: { enum: ["nation", "region", "municipality"] },
  areaCode: { type: "string", pattern: "^(\\d{3}|\\d{4}|DK)$" },
  areaName: nullable("string"),
  breakdown: { enum: Object.keys(BREAKDOWNS) },
  breakdownValue: { type: "string", description: "Tom for all" },
  breakdownLabel: { type: "string" },
  state: { enum: ["ok", "suppressed", "no-data"], description: "ok: tal vises; suppressed: diskretioneret (<5); no-data: ingen børn i nævneren" },
  suppressed: { type: "boolean" },
  suppressionReason: { enum: ["primary", "complementary", null], description: "primary: tæller eller nævner 1–4; complementary: skjult så en anden celle ikke kan regnes ud" },
  numerator: count("Tæller; null når diskretioneret"),
  denominator: count("Nævner; null når diskretioneret"),
  value: share("Andel (0–1)"),
  ciLow: share("Nedre grænse af 95 % Wilson-konfidensinterval"),
  ciHigh: share("Øvre grænse af 95 % Wilson-konfidensinterval"),
  benchmark: { enum: ["better", "similar", "worse", "higher", "lower", "not-compared", null], description: "Sammenligning med landsværdien (Fingertips-metoden)" },
  standardMet: nullable("boolean", { description: "Standarden opfyldt efter punktestimatet" }),
  standardCiSide: { enum: ["entirely-met", "entirely-not-met", "straddles", null], description: "Hvor hele konfidensintervallet ligger i forhold til standarden" },
  uoplyst: count("Uoplyste børn (ikke i nævneren); null når skjult"),
  uoplystSuppressed: { type: "boolean" },
  uoplystShare: share("uoplyst / (nævner + uoplyst)"),
};
const resultRowJson = Object.fromEntries(Object.entries(resultRowProperties).filter(([k]) => k !== "reportId"));

const param = (name: string, where: "query" | "path" | "header", description: string, schema: Schema, required = where === "path"): Schema => ({ name, in: where, required, description, schema });
const parameters: Record<string, Schema> = {
  indicatorId: param("id", "path", "Indikator-id", { type: "string", pattern: "^LDBU-\\d{2}$" }),
  year: param("year", "path", "Årsrapportens år", { type: "string", pattern: "^\\d{4}$" }),
  reportVersion: param("version", "query", "En bestemt version (standard: den gældende). Et versionsfastlåst svar ændrer sig aldrig og caches i et år.", { type: "integer", minimum: 1, maximum: 9999 }),
  indicator: param("indicator", "query", "Indikator-id", { type: "string", pattern: "^LDBU-\\d{2}$" }, true),
  period: param("period", "query", "Fødselsårgang (2025) eller skoleår (2025/26); standard: den nyeste offentliggjorte årsrapport", { type: "string", pattern: "^\\d{4}(/\\d{2})?$" }),
  level: param("level", "query", "Kun dette niveau", { enum: ["nation", "region", "municipality"] }),
  area: param("area", "query", "Kun dette område: kommunekode, regionskode eller DK (se /omraader)", { type: "string", pattern: "^(\\d{3}|\\d{4}|DK)$" }),
  breakdown: param("breakdown", "query", "all (standard): i alt; en opdeling (koen) med alle dens værdier; eller én værdi (koen:female)", { enum: BREAKDOWN_SELECTORS, default: "all" }),
  resultsVersion: param("version", "query", "Version af årsrapporten for perioden (kræver period). Et versionsfastlåst svar ændrer sig aldrig og caches i et år.", { type: "integer", minimum: 1, maximum: 9999 }),
  format: param("format", "query", "json (standard) eller csv; alternativt Accept: text/csv", { enum: ["json", "csv"] }),
  ifNoneMatch: param("If-None-Match", "header", "ETag fra et tidligere svar: 304 hvis uændret", { type: "string" }),
};

const header = (description: string): Schema => ({ description, schema: { type: "string" } });
const cacheHeaders = {
  ETag: header("Stærk ETag; send den i If-None-Match for at få 304"),
  "Cache-Control": header("public, max-age=31536000, immutable for versionsfastlåste svar; public, max-age=300 ellers; private, no-cache for indloggede med flere tal end offentligheden"),
  Vary: header("Accept, Cookie"),
  "Access-Control-Allow-Origin": header("*"),
};
const ok = (description: string, schema: string, extra: Record<string, Schema> = {}): Schema => ({
  description,
  headers: cacheHeaders,
  content: { "application/json": { schema: ref(schema) }, ...extra },
});
const problemResponse = (description: string): Schema => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const errors = (...statuses: (400 | 404)[]): Record<string, Schema> => ({
  ...(statuses.includes(400) ? { "400": { $ref: "#/components/responses/BadRequest" } } : {}),
  ...(statuses.includes(404) ? { "404": { $ref: "#/components/responses/NotFound" } } : {}),
  "304": { $ref: "#/components/responses/NotModified" },
  "503": { $ref: "#/components/responses/Unavailable" },
});
const p = (name: string): Schema => ({ $ref: `#/components/parameters/${name}` });

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "LDBU – åbne data",
    version: "1.0.0",
    summary: "Offentliggjorte resultater fra Landsdækkende Database for Børns Sundhed",
    description: [
      "Indikatorkataloget og de offentliggjorte, fastfrosne årsrapporters resultater pr. indikator × periode × område (land, region, kommune).",
      "Kun offentliggjorte data. Små tal er diskretioneret for alle uden særlig adgang: en tæller eller nævner på 1–4 vises aldrig, og komplementære celler skjules, så de ikke kan regnes ud (suppressed = true, tallene er null).",
      "Feltnavne er engelske identifikatorer; tekster er på dansk. Id'er er stabile: indikator-id (LDBU-01), kommunekode, regionskode, DK, årsrapport-id (2025-v1).",
      "CSV (format=csv eller Accept: text/csv) følger RFC 4180: komma, punktum som decimaltegn, UTF-8 uden BOM, én overskriftslinje med JSON-feltnavnene; tom celle for null.",
      "Fejl er application/problem+json (RFC 9457) med dansk title og detail. CORS: GET fra alle domæner.",
    ].join("\n\n"),
    license: { name: "Åbne data fra SundK", identifier: "CC-BY-4.0" },
  },
  servers: [{ url: "/api/v1" }],
  security: [{}, { session: [] }],
  paths: {
    "/openapi.json": {
      get: {
        operationId: "openapi",
        parameters: [p("ifNoneMatch")],
        summary: "Dette dokument",
        responses: { "200": { description: "OpenAPI 3.1-dokumentet", headers: cacheHeaders, content: { "application/json": { schema: { type: "object", required: ["openapi", "paths"] } } } }, ...errors() },
      },
    },
    "/indikatorer": {
      get: {
        operationId: "catalog",
        parameters: [p("ifNoneMatch")],
        summary: "Indikatorkataloget med fulde definitioner",
        responses: { "200": ok("Kataloget", "Catalog"), ...errors(400) },
      },
    },
    "/indikatorer/{id}": {
      get: {
        operationId: "indicator",
        summary: "Én indikator og de årsrapporter, der har resultater for den",
        parameters: [p("indicatorId"), p("ifNoneMatch")],
        responses: { "200": ok("Indikatoren", "IndicatorDetail"), ...errors(400, 404) },
      },
    },
    "/omraader": {
      get: {
        operationId: "areas",
        parameters: [p("ifNoneMatch")],
        summary: "Områdekoder: landet, regionerne og kommunerne",
        responses: { "200": ok("Områderne", "Areas"), ...errors(400) },
      },
    },
    "/aarsrapporter": {
      get: {
        operationId: "reports",
        parameters: [p("ifNoneMatch")],
        summary: "Alle offentliggjorte versioner af årsrapporterne",
        responses: { "200": ok("Versionerne, nyeste år og version først", "ReportList"), ...errors(400) },
      },
    },
    "/aarsrapporter/{year}": {
      get: {
        operationId: "report",
        summary: "Én årsrapport: resumé, indikatorer, SundK's kommentarer og kommunernes høringssvar",
        parameters: [p("year"), p("reportVersion"), p("ifNoneMatch")],
        responses: { "200": ok("Årsrapporten", "Report"), ...errors(400, 404) },
      },
    },
    "/resultater": {
      get: {
        operationId: "results",
        summary: "Resultater for én indikator × periode fra en offentliggjort årsrapport",
        parameters: [p("indicator"), p("period"), p("level"), p("area"), p("breakdown"), p("resultsVersion"), p("format"), p("ifNoneMatch")],
        responses: {
          "200": ok("Resultaterne", "Results", {
            "text/csv": {
              schema: { type: "string", description: `Kolonner: ${RESULT_CSV_COLUMNS.join(",")}` },
              "x-csv-row": ref("ResultCsvRow"),
            },
          }),
          ...errors(400, 404),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Valgfri login-session. SundK ser tallene udiskretionerede; alle andre ser de offentlige tal." },
    },
    parameters,
    responses: {
      NotModified: { description: "Uændret siden If-None-Match", headers: cacheHeaders },
      BadRequest: problemResponse("Ugyldig parameter (problems nævner hver enkelt)"),
      NotFound: problemResponse("Indikator, periode, område eller årsrapport findes ikke eller er ikke offentliggjort"),
      Unavailable: problemResponse("Midlertidigt utilgængelig (Retry-After)"),
    },
    schemas: {
      Problem: {
        type: "object",
        required: ["type", "title", "status", "detail"],
        additionalProperties: false,
        properties: {
          type: { type: "string", pattern: "^urn:ldbu:problem:[a-z-]+$" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          problems: { type: "array", items: object({ parameter: nullable("string"), message: { type: "string" } }) },
        },
      },
      Standard: {
        ...object({ target: share("Målniveau (andel)", false), provisional: { type: "boolean", description: "Foreløbig standard" } }),
        type: ["object", "null"],
      },
      CatalogIndicator: object({ ...definitionFields, standard: ref("Standard"), links: object({ self: link }) }),
      Catalog: object({
        catalogVersion: { type: "string" },
        epdsCutoff: { type: "integer", description: "Skæringsværdi for EPDS (LDBU-03/04)" },
        countingRules: { type: "array", items: { type: "string" } },
        indicators: { type: "array", items: ref("CatalogIndicator") },
      }),
      IndicatorDetail: object({
        catalogVersion: { type: "string" },
        indicator: ref("CatalogIndicator"),
        published: {
          type: "array",
          description: "Gældende version af hver årsrapport med resultater for indikatoren",
          items: object({ reportId: { type: "string" }, year: { type: "integer" }, version: { type: "integer" }, period: { type: "string" }, links: object({ results: link }) }),
        },
      }),
      Areas: object({
        nation: object({ code: { const: "DK" }, name: { type: "string" } }),
        regions: { type: "array", items: object({ code: { type: "string", pattern: "^\\d{4}$" }, name: { type: "string" } }) },
        municipalities: { type: "array", items: object({ code: { type: "string", pattern: "^\\d{3}$" }, name: { type: "string" }, regionCode: { type: "string" } }) },
      }),
      ReportVersion: object({
        ...(reportRefSchema.properties as Record<string, Schema>),
        status: { enum: ["published", "superseded"] },
        current: { type: "boolean", description: "Den gældende version for året" },
        links: object({ self: link }),
      }),
      ReportList: object({ reports: { type: "array", items: ref("ReportVersion") } }),
      ReportRef: reportRefSchema,
      ReportIndicator: object({
        ...definitionFields,
        period: { type: "string" },
        standardTarget: nullable("number", { minimum: 0, maximum: 1, description: "Standarden da tallene blev fastfrosset" }),
        commentary: nullable("string", { description: "SundK's faglige kommentar" }),
        municipalityComments: { type: "array", items: object({ municipalityCode: { type: "string" }, municipalityName: nullable("string"), text: { type: "string" } }) },
        links: object({ results: link }),
      }),
      Report: object({
        report: ref("ReportRef"),
        summary: nullable("string"),
        countingRules: { type: "array", items: { type: "string" } },
        indicators: { type: "array", items: ref("ReportIndicator") },
        links: object({ versions: link, current: link, page: link }),
      }),
      ResultRow: object(resultRowJson),
      ResultCsvRow: object(resultRowProperties, "En CSV-linje, læst med typerne fra ResultRow (tom celle = null)"),
      Results: object({
        report: ref("ReportRef"),
        indicator: object({
          id: definitionFields.id,
          title: { type: "string" },
          area: { type: "string" },
          periodKind: definitionFields.periodKind,
          kind: definitionFields.kind,
          polarity: definitionFields.polarity,
          standardTarget: nullable("number", { minimum: 0, maximum: 1 }),
        }),
        period: { type: "string" },
        smallNumbersSuppressed: { type: "boolean", description: "Små tal er diskretioneret i dette svar (alle uden SundK-adgang)" },
        results: { type: "array", items: ref("ResultRow") },
        links: object({ report: link, indicator: link }),
      }),
    },
  },
};
