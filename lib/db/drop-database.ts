/**
 * Drops a database even while clients are connected. DROP … WITH (FORCE) refuses (42501) while
 * a backend of another role is in it; to a non-superuser (CI's role, a production login) an
 * autovacuum worker is such a backend, and it ends within moments — so wait and try again.
 */
import type pg from "pg";

export async function dropDatabase(admin: pg.ClientBase, name: string, attempts = 20): Promise<void> {
  const ident = `"${name.replaceAll('"', '""')}"`;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "42501" || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
