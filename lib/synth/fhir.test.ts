/**
 * The builders reproduce the guide's examples exactly (same keys, order and values) when given
 * the examples' data, and the template serialisation equals JSON.stringify.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONDITION, INTERVENTION, indicatorValue } from "./codes";
import {
  citizen,
  deliveryReportJson,
  encounter,
  epdsResponse,
  examResultObs,
  feedingObs,
  headObs,
  heightObs,
  incrementalDeliveryBuffer,
  indicatorObs,
  intervention,
  location,
  relatedParent,
  retracted,
  weightObs,
  type Res,
} from "./fhir";

const candidates = [fileURLToPath(new URL("../fhir/testdata/examples/", import.meta.url)), "/work/shared/reference/fbu/examples/"];
const dir = candidates.find((d) => existsSync(`${d}84cf4f74-0cc7-47fe-8301-3bc8eb0ddd8f.json`));

type Bundle = { id: string; timestamp: string; entry: { fullUrl: string; resource: { id: string; [k: string]: unknown } }[] };
const load = (f: string): Bundle => JSON.parse(readFileSync(`${dir}${f}.json`, "utf8")) as Bundle;
const res = (b: Bundle, id: string) => b.entry.find((e) => e.resource.id === id)!.resource;
const parsed = (r: Res) => JSON.parse(r.json) as unknown;

describe.skipIf(!dir)("builders reproduce the guide's examples", () => {
  const rikke4b = dir ? load("84cf4f74-0cc7-47fe-8301-3bc8eb0ddd8f") : ({} as Bundle);
  const CHILD = "e60106e2-413e-46c5-8a3f-62d8e77ce794";
  const SOR = "451000016003";
  const ENC = "78742a92-91b1-489f-9fea-6901f6d0b34b";

  it("rebuilds DeliveryReport-Rikke-4b byte for byte", () => {
    const d = "2020-06-01";
    const resources = [
      citizen({ id: CHILD, cpr: "0505209996", sor: SOR, child: true }),
      encounter({ id: ENC, kind: "second", classKey: "HH", subjectId: CHILD, start: d }),
      weightObs({ id: "a85a7271-1838-4b93-ad2e-8a115a91fff7", subjectId: CHILD, encounterId: ENC, effective: d, value: 4150, unit: "g" }),
      heightObs({ id: "f1bc69fc-c059-4b3a-8277-e45e985f74d6", subjectId: CHILD, encounterId: ENC, effective: d, value: 53.5, position: "recumbent" }),
      headObs({ id: "f71f887e-cf4b-44fc-b211-76230e56f5cd", subjectId: CHILD, encounterId: ENC, effective: d, value: 36.5 }),
      feedingObs({ id: "44655dde-e380-4df2-8bea-b3e64a18d49f", subjectId: CHILD, encounterId: ENC, effectiveDateTime: d, value: "full" }),
      indicatorObs({ id: "e10d5d17-9f63-41ca-96b9-f43caee79efb", key: "relationship", subjectId: CHILD, encounterId: ENC, effective: d, value: indicatorValue("relationship", "normal") }),
      indicatorObs({ id: "0db05d8b-00b9-4125-8cb1-2edc064394a4", key: "communication", subjectId: CHILD, encounterId: ENC, effective: d, value: indicatorValue("communication", "normal") }),
    ];
    const json = deliveryReportJson(rikke4b.id, rikke4b.timestamp, resources);
    expect(json).toBe(JSON.stringify(rikke4b));
  });

  it("rebuilds parents, links, a data-absent indicator and a feeding period (Rikke-2b, -3)", () => {
    const r2b = load("74dcb49e-dd6a-4450-9fb8-85ad0e7bed38");
    expect(parsed(feedingObs({ id: "4ad1eeba-85ca-47f1-bed5-b2b58f53cd9f", subjectId: CHILD, encounterId: "ebaaad51-e77f-4fc1-944a-24b0ace0a9f9", period: { start: "2020-05-05T00:00:00.000Z" }, value: "full" }))).toEqual(
      res(r2b, "4ad1eeba-85ca-47f1-bed5-b2b58f53cd9f"),
    );
    expect(parsed(indicatorObs({ id: "a5118cac-0fbc-4fed-a4b7-df246732c5f7", key: "relationship", subjectId: CHILD, encounterId: "ebaaad51-e77f-4fc1-944a-24b0ace0a9f9", effective: "2020-07-07T00:00:00.000Z" }))).toEqual(
      res(r2b, "a5118cac-0fbc-4fed-a4b7-df246732c5f7"),
    );
    const r3 = load("a27ab0ea-4018-4516-900c-f1249a28dc37");
    const MOTHER = "fa03ee6c-e38a-44cf-8ef4-79f8ea91b3b8";
    const REL = "a4b064a0-7fdd-467f-81cc-d1575b52b7f8";
    expect(parsed(citizen({ id: MOTHER, cpr: "2911829996", sor: SOR, child: false, relatedPersonIds: [REL] }))).toEqual(res(r3, MOTHER));
    expect(parsed(relatedParent({ id: REL, childId: CHILD }))).toEqual(res(r3, REL));
    expect(parsed(indicatorObs({ id: "5bc41bc3-b762-4a98-853d-d3daeac05ea4", key: "parentSocial", subjectId: MOTHER, effective: "2020-02-05T00:00:00.000Z", value: indicatorValue("parentSocial", "potential") }))).toEqual(
      res(r3, "5bc41bc3-b762-4a98-853d-d3daeac05ea4"),
    );
  });

  it("rebuilds interventions and need-based encounters (Rikke-7)", () => {
    const r7 = load("a50c7477-c817-4f98-92a8-b8c15f015d9e");
    const MOTHER = "fa03ee6c-e38a-44cf-8ef4-79f8ea91b3b8";
    expect(
      parsed(intervention({ id: "d3df60d0-4380-43b4-8d15-2e3fb3b4c50a", subjectId: MOTHER, status: "completed", start: "2020-07-07", end: "2020-07-14", code: INTERVENTION.mentalSupport, reasons: [CONDITION.mentalReaction] })),
    ).toEqual({ ...res(r7, "d3df60d0-4380-43b4-8d15-2e3fb3b4c50a"), activity: [{ detail: { ...(res(r7, "d3df60d0-4380-43b4-8d15-2e3fb3b4c50a").activity as { detail: object }[])[0]!.detail, status: "completed" } }] });
    expect(parsed(intervention({ id: "6122356d-a611-4660-8b0f-c86185f465f8", subjectId: CHILD, status: "active", start: "2020-07-07", code: INTERVENTION.contactGuidance, reasons: [CONDITION.socialContact] }))).toEqual(
      res(r7, "6122356d-a611-4660-8b0f-c86185f465f8"),
    );
    expect(
      parsed(encounter({ id: "651dec86-17ee-4570-8759-964ca1270bcb", kind: "needSmall", classKey: "HH", subjectId: MOTHER, start: "2020-07-14", interventionIds: ["d3df60d0-4380-43b4-8d15-2e3fb3b4c50a"] })),
    ).toEqual(res(r7, "651dec86-17ee-4570-8759-964ca1270bcb"));
  });

  it("rebuilds the school examination (Lars-1) and the pregnancy finding (Rikke-1)", () => {
    const l1 = load("5f1d5816-a906-4314-a6f4-69b400682ec6");
    const LARS = "4ced31e7-f852-4bad-a320-fe2a02640434";
    const LOC = "d1a03c42-7fdf-43da-9132-404a321c30b8";
    const ENC1 = "9a97ee62-ada2-45f6-8559-99477c028eb4";
    expect(parsed(location({ id: LOC, schoolNumber: "280295" }))).toEqual(res(l1, LOC));
    expect(parsed(encounter({ id: ENC1, kind: "schoolEntry", classKey: "AMB", subjectId: LARS, start: "2021-10-06T10:45:00.000Z", locationId: LOC }))).toEqual(res(l1, ENC1));
    expect(parsed(weightObs({ id: "f253b171-b876-4b54-9fd1-92369f0dc23a", subjectId: LARS, encounterId: ENC1, effective: "2021-10-06", value: 26, unit: "kg" }))).toEqual(res(l1, "f253b171-b876-4b54-9fd1-92369f0dc23a"));
    expect(parsed(heightObs({ id: "b019bfd9-62df-46f1-9416-efa5711e5eb2", subjectId: LARS, encounterId: ENC1, effective: "2021-10-06", value: 125, position: "standing" }))).toEqual(
      res(l1, "b019bfd9-62df-46f1-9416-efa5711e5eb2"),
    );
    expect(parsed(indicatorObs({ id: "ed032dee-7f27-49c3-ac7e-0330173dc04c", key: "nutrition", subjectId: LARS, encounterId: ENC1, effective: "2021-10-06", value: indicatorValue("nutrition", "normal") }))).toEqual(
      res(l1, "ed032dee-7f27-49c3-ac7e-0330173dc04c"),
    );
    const r1 = load("b9479825-6be1-4fa1-a2ae-74fe67014caa");
    const MOTHER = "fa03ee6c-e38a-44cf-8ef4-79f8ea91b3b8";
    expect(
      parsed(examResultObs({ id: "c98626d1-e3a1-42ac-8732-d7eb63236d8c", subjectId: MOTHER, encounterId: "dcaf11eb-1fa5-4bf6-aa8d-1d5a07dceba6", effective: "2020-02-05T00:00:00.000Z", finding: { code: "7acf5936-6640-44a7-af6d-b20c7607dcfe", display: "Traumatiske oplevelser" } })),
    ).toEqual(res(r1, "c98626d1-e3a1-42ac-8732-d7eb63236d8c"));
  });

  it("rebuilds the EPDS response (Rikke 2 months)", () => {
    const b = load("RikkeDeliveryReport2months");
    expect(parsed(epdsResponse({ id: "EPDSAnswerKirsten", subjectId: "Kirsten", authored: "2020-07-07", items: [0, 2, 1, 1, 2, 1, 3, 0, 0, 0] }))).toEqual(res(b, "EPDSAnswerKirsten"));
  });
});

describe("serialisation", () => {
  it("is valid JSON, equal to JSON.stringify of itself", () => {
    const rs = [
      citizen({ id: "a", cpr: "0101201234", sor: "91010000001", child: true }),
      citizen({ id: "b", cpr: "0101901234", sor: "91010000001", child: false, active: false, relatedPersonIds: ["r1", "r2"] }),
      encounter({ id: "e", kind: "needSmall", classKey: "screen", subjectId: "a", start: "2021-01-01T10:00:00.000Z", interventionIds: ["c1"] }),
      feedingObs({ id: "f", subjectId: "a", encounterId: "e", period: { start: "2021-01-01T00:00:00.000Z", end: "2021-03-01T00:00:00.000Z" }, value: "partial" }),
      feedingObs({ id: "g", subjectId: "a", effectiveDateTime: "2021-03-01T10:00:00.000Z" }),
      weightObs({ id: "w", subjectId: "a", effective: "2021-03-01T10:00:00.000Z", unit: "g" }),
    ];
    const json = deliveryReportJson("id1", "2021-03-01T18:00:00Z", rs);
    expect(JSON.stringify(JSON.parse(json))).toBe(json);
    const w = incrementalDeliveryBuffer("w1", "2021-03-02T02:00:00Z", [{ id: "id1", json: Buffer.from(json) }]).toString("utf8");
    const wb = JSON.parse(w) as Bundle;
    expect(JSON.stringify(wb)).toBe(w);
    expect(wb.entry[0]!.fullUrl).toBe("https://test.fhir.dk/Bundle/id1");
    expect(retracted(rs[2]!).json).toContain('"status":"entered-in-error"');
    expect(JSON.parse(retracted(rs[3]!).json).status).toBe("entered-in-error");
  });
});
