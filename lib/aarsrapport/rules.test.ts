import { describe, expect, it } from "vitest";
import {
  changeNote,
  checkDiscard,
  checkEditorial,
  checkEndHearing,
  checkHearingComment,
  checkPublish,
  checkStartHearing,
  commentText,
  danishDate,
  deadlineDate,
  discardReason,
  endOfDanishDay,
  hearingOpen,
  reportYear,
  WorkflowError,
  type ReportState,
} from "./rules";

const now = new Date("2026-03-01T12:00:00Z");
const before = new Date("2026-02-28T12:00:00Z");
const after = new Date("2026-03-02T12:00:00Z");
/** A report's state; `version` > 1 is a correction (it has a change note) unless `correction` says otherwise. */
const state = (status: ReportState["status"], deadline: Date | null = null, version = 1, correction = version > 1): ReportState => ({ status, version, hearingDeadline: deadline, correction });
const refused = (fn: () => void, message: RegExp) => expect(fn).toThrow(message);

describe("hearing deadline", () => {
  it("is the end of the chosen day in Danish time, summer and winter", () => {
    expect(endOfDanishDay("2026-07-01")?.toISOString()).toBe("2026-07-01T21:59:59.999Z");
    expect(endOfDanishDay("2026-12-01")?.toISOString()).toBe("2026-12-01T22:59:59.999Z");
    expect(endOfDanishDay("2026-03-29")?.toISOString()).toBe("2026-03-29T21:59:59.999Z"); // the day summer time starts
    expect(endOfDanishDay("2026-02-30")).toBeNull();
    expect(danishDate(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  });

  it("parses form input and rejects what is not a date, in Danish", () => {
    expect(deadlineDate.parse("2026-04-15").toISOString()).toBe("2026-04-15T21:59:59.999Z");
    expect(deadlineDate.safeParse("15-04-2026").error?.issues[0].message).toBe("Vælg en høringsfrist (dato).");
    expect(deadlineDate.safeParse("2026-13-01").error?.issues[0].message).toBe("Høringsfristen er ikke en gyldig dato.");
    expect(deadlineDate.safeParse(undefined).error?.issues[0].message).toBe("Vælg en høringsfrist.");
  });

  it("keeps the hearing open up to and including the deadline", () => {
    expect(hearingOpen(state("hearing", now), now)).toBe(true);
    expect(hearingOpen(state("hearing", now), new Date(now.getTime() + 1))).toBe(false);
    expect(hearingOpen(state("draft"), before)).toBe(false);
  });
});

describe("state machine", () => {
  it("starts a hearing only from draft, with a deadline in the future", () => {
    expect(() => checkStartHearing(state("draft"), after, now)).not.toThrow();
    refused(() => checkStartHearing(state("draft"), before, now), /fremtiden/);
    refused(() => checkStartHearing(state("hearing", after), after, now), /allerede i høring/);
    refused(() => checkStartHearing(state("published"), after, now), /offentliggjort/);
  });

  it("takes municipal comments only during an open hearing", () => {
    expect(() => checkHearingComment(state("hearing", after), now)).not.toThrow();
    refused(() => checkHearingComment(state("hearing", before), now), /Høringsfristen er udløbet/);
    refused(() => checkHearingComment(state("draft"), now), /ikke sendt i høring/);
    refused(() => checkHearingComment(state("published"), now), /offentliggjort/);
    refused(() => checkHearingComment(state("superseded"), now), /offentliggjort/);
  });

  it("lets SundK edit commentary and summary until publishing", () => {
    expect(() => checkEditorial(state("draft"))).not.toThrow();
    expect(() => checkEditorial(state("hearing", after))).not.toThrow();
    refused(() => checkEditorial(state("published")), /rettelse/);
    refused(() => checkEditorial(state("superseded")), /rettelse/);
  });

  it("publishes the first version only after its hearing, a correction also from draft", () => {
    refused(() => checkPublish(state("draft"), now), /høring hos kommunerne/);
    refused(() => checkPublish(state("hearing", after), now), /ikke afsluttet/);
    expect(() => checkPublish(state("hearing", before), now)).not.toThrow();
    expect(() => checkPublish(state("draft", null, 2), now)).not.toThrow();
    refused(() => checkPublish(state("hearing", after, 2), now), /ikke afsluttet/);
    refused(() => checkPublish(state("published"), now), /allerede offentliggjort/);
  });

  it("needs the hearing for the year's first report whatever its version, as after a discarded draft", () => {
    refused(() => checkPublish(state("draft", null, 2, false), now), /høring hos kommunerne/);
    expect(() => checkPublish(state("hearing", before, 2, false), now)).not.toThrow();
    refused(() => checkPublish(state("discarded"), now), /kasseret/);
  });

  it("discards only a draft", () => {
    expect(() => checkDiscard(state("draft"))).not.toThrow();
    expect(() => checkDiscard(state("draft", null, 2))).not.toThrow();
    refused(() => checkDiscard(state("hearing", after)), /i høring kan ikke kasseres/);
    refused(() => checkDiscard(state("published")), /rettelse/);
    refused(() => checkDiscard(state("superseded")), /rettelse/);
    refused(() => checkDiscard(state("discarded")), /allerede kasseret/);
  });

  it("changes nothing of a discarded report", () => {
    refused(() => checkEditorial(state("discarded")), /kasseret/);
    refused(() => checkStartHearing(state("discarded"), after, now), /kasseret/);
    refused(() => checkHearingComment(state("discarded"), now), /kasseret/);
  });

  it("wants a reason of at least 10 characters to discard", () => {
    expect(discardReason.parse("  Frosset for tidligt.  ")).toBe("Frosset for tidligt.");
    expect(discardReason.safeParse("For tidlig").success).toBe(true);
    expect(discardReason.safeParse("Fejl").error?.issues[0].message).toMatch(/mindst 10 tegn/);
    expect(discardReason.safeParse(undefined).error?.issues[0].message).toBe("Begrundelsen mangler.");
  });

  it("ends only an open hearing", () => {
    expect(() => checkEndHearing(state("hearing", after), now)).not.toThrow();
    refused(() => checkEndHearing(state("hearing", before), now), /ikke åben/);
    refused(() => checkEndHearing(state("draft"), now), /ikke åben/);
  });

  it("refuses with a WorkflowError (a Danish message safe to show)", () => {
    expect(() => checkPublish(state("published"), now)).toThrow(WorkflowError);
  });
});

describe("input validation", () => {
  it("trims comments, treats blank as no comment and caps the length", () => {
    expect(commentText.parse("  God pointe \r\n")).toBe("God pointe");
    expect(commentText.parse("   ")).toBe("");
    expect(commentText.safeParse("x".repeat(4001)).error?.issues[0].message).toBe("Kommentaren må højst være 4.000 tegn.");
    expect(commentText.safeParse(undefined).success).toBe(false);
  });

  it("requires a change note that explains the correction", () => {
    expect(changeNote.parse(" Rettet fejl i LDBU-05 ")).toBe("Rettet fejl i LDBU-05");
    expect(changeNote.safeParse("kort").error?.issues[0].message).toMatch(/mindst 10 tegn/);
    expect(changeNote.safeParse("").success).toBe(false);
  });

  it("accepts a year as a whole number in range", () => {
    expect(reportYear.parse("2025")).toBe(2025);
    expect(reportYear.safeParse("20x5").success).toBe(false);
    expect(reportYear.safeParse("1999").success).toBe(false);
    expect(reportYear.safeParse("2025.5").success).toBe(false);
  });
});
