import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseEml } from "./eml";
import {
  createEmlFolderTransport,
  createSmtpTransport,
  createTransport,
  emlFileName,
  type SmtpTransport,
} from "./transport";

const FROM = "Informatiepunt Onderwijs <noreply@ipo.example.nl>";
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mail-test-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("createEmlFolderTransport", () => {
  it("writes an .eml that parses back with a non-ASCII subject and body", async () => {
    const outbox = path.join(dir, "nested", "mail"); // created on first send
    const transport = createEmlFolderTransport(outbox, FROM, { now: () => new Date("2025-06-16T08:00:00.123Z") });
    await transport.send({
      to: "Zoë de Boer <zoe@school.example.nl>",
      subject: "Uw vraag is ontvangen – één stap",
      text: "Beste Zoë,\n\nWe hebben uw vraag over het verzuim ontvangen. Café, reünie, één.",
      html: "<p>Beste Zoë,</p><p>Café, reünie, één.</p>",
      messageId: "ticket-42.confirm@ipo.example.nl",
    });
    const files = await readdir(outbox);
    expect(files).toEqual(["ticket-42confirm.eml"]);
    const raw = await readFile(path.join(outbox, files[0]), "utf8");
    expect(raw).toMatch(/^[\x00-\x7f]*$/);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    const mail = parseEml(raw);
    expect(mail.headers.subject).toBe("Uw vraag is ontvangen – één stap");
    expect(mail.headers.from).toBe(FROM);
    expect(mail.headers.to).toBe("Zoë de Boer <zoe@school.example.nl>");
    expect(mail.headers.date).toBe("Mon, 16 Jun 2025 08:00:00 +0000");
    expect(mail.headers["message-id"]).toBe("<ticket-42.confirm@ipo.example.nl>");
    expect(mail.headers["mime-version"]).toBe("1.0");
    expect(mail.text).toBe("Beste Zoë,\n\nWe hebben uw vraag over het verzuim ontvangen. Café, reünie, één.");
    expect(mail.html).toBe("<p>Beste Zoë,</p><p>Café, reünie, één.</p>");
  });

  it("writes one file per mail and leaves no temp files", async () => {
    const transport = createEmlFolderTransport(dir, FROM);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        transport.send({ to: "a@school.example.nl", subject: `Mail ${i}`, text: `Tekst ${i}` }),
      ),
    );
    const files = await readdir(dir);
    expect(files).toHaveLength(5);
    expect(files.every((f) => /^\d{8}T\d{9}Z-[0-9a-f-]+\.eml$/.test(f))).toBe(true);
    const subjects = await Promise.all(
      files.map(async (f) => parseEml(await readFile(path.join(dir, f), "utf8")).headers.subject),
    );
    expect(subjects.sort()).toEqual(["Mail 0", "Mail 1", "Mail 2", "Mail 3", "Mail 4"]);
  });

  it("rejects a bad recipient and writes nothing", async () => {
    const transport = createEmlFolderTransport(dir, FROM);
    await expect(transport.send({ to: "geen-adres", subject: "x", text: "y" })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it("turns an outbox row id into a full Message-ID and a file named by it; the same mail is never written twice", async () => {
    const transport = createEmlFolderTransport(dir, FROM, { now: () => new Date("2025-06-16T08:00:00Z") });
    expect(
      await transport.send({ to: "a@school.example.nl", subject: "x", text: "y", messageId: "cmb1x2y3z0000" }),
    ).toBe("sent");
    const before = await readFile(path.join(dir, "cmb1x2y3z0000.eml"), "utf8");
    expect(
      await transport.send({ to: "a@school.example.nl", subject: "x2", text: "y2", messageId: "cmb1x2y3z0000" }),
    ).toBe("already-sent");
    // Two workers at once: one writes, the other finds it written.
    const race = await Promise.all(
      [0, 1].map(() => transport.send({ to: "a@school.example.nl", subject: "z", text: "z", messageId: "cmb1race" })),
    );
    expect(race.sort()).toEqual(["already-sent", "sent"]);
    expect((await readdir(dir)).sort()).toEqual(["cmb1race.eml", "cmb1x2y3z0000.eml"]);
    expect(await readFile(path.join(dir, "cmb1x2y3z0000.eml"), "utf8")).toBe(before);
    const files = ["cmb1x2y3z0000.eml"];
    expect(parseEml(await readFile(path.join(dir, files[0]), "utf8")).headers["message-id"]).toBe(
      "<cmb1x2y3z0000@ipo.example.nl>",
    );
  });

  it("names files by time and message id", () => {
    expect(emlFileName(new Date("2025-01-02T03:04:05.006Z"), "<abc.def@x.nl>")).toBe("20250102T030405006Z-abcdef.eml");
    expect(emlFileName(new Date("2025-01-02T03:04:05.006Z"), "<...@x.nl>")).toMatch(
      /^20250102T030405006Z-[0-9a-f]{16}\.eml$/,
    );
  });
});

describe("createSmtpTransport", () => {
  it("builds an SMTP transport from a URL without connecting", () => {
    const t = createSmtpTransport("smtps://user:geheim@mail.example.nl:465", FROM);
    expect(t.kind).toBe("smtp");
    const options = (t.transporter as unknown as { options: Record<string, unknown> }).options;
    expect(options).toMatchObject({
      host: "mail.example.nl",
      port: 465,
      secure: true,
      auth: { user: "user", pass: "geheim" },
    });
  });

  it("hands the message to nodemailer (jsonTransport from URL options)", async () => {
    const t = createSmtpTransport("smtp://localhost:2525/?jsonTransport=true", FROM);
    const spy = vi.spyOn(t.transporter, "sendMail");
    await t.send({
      to: "a@school.example.nl, Zoë <z@school.example.nl>",
      subject: "Uw vraag is ontvangen – één stap",
      text: "Tekst met é",
      html: "<p>é</p>",
      messageId: "m1@ipo.example.nl",
      inReplyTo: "m0@ipo.example.nl",
    });
    expect(spy).toHaveBeenCalledOnce();
    const info = (await spy.mock.results[0].value) as { message: string };
    const json = JSON.parse(info.message) as Record<string, unknown>;
    expect(json).toMatchObject({
      subject: "Uw vraag is ontvangen – één stap",
      text: "Tekst met é",
      html: "<p>é</p>",
      messageId: "<m1@ipo.example.nl>",
      inReplyTo: "<m0@ipo.example.nl>",
    });
    expect(json.from).toMatchObject({ address: "noreply@ipo.example.nl", name: "Informatiepunt Onderwijs" });
    expect(json.to).toEqual([
      { address: "a@school.example.nl", name: "" },
      { address: "z@school.example.nl", name: "Zoë" },
    ]);
  });

  it("produces a MIME message with an encoded subject (streamTransport)", async () => {
    const t = createSmtpTransport("smtp://localhost/?streamTransport=true&buffer=true&newline=windows", FROM);
    const spy = vi.spyOn(t.transporter, "sendMail");
    await t.send({
      to: "a@school.example.nl",
      subject: "Uw vraag is ontvangen – één stap",
      text: "Beste Zoë, één vraag.",
    });
    const info = (await spy.mock.results[0].value) as { message: Buffer };
    const mail = parseEml(info.message.toString("utf8"));
    expect(mail.headers.subject).toBe("Uw vraag is ontvangen – één stap");
    expect(mail.text).toBe("Beste Zoë, één vraag.");
  });

  it("rejects when delivery fails, so the outbox can retry", async () => {
    const t = createSmtpTransport("smtp://localhost/?jsonTransport=true", FROM);
    vi.spyOn(t.transporter, "sendMail").mockRejectedValueOnce(new Error("550 mailbox unavailable"));
    await expect(t.send({ to: "a@school.example.nl", subject: "x", text: "y" })).rejects.toThrow("550");
  });
});

describe("createTransport", () => {
  it.each([
    [{ SMTP_URL: "smtp://mail.example.nl:587", MAIL_DIR: "./x", MAIL_FROM: FROM }, "smtp"],
    [{ SMTP_URL: "", MAIL_DIR: "./x", MAIL_FROM: FROM }, "eml"],
    [{ MAIL_DIR: "./x", MAIL_FROM: FROM }, "eml"],
  ])("%j → %s", (env, kind) => {
    expect(createTransport(env).kind).toBe(kind);
  });

  it("resolves MAIL_DIR and uses MAIL_FROM", async () => {
    const t = createTransport({ MAIL_DIR: dir, MAIL_FROM: FROM });
    expect(t.kind === "eml" && t.dir).toBe(path.resolve(dir));
    await t.send({ to: "a@school.example.nl", subject: "x", text: "y" });
    const [file] = await readdir(dir);
    expect(parseEml(await readFile(path.join(dir, file), "utf8")).headers.from).toBe(FROM);
    expect((t as SmtpTransport).transporter).toBeUndefined();
  });
});
