import { describe, expect, it } from "vitest";
import { claimValue, loginErrorMessage, mapClaims, normaliseMunicipalityCode, readOidcConfig, type OidcConfig } from "./oidc";

const ROLE_MAP = { "LDBU-Sundhedsplejerske": "sundhedsplejerske", "LDBU-Leder": "leder", "LDBU-Politiker": "politiker", "LDBU-SundK": "sundk" };
const ENV = {
  LDBU_OIDC_ISSUER: "https://login.kommune.example/realms/ldbu/",
  LDBU_OIDC_CLIENT_ID: "ldbu",
  LDBU_OIDC_CLIENT_SECRET: "hemmelig-klientnoegle",
  LDBU_OIDC_NAME: "KommuneLogin",
  LDBU_OIDC_ROLE_CLAIM: "groups",
  LDBU_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
  LDBU_OIDC_MUNICIPALITY_CLAIM: "kommunekode",
};

function config(over: Partial<OidcConfig> = {}): OidcConfig {
  const { config } = readOidcConfig(ENV);
  if (!config) throw new Error("test config invalid");
  return { ...config, ...over };
}

describe("OIDC configuration from the environment", () => {
  it("is off when no LDBU_OIDC_* variable is set", () => {
    expect(readOidcConfig({})).toEqual({ config: null, problems: [] });
    expect(readOidcConfig({ LDBU_OIDC_ISSUER: "  " })).toEqual({ config: null, problems: [] });
  });
  it("reads a complete configuration (issuer without trailing slash, default scope)", () => {
    expect(readOidcConfig(ENV)).toEqual({
      problems: [],
      config: {
        issuer: "https://login.kommune.example/realms/ldbu",
        clientId: "ldbu",
        clientSecret: "hemmelig-klientnoegle",
        name: "KommuneLogin",
        scope: "openid profile",
        roleClaim: "groups",
        roleMap: ROLE_MAP,
        municipalityClaim: "kommunekode",
      },
    });
  });
  it("defaults the button label", () => {
    expect(readOidcConfig({ ...ENV, LDBU_OIDC_NAME: undefined }).config?.name).toBe("fælles login");
  });
  it("names every missing variable of a partial configuration", () => {
    const r = readOidcConfig({ LDBU_OIDC_ISSUER: ENV.LDBU_OIDC_ISSUER, LDBU_OIDC_CLIENT_ID: "ldbu" });
    expect(r.config).toBeNull();
    expect(r.problems.map((p) => p.split(" ")[0])).toEqual(["LDBU_OIDC_CLIENT_SECRET", "LDBU_OIDC_ROLE_CLAIM", "LDBU_OIDC_ROLE_MAP", "LDBU_OIDC_MUNICIPALITY_CLAIM"]);
    expect(readOidcConfig({ LDBU_OIDC_NAME: "KommuneLogin" }).problems).toHaveLength(6);
  });
  it("refuses an invalid role map", () => {
    const problems = (map: string) => readOidcConfig({ ...ENV, LDBU_OIDC_ROLE_MAP: map }).problems;
    expect(problems("{ikke json")).toEqual(['LDBU_OIDC_ROLE_MAP er ikke gyldig JSON (forventet fx {"LDBU-Leder":"leder"}).']);
    expect(problems("{}")).toHaveLength(1);
    expect(problems('["leder"]')).toHaveLength(1);
    expect(problems('{"LDBU-Admin":"admin"}')[0]).toContain('"LDBU-Admin" peger på en ukendt rolle ("admin")');
    expect(problems('{"":"leder"}')).toEqual(["LDBU_OIDC_ROLE_MAP har en tom claim-værdi."]);
  });
  it("requires https for the issuer except on this machine, and openid in the scope", () => {
    expect(readOidcConfig({ ...ENV, LDBU_OIDC_ISSUER: "http://login.kommune.example" }).problems).toEqual(["LDBU_OIDC_ISSUER skal være en https-adresse."]);
    expect(readOidcConfig({ ...ENV, LDBU_OIDC_ISSUER: "ikke en adresse" }).problems).toHaveLength(1);
    expect(readOidcConfig({ ...ENV, LDBU_OIDC_ISSUER: "http://127.0.0.1:4000" }).problems).toEqual([]);
    expect(readOidcConfig({ ...ENV, LDBU_OIDC_SCOPE: "profile email" }).problems).toEqual(['LDBU_OIDC_SCOPE skal indeholde "openid".']);
    expect(readOidcConfig({ ...ENV, LDBU_OIDC_SCOPE: "openid profile ldbu" }).config?.scope).toBe("openid profile ldbu");
  });
});

describe("claims → role and municipality", () => {
  it("maps a leader in København", () => {
    expect(mapClaims(config(), { sub: "a1", name: "Lene Leder", groups: "LDBU-Leder", kommunekode: "101" })).toEqual({
      ok: true,
      identity: { subject: "a1", name: "Lene Leder", role: "leder", municipalityCode: "101" },
    });
  });
  it("maps SundK without a municipality, ignoring any sent", () => {
    const r = mapClaims(config(), { sub: "s1", given_name: "Søren", family_name: "Sundk", groups: ["Andet", "LDBU-SundK"], kommunekode: "101" });
    expect(r).toEqual({ ok: true, identity: { subject: "s1", name: "Søren Sundk", role: "sundk", municipalityCode: null } });
  });
  it("takes the widest role when several are mapped", () => {
    const r = mapClaims(config(), { sub: "x", groups: ["LDBU-Politiker", "LDBU-Leder", "LDBU-Sundhedsplejerske"], kommunekode: 751 });
    expect(r.ok && r.identity.role).toBe("leder");
  });
  it("refuses a missing or unknown role", () => {
    expect(mapClaims(config(), { sub: "x", groups: "Administrator", kommunekode: "101" })).toEqual({ ok: false, refusal: "SsoRolle", detail: 'groups="Administrator"' });
    expect(mapClaims(config(), { sub: "x", kommunekode: "101" })).toEqual({ ok: false, refusal: "SsoRolle", detail: "groups=null" });
    expect(mapClaims(config(), { sub: "x", groups: "ldbu-leder", kommunekode: "101" }).ok).toBe(false); // values are matched exactly
  });
  it("refuses a missing or unknown municipality for every role but SundK", () => {
    for (const groups of ["LDBU-Leder", "LDBU-Sundhedsplejerske", "LDBU-Politiker"]) {
      expect(mapClaims(config(), { sub: "x", groups })).toEqual({ ok: false, refusal: "SsoKommune", detail: "kommunekode=null" });
      expect(mapClaims(config(), { sub: "x", groups, kommunekode: "411" })).toEqual({ ok: false, refusal: "SsoKommune", detail: 'kommunekode="411"' }); // Christiansø
    }
  });
  it("refuses a missing subject", () => {
    expect(mapClaims(config(), { groups: "LDBU-SundK" })).toMatchObject({ ok: false, refusal: "SsoIdentitet" });
    expect(mapClaims(config(), { sub: "", groups: "LDBU-SundK" })).toMatchObject({ ok: false, refusal: "SsoIdentitet" });
  });
  it("reads nested and URL-named claims", () => {
    const keycloak = config({ roleClaim: "realm_access.roles", municipalityClaim: "https://ldbu.example/kommune" });
    const r = mapClaims(keycloak, { sub: "k", realm_access: { roles: ["offline_access", "LDBU-Politiker"] }, "https://ldbu.example/kommune": "0825" });
    expect(r).toEqual({ ok: true, identity: { subject: "k", name: "k", role: "politiker", municipalityCode: "825" } });
    expect(claimValue({ a: { b: 1 } }, "a.b.c")).toBeUndefined();
    expect(claimValue({ "a.b": 2, a: { b: 1 } }, "a.b")).toBe(2);
  });
  it("falls back to preferred_username, email, then subject for the name", () => {
    const c = config();
    const name = (claims: Record<string, unknown>) => {
      const r = mapClaims(c, { sub: "id-7", groups: "LDBU-SundK", ...claims });
      return r.ok ? r.identity.name : null;
    };
    expect(name({ preferred_username: "jens@kommune.dk", email: "j@k.dk" })).toBe("jens@kommune.dk");
    expect(name({ email: "j@k.dk" })).toBe("j@k.dk");
    expect(name({})).toBe("id-7");
  });
});

describe("municipality codes", () => {
  it.each([
    ["101", "101"], [101, "101"], ["0101", "101"], [" 851 ", "851"], [["147"], "147"], ["825", "825"],
    ["411", null], ["999", null], ["1010", null], ["10", null], ["", null], [null, null], [["101", "147"], null], [true, null],
  ])("%j → %j", (input, expected) => expect(normaliseMunicipalityCode(input)).toBe(expected));
});

describe("login error messages", () => {
  it("explains our refusals and next-auth's errors in Danish", () => {
    expect(loginErrorMessage(undefined)).toBeNull();
    expect(loginErrorMessage("SsoRolle")).toContain("rolle, der giver adgang til LDBU");
    expect(loginErrorMessage("SsoKommune")).toContain("kommunekode");
    expect(loginErrorMessage("SsoDeaktiveret")).toContain("deaktiveret");
    expect(loginErrorMessage("OAuthCallback")).toBe("Log ind mislykkedes. Prøv igen – fortsætter problemet, så kontakt SundK.");
    expect(loginErrorMessage("<script>")).toBe(loginErrorMessage("OAuthCallback"));
  });
});
