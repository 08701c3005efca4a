/**
 * The audit log: who saw or exported record-level or unpublished data, when, and what
 * (filters). Append-only in the database (a trigger refuses UPDATE and DELETE).
 */
import type { Viewer } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";

export type AuditAction = "view" | "export" | "comment" | "admin" | "login";

export async function audit(viewer: Viewer, action: AuditAction, resource: string, details: Record<string, unknown> = {}, municipalityCode?: string | null) {
  await db().auditEntry.create({
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
