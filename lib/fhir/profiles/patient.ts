/**
 * klgateway-children-citizen (Patient, parent dk-core-patient) and
 * klgateway-children-related-parent (RelatedPerson, parent dk-core-related-person).
 */
import { cprFacts } from "@/lib/cpr";
import { MSG } from "../outcome";
import { PROFILE_URL, STATUS, SYSTEM } from "../terminology";
import { TARGET, checkCode, checkDeclaredProfiles, checkReference, invariant, objects, walkResource, type Env } from "./context";
import { INF, T, X, backbone, card, complex, prim, resource, obj, str } from "./spec";

const SOR_IDENTIFIER = complex(
  "Identifier",
  {
    use: prim("code", 0, 1, "official"),
    type: T.codeableConcept(),
    system: prim("uri", 1, 1, SYSTEM.SOR),
    value: prim("string", 1, 1),
    period: T.period(),
    assigner: X,
  },
  1,
  1,
);

/** dk-core-cpr-identifier: value 1..1 (system and use are checked as the slice, below). */
const CPR_IDENTIFIER = complex(
  "Identifier",
  { use: prim("code"), type: T.codeableConcept(), system: prim("uri", 1, 1), value: prim("string", 1, 1), period: T.period(), assigner: X },
  0,
  INF,
);

export const CITIZEN = resource("Patient", {
  identifier: card(CPR_IDENTIFIER, 1, 1),
  active: prim("boolean"),
  name: X,
  telecom: X,
  gender: X,
  birthDate: X,
  deceasedBoolean: X,
  deceasedDateTime: X,
  address: X,
  maritalStatus: X,
  multipleBirthBoolean: X,
  multipleBirthInteger: X,
  photo: X,
  contact: X,
  communication: X,
  generalPractitioner: X,
  managingOrganization: complex("Reference", { reference: X, type: X, identifier: SOR_IDENTIFIER, display: X }, 1, 1),
  link: backbone("Patient.link", { other: T.reference(1, 1), type: prim("code", 1, 1, "seealso") }, 0, INF),
});

const CITIZEN_NAME = "klgateway-children-citizen";

export function validateCitizen(env: Env, p: Record<string, unknown>, path: string): void {
  walkResource(env, p, CITIZEN, path, CITIZEN_NAME);
  checkDeclaredProfiles(env, p, path, PROFILE_URL.citizen);

  // identifier: exactly the cpr slice (dk-core-cpr-identifier); eCPR slices are 0..0.
  for (const { value: id, i } of objects(p.identifier)) {
    const ip = `${path}.identifier[${i}]`;
    if (id.system !== SYSTEM.CPR) {
      env.sink.add(
        "error",
        MSG.slice(
          `${ip} skal være CPR-identifikatoren (system ${SYSTEM.CPR}); andre identifikatorer, også eCPR, er ikke tilladt (klgateway-children-citizen).`,
          `${ip} must be the CPR identifier (system ${SYSTEM.CPR}); other identifiers, eCPR included, are not allowed (klgateway-children-citizen).`,
        ),
        `${ip}.system`,
      );
      continue;
    }
    if (id.use !== undefined && id.use !== "official") env.sink.add("error", MSG.fixedValue(`${ip}.use`, "'official'"), `${ip}.use`);
    const value = id.value;
    if (value === undefined) continue; // reported by the walk
    const vp = `${ip}.value`;
    const ok = invariant(env, "cpr", value, vp, MSG.cpr);
    if (ok === true && typeof value === "string") {
      if (cprFacts(value) === null) env.sink.add("error", MSG.cprDate(vp), vp);
      else {
        const seen = env.state.cprs.get(value);
        const rid = str(p.id);
        if (seen === undefined) env.state.cprs.set(value, [env.entry, rid]);
        else if (seen[1] !== rid) env.sink.add("warning", MSG.duplicateCpr(vp, seen[0]), vp);
      }
    }
  }

  // managingOrganization: only a SOR identifier.
  const org = obj(p.managingOrganization);
  const sor = org && obj(org.identifier);
  if (sor && sor.value !== undefined) {
    invariant(env, "min-digits-sor", sor.value, `${path}.managingOrganization.identifier.value`, MSG.sor);
  }

  // link: to the RelatedParent that states "parent of child X".
  for (const { value: link, i } of objects(p.link)) {
    const lp = `${path}.link[${i}]`;
    if (link.other !== undefined) checkReference(env, link.other, `${lp}.other`, TARGET.relatedParent);
    checkCode(env, link.type, `${lp}.type`, STATUS.linkType, "LinkType");
  }
}

export const RELATED_PARENT = resource("RelatedPerson", {
  identifier: X,
  active: prim("boolean"),
  patient: T.reference(1, 1),
  relationship: T.codeableConcept(0, INF),
  name: X,
  telecom: X,
  gender: X,
  birthDate: X,
  address: X,
  photo: X,
  period: X,
  communication: X,
});

const PARENT_TYPES = new Set(["PRN"]);

export function validateRelatedParent(env: Env, r: Record<string, unknown>, path: string): void {
  walkResource(env, r, RELATED_PARENT, path, "klgateway-children-related-parent");
  checkDeclaredProfiles(env, r, path, PROFILE_URL.relatedParent);
  if (r.patient !== undefined) checkReference(env, r.patient, `${path}.patient`, TARGET.citizen);
  const rels = objects(r.relationship);
  for (const { value: rel, i } of rels) {
    const rp = `${path}.relationship[${i}]`;
    const codings = objects(rel.coding);
    if (!codings.some(({ value: c }) => c.system === SYSTEM.V3_ROLE && typeof c.code === "string" && PARENT_TYPES.has(c.code))) {
      const first = codings[0];
      env.sink.add(
        "error",
        first ? MSG.binding(`${rp}.coding[${first.i}]`, "ParentTypes (v3-RoleCode PRN)", first.value.code) : MSG.bindingMissingCode(rp, "ParentTypes (v3-RoleCode PRN)"),
        first ? `${rp}.coding[${first.i}]` : rp,
      );
    }
  }
  // The IG text says exactly one relationship; the profile keeps base 0..*, so this is a warning.
  const n = Array.isArray(r.relationship) ? r.relationship.length : r.relationship === undefined ? 0 : 1;
  if (n !== 1) env.sink.add("warning", MSG.relationshipCount(`${path}.relationship`, n), `${path}.relationship`);
}
