"use server";
/**
 * Server actions of the user administration: thin wrappers that pass the signed-in viewer to lib/accounts/admin.ts,
 * which authorises, validates and audits. Answers are form states with Danish messages; never a stack trace.
 */
import { revalidatePath } from "next/cache";
import { AdminRefused, changeUserAccount, createUserAccount, resetUserPassword, setUserActive } from "@/lib/accounts/admin";
import { getViewer } from "@/lib/auth/session";
import type { FormState } from "@/components/admin/form-state";

async function attempt(form: FormData, fn: () => Promise<Partial<FormState>>): Promise<FormState> {
  const values = Object.fromEntries([...form.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, String(v)]));
  try {
    const r = await fn();
    revalidatePath("/admin/brugere", "layout");
    return { status: "ok", message: "", fields: {}, ...r };
  } catch (e) {
    if (e instanceof AdminRefused) return { status: "error", message: e.message, fields: e.fields, values };
    console.error("[admin] uventet fejl", (e as Error)?.message);
    return { status: "error", message: "Ændringen kunne ikke gemmes. Prøv igen.", fields: {}, values };
  }
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");
const userId = (form: FormData) => Number(text(form, "id")) || 0;

export async function createUserAction(_: FormState, form: FormData): Promise<FormState> {
  return attempt(form, async () => {
    const u = await createUserAccount(await getViewer(), { username: text(form, "username"), name: text(form, "name"), role: text(form, "role"), municipalityCode: text(form, "municipalityCode") });
    return { message: `Brugeren ${u.username} er oprettet.`, password: u.password, username: u.username, userId: u.id };
  });
}

export async function changeUserAction(_: FormState, form: FormData): Promise<FormState> {
  return attempt(form, async () => {
    await changeUserAccount(await getViewer(), userId(form), { name: text(form, "name"), role: text(form, "role"), municipalityCode: text(form, "municipalityCode") });
    return { message: "Ændringerne er gemt." };
  });
}

export async function setActiveAction(_: FormState, form: FormData): Promise<FormState> {
  return attempt(form, async () => {
    const active = text(form, "active") === "true";
    await setUserActive(await getViewer(), userId(form), active);
    return { message: active ? "Brugeren er genaktiveret." : "Brugeren er deaktiveret, og brugerens sessioner er afsluttet." };
  });
}

export async function resetPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  return attempt(form, async () => {
    const r = await resetUserPassword(await getViewer(), userId(form));
    return { message: `Ny adgangskode til ${r.username}. Brugerens sessioner er afsluttet.`, password: r.password, username: r.username };
  });
}
