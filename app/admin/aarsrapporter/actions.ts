"use server";
/**
 * SundK's steps of the annual-report workflow as server actions (forms that work without JavaScript). Authorisation
 * and validation happen in lib/aarsrapport/workflow.ts, through the access rules; this file only reads the form.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runStep, type ActionState } from "@/lib/aarsrapport/action-state";
import { STEP_LABEL, WorkflowError } from "@/lib/aarsrapport/rules";
import * as workflow from "@/lib/aarsrapport/workflow";
import { getViewer } from "@/lib/auth/session";

const field = (form: FormData, name: string) => form.get(name) ?? undefined;

function confirmed(form: FormData, what: string) {
  if (form.get("bekraeft") !== "ja") throw new WorkflowError(`Sæt flueben for at bekræfte, at ${what}.`);
}

function refresh(id: FormDataEntryValue | undefined) {
  revalidatePath("/admin/aarsrapporter");
  revalidatePath(`/admin/aarsrapporter/${String(id)}`);
  revalidatePath("/aarsrapport", "layout");
}

/** After a new version is frozen, its page (redirect outside runStep: Next signals it by throwing). */
async function toNewVersion(state: ActionState, created: { id: number }): Promise<ActionState> {
  if (!state.ok) return state;
  revalidatePath("/admin/aarsrapporter");
  redirect(`/admin/aarsrapporter/${created.id}`);
}

export async function createReportAction(_: ActionState, form: FormData): Promise<ActionState> {
  const created = { id: 0 };
  const state = await runStep(async () => {
    created.id = (await workflow.createReport(await getViewer(), field(form, "aar"))).id;
    return "Årsrapporten er oprettet og resultaterne frosset.";
  });
  return toNewVersion(state, created);
}

export async function correctionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const created = { id: 0 };
  const state = await runStep(async () => {
    const viewer = await getViewer();
    confirmed(form, "der skal oprettes en rettelse");
    created.id = (await workflow.createCorrection(viewer, field(form, "aar"), field(form, "note"))).id;
    return "Rettelsen er oprettet.";
  });
  return toNewVersion(state, created);
}

export async function startHearingAction(_: ActionState, form: FormData): Promise<ActionState> {
  const id = field(form, "rapport");
  const state = await runStep(async () => {
    await workflow.startHearing(await getViewer(), id, field(form, "frist"));
    return "Rapporten er sendt i høring hos kommunerne.";
  });
  refresh(id);
  return state;
}

export async function changeDeadlineAction(_: ActionState, form: FormData): Promise<ActionState> {
  const id = field(form, "rapport");
  const state = await runStep(async () => {
    await workflow.changeDeadline(await getViewer(), id, field(form, "frist"));
    return "Høringsfristen er ændret.";
  });
  refresh(id);
  return state;
}

export async function endHearingAction(_: ActionState, form: FormData): Promise<ActionState> {
  const id = field(form, "rapport");
  const state = await runStep(async () => {
    const viewer = await getViewer();
    confirmed(form, "høringen skal afsluttes nu");
    await workflow.endHearing(viewer, id);
    return "Høringen er afsluttet.";
  });
  refresh(id);
  return state;
}

export async function summaryAction(_: ActionState, form: FormData): Promise<ActionState> {
  const id = field(form, "rapport");
  const state = await runStep(async () => {
    await workflow.saveSummary(await getViewer(), id, field(form, "tekst"));
    return "Sammenfatningen er gemt.";
  });
  refresh(id);
  return state;
}

export async function commentaryAction(_: ActionState, form: FormData): Promise<ActionState> {
  const id = field(form, "rapport");
  const state = await runStep(async () => {
    const text = form.get("handling") === "slet" ? "" : field(form, "tekst");
    const step = await workflow.saveCommentary(await getViewer(), id, field(form, "indikator"), text);
    return `${STEP_LABEL[step]}.`;
  });
  refresh(id);
  return state;
}

export async function publishAction(_: ActionState, form: FormData): Promise<ActionState> {
  const id = field(form, "rapport");
  const state = await runStep(async () => {
    const viewer = await getViewer();
    confirmed(form, "rapporten skal offentliggøres");
    await workflow.publish(viewer, id);
    return "Rapporten er offentliggjort.";
  });
  refresh(id);
  return state;
}

export async function discardAction(_: ActionState, form: FormData): Promise<ActionState> {
  const id = field(form, "rapport");
  const state = await runStep(async () => {
    const viewer = await getViewer();
    confirmed(form, "kladden skal kasseres");
    await workflow.discardDraft(viewer, id, field(form, "begrundelse"));
    return "Kladden er kasseret. Året kan nu fryses igen.";
  });
  refresh(id);
  return state;
}
