import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, useAsAppDb, type TestDb } from "@/tests/helpers/db";
import { localFolderStorage } from "@/app/_modules/storage/storage";
import { attachmentForAgent, attachmentForCaller, downloadResponse } from "./attachments";
import { seedDesksAndStaff, type Staff } from "@/tests/helpers/desk-fixtures";
import { createTicket } from "./create-ticket";

let t: TestDb;
let staff: Staff;
let ref: string;
let token: string;
let attachmentId: string;

beforeAll(async () => {
  t = await createTestDb();
  useAsAppDb(t);
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "att-"));
  staff = await seedDesksAndStaff(t.db);
  const created = await createTicket(t.db, {
    input: {
      callerType: "vo-school",
      organisation: "School",
      topic: "verzuim-melden",
      question: "Zie de bijlage met de foutmelding.",
      name: "Jan",
      email: "jan@school.test",
    },
    deskId: "vo-mbo",
    storage: localFolderStorage(process.env.UPLOAD_DIR),
    attachments: [{ name: "fout melding é.txt", bytes: new TextEncoder().encode("regel 1\nregel 2") }],
  });
  ref = created.reference;
  token = created.followUpToken;
  attachmentId = (await t.db.attachment.findFirstOrThrow({ where: { ticket: { reference: ref } } })).id;
});
afterAll(async () => {
  await t.drop();
});

describe("attachment downloads", () => {
  it("serve the agent of the ticket's desk as a download with the checked type", async () => {
    const res = await downloadResponse(
      await attachmentForAgent(t.db, { user: staff.ipo, reference: ref, id: attachmentId }),
    );
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="fout melding _.txt"; filename\*=UTF-8''fout%20melding%20%C3%A9.txt$/,
    );
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    expect(await res.text()).toBe("regel 1\nregel 2");
  });

  it("are a 404 for another desk's agent, an editor, a wrong reference and a wrong id", async () => {
    await expect(attachmentForAgent(t.db, { user: staff.po, reference: ref, id: attachmentId })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      attachmentForAgent(t.db, { user: staff.editor, reference: ref, id: attachmentId }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      attachmentForAgent(t.db, { user: staff.ipo, reference: "IPO-2026-999999", id: attachmentId }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(attachmentForAgent(t.db, { user: staff.ipo, reference: ref, id: "nope" })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("serve the caller through the follow-up token only", async () => {
    expect((await attachmentForCaller(t.db, { token, id: attachmentId })).fileName).toBe("fout melding é.txt");
    await expect(attachmentForCaller(t.db, { token: "x".repeat(43), id: attachmentId })).rejects.toMatchObject({
      status: 404,
    });
  });
});
