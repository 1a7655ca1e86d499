// npm run import-organisations -- FILE.csv
// Imports organisations from a CSV in DUO's open-data column layout (see README, "Organisations"). Idempotent:
// prints what was added, changed and refused (line number, column, reason). Exit code 1 when a row was refused.
import fs from "node:fs";
import { createDb } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { importOrganisations } from "@/app/_modules/organisations/import";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run import-organisations -- FILE.csv");
    process.exit(2);
  }
  if (!fs.existsSync(file)) {
    console.error(`File not found: ${file}`);
    process.exit(2);
  }
  const db = createDb(env().DATABASE_URL);
  try {
    const r = await importOrganisations(db, fs.readFileSync(file, "utf8"));
    for (const a of r.added) console.log(`added    line ${a.line}: ${a.kind} ${a.code ?? "-"} ${a.name}`);
    for (const c of r.changed)
      console.log(`changed  line ${c.line}: ${c.kind} ${c.code ?? "-"} ${c.name} (${c.fields.join(", ")})`);
    for (const x of r.refused) console.log(`refused  line ${x.line}, column ${x.field}: ${x.message}`);
    console.log(
      `${r.added.length} added, ${r.changed.length} changed, ${r.unchanged} unchanged, ${r.refused.length} refused.`,
    );
    process.exitCode = r.refused.length ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

void main();
