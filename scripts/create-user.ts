// npm run create-user -- --email a@b.nl --name "Naam" --role agent --desks po,vo-mbo
// Creates a staff account (production seeds none). The password is read from CREATE_USER_PASSWORD or generated.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb } from "@/app/_core/db";
import { env } from "@/app/_core/env";
import { hashPassword } from "@/app/_core/password";
import { DESK_IDS, ROLES } from "@/app/_core/session";

const schema = z
  .object({
    email: z.string().trim().toLowerCase().email(),
    name: z.string().trim().min(2),
    role: z.enum(ROLES),
    desks: z.array(z.enum(DESK_IDS as ["po", "vo-mbo"])),
    password: z.string().min(12, "password must be at least 12 characters"),
  })
  .refine((u) => u.role !== "agent" || u.desks.length > 0, {
    message: "an agent needs at least one desk",
    path: ["desks"],
  });

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      desks: { type: "string" },
    },
  });
  const generated = !process.env.CREATE_USER_PASSWORD;
  const password = process.env.CREATE_USER_PASSWORD ?? randomBytes(12).toString("base64url");
  const parsed = schema.safeParse({ ...values, desks: (values.desks ?? "").split(",").filter(Boolean), password });
  if (!parsed.success) {
    for (const i of parsed.error.issues) console.error(`${i.path.join(".")}: ${i.message}`);
    process.exit(2);
  }
  const u = parsed.data;
  const db = createDb(env().DATABASE_URL);
  try {
    await db.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: await hashPassword(u.password),
        desks: { create: u.desks.map((deskId) => ({ deskId })) },
      },
    });
    console.log(`Created ${u.role} ${u.email}${generated ? ` with password: ${password}` : ""}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
