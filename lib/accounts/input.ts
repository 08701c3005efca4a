/**
 * What the SundK administrator may enter about a user account, validated at the boundary (zod) with Danish messages.
 * A SundK user belongs to no municipality; every other role belongs to exactly one.
 */
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;

const username = z
  .string({ error: "Skriv et brugernavn." })
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, "Brugernavnet skal have 3-64 tegn og må kun indeholde a-z, 0-9, punktum, bindestreg og understregning.");
const name = z.string({ error: "Skriv brugerens fulde navn." }).trim().min(1, "Skriv brugerens fulde navn.").max(200, "Navnet må højst have 200 tegn.");
const role = z.enum(ROLES, { error: "Vælg en rolle." });
const municipality = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.string().regex(/^\d{3}$/, "Kommunen skal være en 3-cifret kommunekode.").nullable());

/** Role and municipality together: required for every role but SundK, forbidden for SundK. */
const placement = z
  .object({ role, municipalityCode: municipality.optional().transform((v) => v ?? null) })
  .superRefine((v, ctx) => {
    if (v.role === "sundk" && v.municipalityCode !== null)
      ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: "En SundK-bruger hører ikke til en kommune. Vælg ingen kommune." });
    if (v.role !== "sundk" && v.municipalityCode === null)
      ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: "Vælg brugerens kommune (kræves for alle roller undtagen SundK)." });
  });

export const newUserSchema = z.object({ username, name }).and(placement);
export type NewUserInput = z.infer<typeof newUserSchema>;

export const changeUserSchema = z.object({ name }).and(placement);
export type ChangeUserInput = z.infer<typeof changeUserSchema>;

/** Field → Danish messages, for the forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const key = String(i.path[0] ?? "form");
    out[key] ??= i.message;
  }
  return out;
}

// ---------------------------------------------------------------- the user list's filters (URL state, lenient)

export const USER_STATUSES = ["aktive", "deaktiverede", "alle"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface UserFilter {
  rolle: (typeof ROLES)[number] | null;
  kommune: string | null;
  status: UserStatus;
  soeg: string | null;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Unknown or malformed values are ignored (a shared link never breaks the page). */
export function parseUserFilter(sp: Record<string, string | string[] | undefined>): UserFilter {
  const rolle = first(sp.rolle);
  const kommune = first(sp.kommune);
  const status = first(sp.status);
  const soeg = first(sp.soeg);
  return {
    rolle: rolle && (ROLES as readonly string[]).includes(rolle) ? (rolle as UserFilter["rolle"]) : null,
    kommune: kommune && /^\d{3}$/.test(kommune) ? kommune : null,
    status: status && (USER_STATUSES as readonly string[]).includes(status) ? (status as UserStatus) : "aktive",
    soeg: soeg ? soeg.slice(0, 100) : null,
  };
}
