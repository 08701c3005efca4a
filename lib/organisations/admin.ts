/**
 * SundK maintains the SOR code → municipality mapping (PRODUCT.md "Data in" 5): a child counts for the municipality of
 * the custodian on its latest report (lib/indicators/facts.ts), visits for that of their custodian
 * (lib/completeness/aggregate.ts) – both looked up in `organisation` when a refresh computes them, so a change applies
 * to data already received. Every change authorises the actor through the access rules (`admin`), validates its
 * input, and in one transaction makes the change, marks the citizens whose reports or visits carry the SOR code for
 * the next refresh (`refresh_citizen`, as the ingest does) and writes its audit entry (who, SOR code, before → after).
 *
 * Changes are made under the refresh lock, exclusively, as a standard change is (lib/indicators/standard-admin.ts): a
 * refresh running meanwhile finishes the transaction it is in with the old mapping, and its later ones read the new
 * one. The marks get the clock time after the lock, not the transaction's start: a refresh clears only the marks made
 * before it started, so a change that waited for the lock is not cleared by the refresh it waited for.
 */
import { AdminRefused } from "@/lib/accounts/admin";
import { fieldErrors } from "@/lib/accounts/input";
import { audit } from "@/lib/audit";
import { decide } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { REFRESH_LOCK } from "@/lib/indicators/refresh";
import { deleteOrganisationSchema, organisationSchema } from "./input";

const FORBIDDEN = "Du har ikke adgang til at ændre organisationer.";
const NOT_SAVED = "Tilknytningen er ikke gemt.";
const BUSY = "En genberegning af resultaterne er i gang. Prøv igen om lidt – intet er ændret.";

type Tx = Prisma.TransactionClient;
type Admin = Extract<Viewer, { kind: "user" }>;

function authorise(actor: Viewer): Admin {
  if (actor.kind !== "user" || !decide(actor, "admin").allow) throw new AdminRefused(FORBIDDEN);
  return actor;
}

/** A refresh transaction can hold the lock for a while; past that the administrator is told, rather than kept waiting. */
const LOCK_WAIT = "15s";

const lockTimedOut = (e: unknown) =>
  (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta?.driverAdapterError?.cause?.originalCode === "55P03";

async function underRefreshLock<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db().$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK[0]}::int, ${REFRESH_LOCK[1]}::int)`;
        return fn(tx);
      },
      // marking a large municipality's code at national scale (~10⁵ citizens) takes seconds, not minutes
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (e) {
    if (lockTimedOut(e)) throw new AdminRefused(BUSY);
    throw e;
  }
}

/** Citizens whose custodian rows or visits carry the SOR code. */
const CARRIERS = (sorCode: string) => Prisma.sql`
  SELECT citizen_id FROM citizen_custodian WHERE sor_code = ${sorCode} UNION SELECT citizen_id FROM encounter WHERE sor_code = ${sorCode}`;

/** Marks them for the next refresh; returns how many. */
async function markCarriers(tx: Tx, sorCode: string): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO refresh_citizen (citizen_id, marked_at)
    SELECT x.citizen_id, t.at FROM (SELECT clock_timestamp() AS at) t CROSS JOIN (${CARRIERS(sorCode)}) x
    ON CONFLICT (citizen_id) DO UPDATE SET marked_at = EXCLUDED.marked_at`;
}

async function countCarriers(tx: Tx, sorCode: string): Promise<number> {
  return (await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${CARRIERS(sorCode)}) x`)[0].n;
}

export interface OrganisationChange {
  sorCode: string;
  handling: "opret" | "ændr" | "slet" | "uændret";
  name: string;
  municipalityCode: string;
  municipalityName: string;
  /** citizens marked for the next refresh */
  marked: number;
}

/** Creates the mapping of a SOR code, or changes its name or municipality. */
export async function saveOrganisation(actor: Viewer, input: unknown): Promise<OrganisationChange> {
  const admin = authorise(actor);
  const parsed = organisationSchema.safeParse(input);
  if (!parsed.success) throw new AdminRefused(NOT_SAVED, fieldErrors(parsed.error));
  const next = parsed.data;
  return underRefreshLock(async (tx) => {
    const municipality = await tx.municipality.findUnique({ where: { code: next.municipalityCode } });
    if (!municipality) throw new AdminRefused(NOT_SAVED, { municipalityCode: `Kommunekoden ${next.municipalityCode} findes ikke.` });
    const before = await tx.organisation.findUnique({ where: { sorCode: next.sorCode } });
    const result = { sorCode: next.sorCode, name: next.name, municipalityCode: next.municipalityCode, municipalityName: municipality.name };
    if (before && before.name === next.name && before.municipalityCode === next.municipalityCode) return { ...result, handling: "uændret", marked: 0 };
    await tx.organisation.upsert({
      where: { sorCode: next.sorCode },
      create: { sorCode: next.sorCode, name: next.name, municipalityCode: next.municipalityCode },
      update: { name: next.name, municipalityCode: next.municipalityCode },
    });
    // only the municipality places children and visits: a new name changes no result
    const marked = before?.municipalityCode === next.municipalityCode ? 0 : await markCarriers(tx, next.sorCode);
    const handling = before ? "ændr" : "opret";
    await audit(admin, "admin", "organisation", {
      handling, sorKode: next.sorCode,
      før: before ? { navn: before.name, kommune: before.municipalityCode } : null,
      efter: { navn: next.name, kommune: next.municipalityCode },
      markeretTilGenberegning: marked,
    }, next.municipalityCode, tx);
    return { ...result, handling, marked };
  });
}

/**
 * Deletes the mapping of a SOR code no report or visit carries. One that reports carry is refused: deleting it would
 * quietly move every child reported under it out of its municipality (it would count for the nation only), a change
 * easy to make by mistake and hard to notice in the results. A wrong mapping is corrected by changing its
 * municipality, which keeps the children placed.
 */
export async function deleteOrganisation(actor: Viewer, input: unknown): Promise<OrganisationChange> {
  const admin = authorise(actor);
  const parsed = deleteOrganisationSchema.safeParse(input);
  if (!parsed.success) throw new AdminRefused("Tilknytningen er ikke slettet.", fieldErrors(parsed.error));
  const { sorCode } = parsed.data;
  return underRefreshLock(async (tx) => {
    const before = await tx.organisation.findUnique({ where: { sorCode }, include: { municipality: true } });
    if (!before) throw new AdminRefused(`SOR-koden ${sorCode} er ikke knyttet til en kommune.`);
    const carriers = await countCarriers(tx, sorCode);
    if (carriers > 0)
      throw new AdminRefused(
        `SOR-koden ${sorCode} findes i indberetninger om ${carriers === 1 ? "1 borger" : `${carriers} borgere`} og kan ikke slettes: børnene ville så kun tælle med på landsplan. Ret i stedet kommunen, hvis tilknytningen er forkert.`,
      );
    await tx.organisation.delete({ where: { sorCode } });
    await audit(admin, "admin", "organisation", { handling: "slet", sorKode: sorCode, før: { navn: before.name, kommune: before.municipalityCode }, efter: null }, before.municipalityCode, tx);
    return { sorCode, handling: "slet", name: before.name, municipalityCode: before.municipalityCode, municipalityName: before.municipality.name, marked: 0 };
  });
}
