// npm run user -- --email a@b.nl --deactivate        deactivates the account and ends its sessions
// npm run user -- --email a@b.nl --set-password      new password from CREATE_USER_PASSWORD (or generated and printed)
// npm run user -- --email a@b.nl --end-sessions      logs the user out everywhere
// Each of these ends every session of the account at once (app/_modules/users/service.ts).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { ExpectedError } from "@/app/_core/errors";
import { changeUserPassword, deactivateUser, endUserSessions } from "@/app/_modules/users/service";

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      deactivate: { type: "boolean" },
      "set-password": { type: "boolean" },
      "end-sessions": { type: "boolean" },
    },
  });
  const email = values.email?.trim().toLowerCase();
  const actions = [values.deactivate, values["set-password"], values["end-sessions"]].filter(Boolean).length;
  if (!email || actions !== 1) {
    console.error("usage: npm run user -- --email <address> (--deactivate | --set-password | --end-sessions)");
    process.exit(2);
  }
  const db = createDb(env().DATABASE_URL);
  try {
    const user = await db.user.findUnique({ where: { email } });
    if (!user) throw new Error(`no account with e-mail ${email}`);
    if (values.deactivate) {
      await deactivateUser(db, { userId: user.id });
      console.log(`Deactivated ${email}; its sessions have ended.`);
    } else if (values["set-password"]) {
      const generated = !process.env.CREATE_USER_PASSWORD;
      const password = process.env.CREATE_USER_PASSWORD ?? randomBytes(12).toString("base64url");
      await changeUserPassword(db, { userId: user.id, password });
      console.log(`New password set for ${email}${generated ? `: ${password}` : ""}; its sessions have ended.`);
    } else {
      await endUserSessions(db, { userId: user.id });
      console.log(`Ended every session of ${email}.`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(
    e instanceof ExpectedError
      ? e.issues.map((i) => i.message).join("\n") || e.message
      : e instanceof Error
        ? e.message
        : e,
  );
  process.exit(1);
});
