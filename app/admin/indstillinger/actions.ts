"use server";
/**
 * SundK changes the coverage warning threshold: a thin wrapper around lib/completeness/threshold-admin.ts, which
 * authorises, validates, stores and audits. Answers are form states with Danish messages.
 */
import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/admin/form-state";
import { getViewer } from "@/lib/auth/session";
import { AdminRefused } from "@/lib/accounts/admin";
import { setCoverageWarningThreshold } from "@/lib/completeness/threshold-admin";
import { formatPercent } from "@/lib/stats/format";

export async function setThresholdAction(_: FormState, form: FormData): Promise<FormState> {
  const values = { threshold: String(form.get("threshold") ?? "") };
  try {
    const r = await setCoverageWarningThreshold(await getViewer(), values);
    revalidatePath("/", "layout");
    return { status: "ok", message: `Grænsen for advarsel om lav dækningsgrad er nu ${formatPercent(r.threshold, 0)}.`, fields: {} };
  } catch (e) {
    if (e instanceof AdminRefused) return { status: "error", message: e.message, fields: e.fields, values };
    console.error("[indstillinger] uventet fejl", (e as Error)?.message);
    return { status: "error", message: "Grænsen kunne ikke gemmes. Prøv igen.", fields: {}, values };
  }
}
