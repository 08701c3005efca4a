/**
 * klgateway-children-encounter (Encounter) and klgateway-children-location (Location, schools).
 */
import { MSG } from "../outcome";
import { ENCOUNTER_TYPES, PROFILE_URL, STATUS, SYSTEM, isEncounterClass } from "../terminology";
import { TARGET, checkCode, checkDeclaredProfiles, checkPeriod, checkReference, hasCoding, objects, walkResource, type Env } from "./context";
import { INF, T, X, backbone, card, complex, prim, resource, obj } from "./spec";

const CODING_NO_VERSION = (min: number, max: number) =>
  complex(
    "Coding",
    { system: prim("uri"), version: X, code: prim("code"), display: prim("string"), userSelected: X },
    min,
    max,
  );

export const ENCOUNTER = resource("Encounter", {
  identifier: X,
  status: prim("code", 1, 1),
  statusHistory: X,
  class: CODING_NO_VERSION(1, 1),
  classHistory: X,
  type: card(complex("CodeableConcept", { coding: card(CODING_NO_VERSION(0, INF), 1, 1), text: X }, 0, INF), 1, 1),
  serviceType: X,
  priority: X,
  subject: T.reference(1, 1),
  episodeOfCare: X,
  basedOn: X,
  participant: X,
  appointment: X,
  period: T.period(1, 1, 1),
  length: X,
  reasonCode: X,
  reasonReference: X,
  diagnosis: X,
  account: X,
  hospitalization: X,
  location: card(backbone("Encounter.location", { location: T.reference(1, 1), status: X, physicalType: X, period: X }, 0, INF), 0, 1),
  serviceProvider: X,
  partOf: X,
});

const FBOE_ENCOUNTER_TYPES = new Set(ENCOUNTER_TYPES.keys());

export function validateEncounter(env: Env, e: Record<string, unknown>, path: string): void {
  walkResource(env, e, ENCOUNTER, path, "klgateway-children-encounter");
  checkDeclaredProfiles(env, e, path, PROFILE_URL.encounter);
  checkCode(env, e.status, `${path}.status`, STATUS.encounter, "EncounterStatus");

  const cls = obj(e.class);
  if (cls && typeof cls.code === "string" && !isEncounterClass(cls.system, cls.code)) {
    env.sink.add("error", MSG.binding(`${path}.class`, "EncounterClassCodes (v3 ActEncounterCode + KL Telefonisk/Skærmbesøg)", cls.code), `${path}.class`);
  } else if (cls && cls.code === undefined) {
    env.sink.add("error", MSG.bindingMissingCode(`${path}.class`, "EncounterClassCodes"), `${path}.class`);
  }

  for (const { value: t, i } of objects(e.type)) {
    for (const { value: c, i: j } of objects(t.coding)) {
      const cp = `${path}.type[${i}].coding[${j}]`;
      if (typeof c.code !== "string") {
        if (c.code === undefined) env.sink.add("error", MSG.bindingMissingCode(cp, "EncounterTypes"), cp);
        continue;
      }
      if (c.system !== SYSTEM.FBOE) env.sink.add("error", MSG.bindingSystem(cp, "EncounterTypes", SYSTEM.FBOE), `${cp}.system`);
      else if (!FBOE_ENCOUNTER_TYPES.has(c.code)) env.sink.add("error", MSG.binding(cp, "EncounterTypes", c.code), `${cp}.code`);
    }
  }

  if (e.subject !== undefined) checkReference(env, e.subject, `${path}.subject`, TARGET.citizen);
  checkPeriod(env, e.period, `${path}.period`);
  for (const { value: l, i } of objects(e.location)) {
    if (l.location !== undefined) checkReference(env, l.location, `${path}.location[${i}].location`, TARGET.location);
  }
}

export const LOCATION = resource("Location", {
  identifier: card(
    complex(
      "Identifier",
      {
        use: X,
        type: X,
        system: prim("uri", 1, 1, SYSTEM.SCHOOL),
        value: prim("string", 1, 1),
        period: X,
        assigner: X,
      },
      0,
      INF,
    ),
    1,
    1,
  ),
  status: prim("code"),
  operationalStatus: X,
  name: X,
  alias: X,
  description: X,
  mode: X,
  type: card(T.codeableConcept(0, INF), 1, 1),
  telecom: X,
  address: X,
  physicalType: X,
  position: X,
  managingOrganization: X,
  partOf: X,
  hoursOfOperation: X,
  availabilityExceptions: X,
  endpoint: X,
});

export function validateLocation(env: Env, l: Record<string, unknown>, path: string): void {
  walkResource(env, l, LOCATION, path, "klgateway-children-location");
  checkDeclaredProfiles(env, l, path, PROFILE_URL.location);
  checkCode(env, l.status, `${path}.status`, STATUS.location, "LocationStatus");
  for (const { value: t, i } of objects(l.type)) {
    if (!hasCoding(t, SYSTEM.V3_ROLE, "SCHOOL")) {
      env.sink.add("error", MSG.fixedValue(`${path}.type[${i}]`, `${SYSTEM.V3_ROLE}#SCHOOL`), `${path}.type[${i}]`);
    }
  }
}
