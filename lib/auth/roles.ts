/** The roles of PRODUCT.md, with their Danish UI names. */
export const ROLES = ["sundhedsplejerske", "leder", "politiker", "sundk"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  sundhedsplejerske: "Sundhedsplejerske",
  leder: "Leder af sundhedsplejen",
  politiker: "Politiker",
  sundk: "SundK",
};

export function isRole(x: unknown): x is Role {
  return typeof x === "string" && (ROLES as readonly string[]).includes(x);
}

/** Who is asking: nobody, a person with a role, or the FK Gateway (a system that only POSTs reports). */
export type Viewer =
  | { kind: "anonymous" }
  | { kind: "user"; id: number; username: string; name: string; role: Role; municipalityCode: string | null }
  | { kind: "gateway"; clientId: number; name: string };

export const ANONYMOUS: Viewer = { kind: "anonymous" };
