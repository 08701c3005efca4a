"use server";
/**
 * SundK maps SOR codes to municipalities: thin wrappers around lib/organisations/admin.ts, which authorises,
 * validates, marks the affected citizens for the next refresh and audits. Answers are form states with Danish messages.
 */
import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/admin/form-state";
import { AdminRefused } from "@/lib/accounts/admin";
import { getViewer } from "@/lib/auth/session";
import { deleteOrganisation, saveOrganisation, type OrganisationChange } from "@/lib/organisations/admin";

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

async function attempt(values: Record<string, string>, fn: () => Promise<string>): Promise<FormState> {
  try {
    const message = await fn();
    revalidatePath("/admin/organisationer");
    return { status: "ok", message, fields: {} };
  } catch (e) {
    if (e instanceof AdminRefused) return { status: "error", message: e.message, fields: e.fields, values };
    console.error("[organisationer] uventet fejl", (e as Error)?.message);
    return { status: "error", message: "Ændringen kunne ikke gemmes. Prøv igen.", fields: {}, values };
  }
}

const effect = (c: OrganisationChange) =>
  `Ændringen slår igennem i resultaterne ved næste genberegning; ${c.marked === 1 ? "1 borger er markeret" : `${c.marked} borgere er markeret`} til den.`;

export async function saveOrganisationAction(_: FormState, form: FormData): Promise<FormState> {
  const values = { sorCode: text(form, "sorCode"), name: text(form, "name"), municipalityCode: text(form, "municipalityCode") };
  return attempt(values, async () => {
    const c = await saveOrganisation(await getViewer(), values);
    const where = `${c.municipalityName} (${c.municipalityCode})`;
    if (c.handling === "uændret") return `SOR-koden ${c.sorCode} var allerede knyttet til ${where} med det navn. Intet er ændret.`;
    if (c.marked === 0 && c.handling === "ændr") return `Navnet på SOR-koden ${c.sorCode} er ændret. Kommunen er uændret, så resultaterne påvirkes ikke.`;
    return `SOR-koden ${c.sorCode} er nu knyttet til ${where}. ${c.marked === 0 ? "Ingen indberetninger bærer endnu koden, så ingen resultater ændres nu; kommende indberetninger tælles med i kommunen." : effect(c)}`;
  });
}

export async function deleteOrganisationAction(_: FormState, form: FormData): Promise<FormState> {
  const values = { sorCode: text(form, "sorCode") };
  return attempt(values, async () => {
    const c = await deleteOrganisation(await getViewer(), values);
    return `Tilknytningen af SOR-koden ${c.sorCode} til ${c.municipalityName} (${c.municipalityCode}) er slettet.`;
  });
}
