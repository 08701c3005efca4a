"use server";
/**
 * SundK changes an indicator's standard: a thin wrapper around lib/indicators/standard-admin.ts, which authorises,
 * validates, applies the standard to the stored results and audits. Answers are form states with Danish messages.
 */
import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/admin/form-state";
import { getViewer } from "@/lib/auth/session";
import { setStandard, StandardRefused } from "@/lib/indicators/standard-admin";
import { formatPercent } from "@/lib/stats/format";

export async function setStandardAction(_: FormState, form: FormData): Promise<FormState> {
  const values = { indicatorId: String(form.get("indicatorId") ?? ""), target: String(form.get("target") ?? ""), provisional: String(form.get("provisional") ?? "") };
  try {
    const r = await setStandard(await getViewer(), values);
    revalidatePath("/", "layout");
    const kind = r.provisional ? "foreløbig" : "fastsat";
    return { status: "ok", message: `Standarden for ${r.indicatorId} er nu ${formatPercent(r.target, 0)} (${kind}); ${r.results} resultater er vurderet igen.`, fields: {} };
  } catch (e) {
    if (e instanceof StandardRefused) return { status: "error", message: e.message, fields: e.fields, values };
    console.error("[standarder] uventet fejl", (e as Error)?.message);
    return { status: "error", message: "Standarden kunne ikke gemmes. Prøv igen.", fields: {}, values };
  }
}
