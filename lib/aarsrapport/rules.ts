/**
 * The annual-report workflow as pure rules: which step is allowed in which state, the hearing deadline, and the
 * validation of what SundK and the municipal leaders type. lib/aarsrapport/workflow.ts applies them to the database
 * (where a trigger enforces the same immutability once a report is published).
 */
import { z } from "zod";
import { formatNumber } from "@/lib/stats/format";

export type ReportStatus = "draft" | "hearing" | "published" | "superseded" | "discarded";

export const STATUS_LABEL: Record<ReportStatus, string> = {
  draft: "Kladde",
  hearing: "I høring",
  published: "Offentliggjort",
  superseded: "Erstattet af nyere version",
  discarded: "Kasseret",
};

/** The recorded steps (annual_report_event.step) and how the history names them. */
export const STEP_LABEL = {
  created: "Oprettet og frosset",
  "correction-created": "Rettelse oprettet og frosset",
  "hearing-started": "Høring startet",
  "deadline-changed": "Høringsfrist ændret",
  "hearing-ended": "Høring afsluttet",
  "hearing-comment": "Høringskommentar gemt",
  "hearing-comment-deleted": "Høringskommentar slettet",
  commentary: "SundK-kommentar gemt",
  "commentary-deleted": "SundK-kommentar slettet",
  summary: "Sammenfatning gemt",
  published: "Offentliggjort",
  superseded: "Erstattet af nyere version",
  discarded: "Kladde kasseret",
} as const;
export type Step = keyof typeof STEP_LABEL;

/** A refused step: the message is Danish and safe to show. */
export class WorkflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkflowError";
  }
}

export interface ReportState {
  status: ReportStatus;
  version: number;
  hearingDeadline: Date | null;
  /** A correction of a published version (it has a change note), not the year's first report. */
  correction: boolean;
}

export const isOpen = (s: Pick<ReportState, "status">) => s.status === "draft" || s.status === "hearing";

/** Whether municipalities may still write: in hearing and not past the deadline (inclusive). */
export function hearingOpen(s: Pick<ReportState, "status" | "hearingDeadline">, now: Date): boolean {
  return s.status === "hearing" && s.hearingDeadline !== null && now.getTime() <= s.hearingDeadline.getTime();
}

function refuse(message: string): never {
  throw new WorkflowError(message);
}

/** Why a report that is no longer open cannot be changed. */
const closed = (s: Pick<ReportState, "status">) =>
  s.status === "discarded" ? "Rapporten er kasseret og kan ikke ændres." : "Rapporten er offentliggjort og kan ikke ændres. Opret en rettelse for at ændre den.";

export function checkStartHearing(s: ReportState, deadline: Date, now: Date) {
  if (s.status !== "draft") refuse(s.status === "hearing" ? "Rapporten er allerede i høring." : closed(s));
  checkDeadline(deadline, now);
}

export function checkChangeDeadline(s: ReportState, deadline: Date, now: Date) {
  if (s.status !== "hearing") refuse("Høringsfristen kan kun ændres, mens rapporten er i høring.");
  checkDeadline(deadline, now);
}

export function checkEndHearing(s: ReportState, now: Date) {
  if (!hearingOpen(s, now)) refuse("Høringen er ikke åben.");
}

function checkDeadline(deadline: Date, now: Date) {
  if (deadline.getTime() <= now.getTime()) refuse("Høringsfristen skal ligge i fremtiden.");
}

/** A municipal leader's comment: only while the hearing is open. */
export function checkHearingComment(s: ReportState, now: Date) {
  if (s.status === "hearing" && !hearingOpen(s, now)) refuse("Høringsfristen er udløbet. Kommentarer kan ikke længere gemmes, rettes eller slettes.");
  if (s.status !== "hearing") refuse(isOpen(s) ? "Rapporten er ikke sendt i høring endnu." : s.status === "discarded" ? closed(s) : "Rapporten er offentliggjort og kan ikke længere kommenteres.");
}

/** SundK's commentary and summary: until publishing. */
export function checkEditorial(s: ReportState) {
  if (!isOpen(s)) refuse(closed(s));
}

/**
 * Publishing: the year's first report only after its hearing has ended (municipalities keep their right to comment
 * until the deadline), whatever its version number (an earlier draft may have been discarded); a correction may be
 * published from draft, or after a hearing of its own.
 */
export function checkPublish(s: ReportState, now: Date) {
  if (!isOpen(s)) refuse(s.status === "discarded" ? closed(s) : "Rapporten er allerede offentliggjort.");
  if (s.status === "draft" && !s.correction) refuse("Rapporten skal i høring hos kommunerne, før den kan offentliggøres.");
  if (hearingOpen(s, now)) refuse("Høringen er ikke afsluttet. Vent til høringsfristen er udløbet, eller afslut høringen først.");
}

/**
 * Discarding: only a draft, which no municipality has seen; a report in hearing has been commented on, and a published
 * one is public (correct it with a new version instead).
 */
export function checkDiscard(s: ReportState) {
  if (s.status === "hearing") refuse("En rapport i høring kan ikke kasseres: kommunerne er blevet hørt. Offentliggør den, og opret derefter en rettelse.");
  if (s.status === "discarded") refuse("Rapporten er allerede kasseret.");
  if (s.status !== "draft") refuse("En offentliggjort rapport kan ikke kasseres. Opret en rettelse i stedet.");
}

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} mangler.` })
    .transform((t) => t.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(max, `${what} må højst være ${formatNumber(max)} tegn.`));

/** A comment or commentary; empty text means "no comment" (deletes it). */
export const commentText = text(4000, "Kommentaren");
export const summaryText = text(20000, "Sammenfatningen");
export const changeNote = text(2000, "Ændringsnoten").pipe(z.string().min(10, "Skriv en ændringsnote på mindst 10 tegn, der forklarer rettelsen."));
export const discardReason = text(2000, "Begrundelsen").pipe(z.string().min(10, "Skriv en begrundelse på mindst 10 tegn for at kassere kladden."));

export const reportYear = z.coerce
  .number({ error: "Vælg et år." })
  .int("Vælg et år.")
  .min(2000, "Året skal ligge mellem 2000 og 2100.")
  .max(2100, "Året skal ligge mellem 2000 og 2100.");

export const indicatorId = z.string({ error: "Ukendt indikator." }).regex(/^LDBU-\d{2}$/, "Ukendt indikator.");

export const reportId = z.coerce.number({ error: "Ukendt årsrapport." }).int("Ukendt årsrapport.").positive("Ukendt årsrapport.");

/** A date picked in a form ("YYYY-MM-DD") → the end of that day in Danish time (a deadline includes the whole day). */
export const deadlineDate = z
  .string({ error: "Vælg en høringsfrist." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Vælg en høringsfrist (dato).")
  .transform((d, ctx) => {
    const end = endOfDanishDay(d);
    if (!end) {
      ctx.addIssue({ code: "custom", message: "Høringsfristen er ikke en gyldig dato." });
      return z.NEVER;
    }
    return end;
  });

const DANISH_PARTS = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** 23:59:59.999 Europe/Copenhagen on the given calendar day, or null if the day does not exist. */
export function endOfDanishDay(isoDate: string): Date | null {
  const [y, m, d] = isoDate.split("-").map(Number);
  const utc = Date.UTC(y, m - 1, d, 23, 59, 59, 999);
  if (new Date(utc).getUTCDate() !== d || new Date(utc).getUTCMonth() !== m - 1) return null;
  // Danish time is UTC+1 (winter) or UTC+2 (summer); the right offset is the one that lands on 23:59 that day.
  for (const hours of [2, 1]) {
    const t = new Date(utc - hours * 3_600_000);
    const p = Object.fromEntries(DANISH_PARTS.formatToParts(t).map((x) => [x.type, x.value]));
    if (`${p.year}-${p.month}-${p.day}` === isoDate && p.hour === "23" && p.minute === "59") return t;
  }
  return null;
}

/** The Danish calendar day of an instant ("YYYY-MM-DD"), for date inputs. */
export function danishDate(t: Date): string {
  const p = Object.fromEntries(DANISH_PARTS.formatToParts(t).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

const DATE_TIME = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
const DATE = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", day: "numeric", month: "long", year: "numeric" });

export const dateTimeText = (t: Date) => DATE_TIME.format(t);
export const dateText = (t: Date) => DATE.format(t);

/** Parse user input; a problem becomes a WorkflowError with the first Danish message. */
export function valid<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new WorkflowError(r.error.issues[0]?.message ?? "Ugyldigt input.");
  return r.data;
}
