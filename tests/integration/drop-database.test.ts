/**
 * dropDatabase waits out a backend of another role (as an autovacuum worker is, to a
 * non-superuser) instead of failing — the cause of a flaky test teardown in CI.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase } from "@/lib/db/drop-database";
import { admin, serverUrl } from "./helpers/db";

const tag = randomBytes(4).toString("hex");
const owner = `ldbu_t_owner_${tag}`;
const other = `ldbu_t_other_${tag}`;
const password = randomBytes(12).toString("hex");
const database = `ldbu_t_drop_${tag}`;

function as(role: string, db: string): pg.Client {
  const u = new URL(serverUrl(db));
  u.username = role;
  u.password = password;
  return new pg.Client({ connectionString: u.toString() });
}

// Creating roles needs CREATEROLE: the embedded server has it; CI's PostgreSQL role does not.
const mayCreateRoles = await admin(async (c) => (await c.query("SELECT rolsuper OR rolcreaterole AS ok FROM pg_roles WHERE rolname = current_user")).rows[0].ok as boolean);

describe.skipIf(!mayCreateRoles)("dropDatabase", () => {
  beforeAll(async () => {
    await admin(async (c) => {
      await c.query(`CREATE ROLE ${owner} LOGIN CREATEDB PASSWORD '${password}'`);
      await c.query(`CREATE ROLE ${other} LOGIN PASSWORD '${password}'`);
    });
  });

  afterAll(async () => {
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS ${owner}`);
      await c.query(`DROP ROLE IF EXISTS ${other}`);
    });
  });

  it("refuses while another role's backend stays, and drops once it has gone", async () => {
    const ownerClient = as(owner, "postgres");
    await ownerClient.connect();
    try {
      await ownerClient.query(`CREATE DATABASE ${database}`);
      const visitor = as(other, database);
      await visitor.connect();

      // Two quick attempts while the other role's backend is there: PostgreSQL's refusal comes through.
      await expect(dropDatabase(ownerClient, database, 2)).rejects.toMatchObject({ code: "42501" });

      // It leaves after a moment (as autovacuum does); the default attempts wait for it.
      setTimeout(() => void visitor.end(), 600);
      await dropDatabase(ownerClient, database);
      const left = await ownerClient.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
      expect(left.rowCount).toBe(0);
    } finally {
      await ownerClient.end();
    }
  });
});
