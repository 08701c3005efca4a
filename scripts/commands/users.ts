import { createUser } from "@/lib/auth/users";
import { isRole, ROLES } from "@/lib/auth/roles";
import { closeDb } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/server";
import { parse } from "./args";
import { prepareDatabase } from "./db";
import type { Command } from "./types";

export const createUserCmd: Command = {
  summary: "Opret en bruger: --username --name --role <rolle> [--kommune <kode>]; adgangskode fra LDBU_NEW_PASSWORD",
  async run(args) {
    const { values } = parse(args, {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      kommune: { type: "string" },
    });
    const password = process.env.LDBU_NEW_PASSWORD;
    if (!values.username || !values.role || !password || !isRole(values.role)) {
      console.error(`Brug: LDBU_NEW_PASSWORD=… npm run ldbu -- create-user --username <navn> --name "<fulde navn>" --role <${ROLES.join("|")}> [--kommune <kode>]`);
      console.error("(Adgangskoden læses fra miljøet, så den ikke havner i shell-historikken.)");
      return 2;
    }
    const db = await resolveDatabase();
    process.env.DATABASE_URL = db.url;
    try {
      await prepareDatabase(db.url);
      const u = await createUser({
        username: values.username,
        name: values.name ?? values.username,
        role: values.role,
        municipalityCode: values.kommune ?? null,
        password,
      });
      console.log(`Oprettede ${u.username} (${u.role}${u.municipalityCode ? `, kommune ${u.municipalityCode}` : ""}).`);
    } finally {
      await closeDb();
      await db.stop();
    }
  },
};
