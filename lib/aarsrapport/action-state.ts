/**
 * What a workflow form shows after its server action: a confirmation or a refusal in Danish. Refusals of the workflow
 * (WorkflowError) are shown as they are; anything else is logged on the server and answered with a plain message, so
 * no stack trace or SQL error reaches the page.
 */
import { WorkflowError } from "./rules";

export interface ActionState {
  ok: boolean | null;
  message: string | null;
}

export async function runStep(fn: () => Promise<string>): Promise<ActionState> {
  try {
    return { ok: true, message: await fn() };
  } catch (e) {
    if (e instanceof WorkflowError) return { ok: false, message: e.message };
    console.error("[aarsrapport]", e);
    return { ok: false, message: "Handlingen kunne ikke gennemføres på grund af en fejl på serveren. Prøv igen om lidt." };
  }
}
