// npm run create-token -- --name NAME --desks po,vo-mbo --scopes tickets:read,tickets:write,contacts:write [--expires 2027-01-01]
// Creates an API token for the integration API. The token is printed once, on the last line; only its hash is kept.
import { parseArgs } from "node:util";
import { createDb } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { isExpectedError } from "@/app/_core/errors";
import { createApiToken } from "@/app/_modules/apitokens/service";

async function main() {
  const { values } = parseArgs({
    options: {
      name: { type: "string" },
      desks: { type: "string" },
      scopes: { type: "string" },
      expires: { type: "string" },
    },
  });
  const list = (v: string | undefined) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const db = createDb(env().DATABASE_URL);
  try {
    const t = await createApiToken(
      db,
      {
        name: values.name ?? "",
        desks: list(values.desks) as never,
        scopes: list(values.scopes) as never,
        expiresAt: values.expires,
      },
      null,
    );
    console.log(
      `Created API token "${t.name}" (${t.prefix}…) for desks ${t.desks.join(", ")} with scopes ${t.scopes.join(", ")}${t.expiresAt ? `, expires ${t.expiresAt.toISOString()}` : ""}.`,
    );
    console.log("The token is shown only now; store it safely:");
    console.log(t.token);
  } catch (e) {
    if (isExpectedError(e)) {
      console.error(e.message);
      for (const i of e.issues) console.error(`${i.path}: ${i.message}`);
      process.exitCode = 2;
    } else throw e;
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
