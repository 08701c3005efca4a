/**
 * klgateway-children-intervention (CarePlan): a need-based intervention (behovsindsats).
 */
import { MSG } from "../outcome";
import { CONDITIONS, INTERVENTIONS, PROFILE_URL, STATUS, SYSTEM } from "../terminology";
import { TARGET, checkCode, checkCodingBinding, checkDeclaredProfiles, checkPeriod, checkReference, objects, walkResource, type Env } from "./context";
import { INF, T, X, any, backbone, card, complex, prim, resource, obj } from "./spec";

const DETAIL = backbone(
  "CarePlan.activity.detail",
  {
    kind: X,
    instantiatesCanonical: X,
    instantiatesUri: X,
    code: complex("CodeableConcept", { coding: card(T.coding(0, INF), 1, 1), text: X }, 1, 1),
    reasonCode: T.codeableConcept(0, INF),
    reasonReference: X,
    goal: X,
    status: prim("code", 1, 1),
    statusReason: X,
    doNotPerform: X,
    scheduledTiming: X,
    scheduledPeriod: X,
    scheduledString: X,
    location: X,
    performer: any(0, INF),
    productCodeableConcept: X,
    productReference: X,
    dailyAmount: X,
    quantity: X,
    description: X,
  },
  1,
  1,
);

export const INTERVENTION = resource("CarePlan", {
  identifier: X,
  instantiatesCanonical: X,
  instantiatesUri: X,
  basedOn: X,
  replaces: X,
  partOf: X,
  status: prim("code", 1, 1),
  intent: prim("code", 1, 1, "plan"),
  category: X,
  title: X,
  description: X,
  subject: T.reference(1, 1),
  encounter: X,
  period: T.period(1, 1, 1),
  created: X,
  author: X,
  contributor: X,
  careTeam: X,
  addresses: X,
  supportingInfo: X,
  goal: X,
  activity: card(
    backbone(
      "CarePlan.activity",
      { outcomeCodeableConcept: X, outcomeReference: X, progress: X, reference: X, detail: DETAIL },
      0,
      INF,
    ),
    1,
    1,
  ),
  note: X,
});

export function validateIntervention(env: Env, c: Record<string, unknown>, path: string): void {
  walkResource(env, c, INTERVENTION, path, "klgateway-children-intervention");
  checkDeclaredProfiles(env, c, path, PROFILE_URL.intervention);
  checkCode(env, c.status, `${path}.status`, STATUS.carePlan, "CarePlanStatus");
  if (c.subject !== undefined) checkReference(env, c.subject, `${path}.subject`, TARGET.citizen);
  checkPeriod(env, c.period, `${path}.period`);
  for (const { value: a, i } of objects(c.activity)) {
    const d = obj(a.detail);
    if (!d) continue;
    const dp = `${path}.activity[${i}].detail`;
    for (const { value: coding, i: j } of objects(obj(d.code)?.coding)) {
      checkCodingBinding(env, coding, `${dp}.code.coding[${j}]`, SYSTEM.FBOE, INTERVENTIONS, "KLHealthNurseInterventions");
    }
    checkCode(env, d.status, `${dp}.status`, STATUS.carePlanActivity, "CarePlanActivityStatus");
    if (d.status === "entered-in-error") env.sink.add("warning", MSG.detailStatusEnteredInError(`${dp}.status`), `${dp}.status`);
    for (const { value: rc, i: j } of objects(d.reasonCode)) {
      for (const { value: coding, i: k } of objects(rc.coding)) {
        checkCodingBinding(env, coding, `${dp}.reasonCode[${j}].coding[${k}]`, SYSTEM.FBOE, CONDITIONS, "KLHealthNurseConditions");
      }
    }
  }
}
