/**
 * The structure definitions list exactly the elements FHIR R4 defines (taken from the fhirpath.js
 * R4 model), so "unknown element" is only said of names R4 does not have, and an element a profile
 * does not mention is never rejected as unknown.
 */
import { describe, expect, it } from "vitest";
import r4 from "fhirpath/fhir-context/r4";
import { DELIVERY_REPORT, INCREMENTAL_DELIVERY } from "./profiles/bundle";
import { INTERVENTION } from "./profiles/carePlan";
import { ENCOUNTER, LOCATION } from "./profiles/encounter";
import { OBSERVATION_DEFS } from "./profiles/observation";
import { CITIZEN, RELATED_PARENT } from "./profiles/patient";
import { QUESTIONNAIRE_RESPONSE } from "./profiles/questionnaireResponse";
import type { ElementDef } from "./profiles/spec";

const model = r4 as unknown as { path2Type: Record<string, unknown>; pathsDefinedElsewhere: Record<string, string> };

function r4Children(path: string): string[] {
  const depth = path.split(".").length;
  const keys = new Set<string>();
  for (const k of [...Object.keys(model.path2Type), ...Object.keys(model.pathsDefinedElsewhere)]) {
    if (k.startsWith(path + ".") && k.split(".").length === depth + 1) keys.add(k.slice(path.length + 1));
  }
  return [...keys].sort();
}

function complexDefs(root: ElementDef, out = new Set<ElementDef>()): Set<ElementDef> {
  if (root.kind !== "complex" || out.has(root)) return out;
  out.add(root);
  for (const d of Object.values(root.fields ?? {})) complexDefs(d, out);
  return out;
}

const ROOTS: [string, ElementDef][] = [
  ["delivery report", DELIVERY_REPORT],
  ["incremental delivery", INCREMENTAL_DELIVERY],
  ["citizen", CITIZEN],
  ["related parent", RELATED_PARENT],
  ["encounter", ENCOUNTER],
  ["location", LOCATION],
  ["intervention", INTERVENTION],
  ["questionnaire response", QUESTIONNAIRE_RESPONSE],
  ...Object.entries(OBSERVATION_DEFS).map(([k, d]) => [`observation (${k})`, d] as [string, ElementDef]),
];

describe("structure definitions match FHIR R4", () => {
  it.each(ROOTS)("%s", (_name, root) => {
    let checked = 0;
    for (const def of complexDefs(root)) {
      const expected = r4Children(def.typeName!);
      expect(expected.length, def.typeName).toBeGreaterThan(0);
      expect(Object.keys(def.fields!).sort(), def.typeName).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});
