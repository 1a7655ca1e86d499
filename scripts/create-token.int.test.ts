// npm run create-token: prints the token once, on the last line; only its hash is stored, with desks and scopes.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiToken } from "@/app/_core/api-token";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..");
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const createToken = (args: string[]) =>
  run(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/create-token.ts", ...args],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: t.url },
    },
  );

describe("create-token", () => {
  it("prints the token on the last line and stores only its hash", async () => {
    const { stdout } = await createToken([
      "--name",
      "Telefooncentrale",
      "--desks",
      "po,vo-mbo",
      "--scopes",
      "tickets:read,tickets:write,contacts:write",
    ]);
    const lines = stdout.trim().split("\n");
    const token = lines[lines.length - 1]!;
    expect(token).toMatch(/^hdp_[A-Za-z0-9_-]{32}$/);
    expect(stdout.split(token).length).toBe(2);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(token) } });
    expect(row).toMatchObject({
      name: "Telefooncentrale",
      desks: '["po","vo-mbo"]',
      scopes: '["contacts:write","tickets:read","tickets:write"]',
      revokedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await t.db.auditEvent.count({ where: { action: "apitoken.created", entityId: row.id } })).toBe(1);
  });

  it("refuses an unknown scope or desk with a clear message and stores nothing", async () => {
    const before = await t.db.apiToken.count();
    const err = await createToken(["--name", "X", "--desks", "mbo", "--scopes", "alles"]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toMatch(/desks\.0: Kies de desk po of vo-mbo/);
    expect((err as { stderr: string }).stderr).toMatch(/scopes\.0: Kies uit/);
    expect(await t.db.apiToken.count()).toBe(before);
  });
});
