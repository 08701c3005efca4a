/**
 * klgateway-children-questionnaire-response (QuestionnaireResponse), plus the answer checks the
 * guide leaves to the receiver: the questionnaire must be one of the seven, each linkId must
 * exist and be answered once, answers must have the item's type, integers must be within the
 * item's min/max, choice answers must be exactly one of the option strings (all errors), and for
 * EPDS, ADBB and AIMS the total `score` should equal the sum of the items (a warning: one of the
 * guide's own examples disagrees).
 */
import { MSG } from "../outcome";
import { PROFILE_URL, QUESTIONNAIRES, STATUS, type QuestionnaireDef } from "../terminology";
import { TARGET, checkCode, checkDeclaredProfiles, checkReference, invariant, objects, walkResource, type Env } from "./context";
import { X, backbone, card, choice, prim, resource, T, INF } from "./spec";

const ANSWER_TYPES = ["Boolean", "Decimal", "Integer", "Date", "DateTime", "Time", "String", "Uri", "Attachment", "Coding", "Quantity", "Reference"];

const ITEM = backbone(
  "QuestionnaireResponse.item",
  {
    linkId: prim("string", 1, 1),
    definition: X,
    text: X,
    answer: card(
      backbone(
        "QuestionnaireResponse.item.answer",
        {
          valueBoolean: prim("boolean"),
          valueDecimal: prim("decimal"),
          valueInteger: prim("integer"),
          valueDate: prim("date"),
          valueDateTime: prim("dateTime"),
          valueTime: prim("time"),
          valueString: prim("string"),
          valueUri: prim("uri"),
          valueAttachment: X,
          valueCoding: T.coding(),
          valueQuantity: T.quantity(),
          valueReference: T.reference(),
          item: X,
        },
        0,
        INF,
        [choice("value", ANSWER_TYPES, ["Integer", "Boolean", "String"], 1)],
      ),
      1,
      1,
    ),
    item: X,
  },
  0,
  INF,
);

export const QUESTIONNAIRE_RESPONSE = resource("QuestionnaireResponse", {
  identifier: X,
  basedOn: X,
  partOf: X,
  questionnaire: prim("canonical", 1, 1),
  status: prim("code", 1, 1),
  subject: T.reference(1, 1),
  encounter: X,
  authored: prim("dateTime", 1, 1),
  author: X,
  source: X,
  item: card(ITEM, 0, 36),
});

const TYPE_TEXT: Record<string, [string, string]> = {
  integer: ["et heltal (valueInteger)", "an integer (valueInteger)"],
  boolean: ["true/false (valueBoolean)", "true/false (valueBoolean)"],
  choice: ["en af svarmulighederne som tekst (valueString)", "one of the options as text (valueString)"],
  string: ["en tekst (valueString)", "a text (valueString)"],
};

export function validateQuestionnaireResponse(env: Env, q: Record<string, unknown>, path: string): void {
  walkResource(env, q, QUESTIONNAIRE_RESPONSE, path, "klgateway-children-questionnaire-response");
  checkDeclaredProfiles(env, q, path, PROFILE_URL.questionnaireResponse);
  checkCode(env, q.status, `${path}.status`, STATUS.questionnaireResponse, "QuestionnaireResponseStatus");
  if (q.subject !== undefined) checkReference(env, q.subject, `${path}.subject`, TARGET.citizen);

  let def: QuestionnaireDef | undefined;
  if (typeof q.questionnaire === "string") {
    def = QUESTIONNAIRES.get(q.questionnaire.split("|")[0]);
    if (!def) env.sink.add("warning", MSG.questionnaireUnknown(`${path}.questionnaire`), `${path}.questionnaire`);
  }

  const seen = new Set<string>();
  const integers = new Map<string, number>();
  for (const { value: item, i } of objects(q.item)) {
    const ip = `${path}.item[${i}]`;
    const answers = objects(item.answer);
    for (const { value: a, i: j } of answers) {
      if (typeof a.valueString === "string") {
        const sp = `${ip}.answer[${j}].valueString`;
        invariant(env, "questionnaire-response-string-length", a.valueString, sp, MSG.stringLength);
      }
    }
    if (!def || typeof item.linkId !== "string") continue;
    const linkId = item.linkId;
    const qi = def.items.get(linkId);
    if (!qi) {
      env.sink.add("error", MSG.answerUnknownItem(`${ip}.linkId`, def.abbreviation), `${ip}.linkId`);
      continue;
    }
    if (seen.has(linkId)) {
      env.sink.add("error", MSG.answerDuplicateItem(ip, def.abbreviation), `${ip}.linkId`);
      continue;
    }
    seen.add(linkId);
    if (answers.length !== 1) continue; // cardinality reported by the walk
    const { value: a, i: j } = answers[0];
    const ap = `${ip}.answer[${j}]`;
    const [tda, ten] = TYPE_TEXT[qi.type];
    switch (qi.type) {
      case "integer": {
        const v = a.valueInteger;
        if (typeof v !== "number" || !Number.isInteger(v)) {
          env.sink.add("error", { ...MSG.answerWrongType(ap, def.abbreviation, tda), en: MSG.answerWrongType(ap, def.abbreviation, ten).en }, ap);
          break;
        }
        if ((qi.min !== undefined && v < qi.min) || (qi.max !== undefined && v > qi.max)) {
          env.sink.add("error", MSG.answerOutOfRange(`${ap}.valueInteger`, def.abbreviation, qi.min, qi.max), `${ap}.valueInteger`);
          break;
        }
        integers.set(linkId, v);
        break;
      }
      case "boolean":
        if (typeof a.valueBoolean !== "boolean") {
          env.sink.add("error", { ...MSG.answerWrongType(ap, def.abbreviation, tda), en: MSG.answerWrongType(ap, def.abbreviation, ten).en }, ap);
        }
        break;
      case "choice": {
        const v = a.valueString;
        if (typeof v !== "string") {
          env.sink.add("error", { ...MSG.answerWrongType(ap, def.abbreviation, tda), en: MSG.answerWrongType(ap, def.abbreviation, ten).en }, ap);
        } else if (qi.options && !qi.options.has(v)) {
          const opts = [...qi.options].map((o) => `'${o}'`).join(", ");
          env.sink.add("error", MSG.answerNotOption(`${ap}.valueString`, def.abbreviation, opts), `${ap}.valueString`);
        }
        break;
      }
      case "string":
        if (typeof a.valueString !== "string") {
          env.sink.add("error", { ...MSG.answerWrongType(ap, def.abbreviation, tda), en: MSG.answerWrongType(ap, def.abbreviation, ten).en }, ap);
        }
        break;
    }
  }

  // Total score = sum of items (EPDS, ADBB, AIMS): a warning.
  if (def && def.summedItems.length > 0 && integers.has("score")) {
    const score = integers.get("score")!;
    let sum = 0;
    let answered = 0;
    for (const id of def.summedItems) {
      const v = integers.get(id);
      if (v !== undefined) {
        sum += v;
        answered++;
      }
    }
    const complete = answered === def.summedItems.length;
    if ((complete && sum !== score) || (!complete && answered > 0 && sum > score)) {
      const items = objects(q.item);
      const si = items.find(({ value }) => value.linkId === "score");
      const sp = si ? `${path}.item[${si.i}].answer[0].valueInteger` : `${path}.item`;
      env.sink.add("warning", MSG.scoreMismatch(sp, def.abbreviation, score, sum, !complete), sp);
    }
  }
}
