"use server";
/** A municipal leader's hearing comment (server action; authorised and validated in lib/aarsrapport/workflow.ts). */
import { revalidatePath } from "next/cache";
import { runStep, type ActionState } from "@/lib/aarsrapport/action-state";
import { saveHearingComment } from "@/lib/aarsrapport/workflow";
import { getViewer } from "@/lib/auth/session";

export async function hearingCommentAction(_: ActionState, form: FormData): Promise<ActionState> {
  const state = await runStep(async () => {
    const text = form.get("handling") === "slet" ? "" : (form.get("tekst") ?? undefined);
    const outcome = await saveHearingComment(await getViewer(), form.get("rapport") ?? undefined, form.get("indikator") ?? undefined, text);
    return outcome === "saved" ? "Kommentaren er gemt." : "Kommentaren er slettet.";
  });
  revalidatePath("/aarsrapport/hoering");
  return state;
}
