/**
 * The audit log: who saw or exported record-level or unpublished data, when, and what
 * (filters), and what SundK administrators changed. Append-only in the database (a trigger
 * refuses UPDATE and DELETE); the app offers no way to change an entry.
 */
import type { Viewer } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditAction = "view" | "export" | "comment" | "admin" | "login";

/** Pass the transaction client when the audited change is made in a transaction: both or neither are stored. */
export async function audit(
  viewer: Viewer,
  action: AuditAction,
  resource: string,
  details: Record<string, unknown> = {},
  municipalityCode?: string | null,
  client: Prisma.TransactionClient = db(),
) {
  await client.auditEntry.create({
    data: {
      userId: viewer.kind === "user" ? viewer.id : null,
      username: viewer.kind === "user" ? viewer.username : viewer.kind === "gateway" ? `gateway:${viewer.name}` : null,
      role: viewer.kind === "user" ? viewer.role : viewer.kind,
      action,
      resource,
      municipalityCode: municipalityCode ?? null,
      details: details as object,
    },
  });
}
