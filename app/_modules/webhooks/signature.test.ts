// Signature, receiver verification with the replay window, the backoff schedule and the URL policy (pure code).
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  REPLAY_WINDOW_SECONDS,
  retryDelayMs,
  signatureHeader,
  verifySignature,
  WEBHOOK_MAX_ATTEMPTS,
} from "./signature";
import { checkWebhookUrl, isInternalAddress } from "./url";

const secret = "whsec_testgeheim_1234567890";
const body = JSON.stringify({ id: "evt1", type: "ticket.created", data: { reference: "PO-2026-000001" } });
const at = new Date("2026-03-03T09:00:00Z");

describe("signature", () => {
  it("is t=<unix>,v1=HMAC-SHA256(secret, `${t}.${body}`) in hex", () => {
    const t = Math.floor(at.getTime() / 1000);
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(signatureHeader(secret, body, at)).toBe(`t=${t},v1=${expected}`);
  });

  it("verifies within the replay window; refuses another body, secret, an old or future timestamp, and garbage", () => {
    const h = signatureHeader(secret, body, at);
    expect(verifySignature(secret, h, body, new Date(at.getTime() + 60_000))).toMatchObject({ ok: true });
    expect(verifySignature(secret, h, `${body} `, at)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature("een ander geheim", h, body, at)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(secret, h, body, new Date(at.getTime() + (REPLAY_WINDOW_SECONDS + 1) * 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifySignature(secret, h, body, new Date(at.getTime() - (REPLAY_WINDOW_SECONDS + 1) * 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
    for (const bad of [undefined, "", "t=abc,v1=00", `t=${Math.floor(at.getTime() / 1000)}`, "v1=" + "a".repeat(64)]) {
      expect(verifySignature(secret, bad, body, at)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});

describe("backoff", () => {
  it("30 s doubling per failure, at most 6 hours, no retry after the last attempt", () => {
    expect(Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)! / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3840, 7680,
    ]);
    expect(retryDelayMs(WEBHOOK_MAX_ATTEMPTS)).toBeNull();
    expect(retryDelayMs(0)).toBe(0);
  });
});

describe("webhook URL", () => {
  const noDns = async () => ["93.184.215.14"];
  it("http(s) only, no credentials, a real URL", async () => {
    expect(
      await checkWebhookUrl("https://ontvanger.example/hook", { allowInternal: false, resolve: noDns }),
    ).toMatchObject({ ok: true });
    expect(await checkWebhookUrl("ftp://ontvanger.example/", { allowInternal: true })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/http:\/\/ of https:\/\//),
    });
    expect(await checkWebhookUrl("javascript:alert(1)", { allowInternal: true })).toMatchObject({ ok: false });
    expect(await checkWebhookUrl("ontvanger.example", { allowInternal: true })).toMatchObject({ ok: false });
    expect(await checkWebhookUrl("https://a:b@ontvanger.example/", { allowInternal: true })).toMatchObject({
      ok: false,
    });
  });

  it("refuses loopback, private, link-local and names resolving to them unless allowed", async () => {
    for (const u of [
      "http://127.0.0.1:8080/",
      "http://localhost/",
      "http://10.1.2.3/",
      "http://192.168.1.1/",
      "http://169.254.169.254/latest",
      "http://[::1]/",
      "http://[fd00::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://0.0.0.0/",
    ]) {
      expect(await checkWebhookUrl(u, { allowInternal: false, resolve: noDns }), u).toMatchObject({
        ok: false,
        message: expect.stringMatching(/intern of lokaal/),
      });
      expect(await checkWebhookUrl(u, { allowInternal: true }), u).toMatchObject({ ok: true });
    }
    expect(
      await checkWebhookUrl("https://intern.example/", {
        allowInternal: false,
        resolve: async () => ["93.184.215.14", "10.0.0.5"],
      }),
    ).toMatchObject({ ok: false });
    expect(
      await checkWebhookUrl("https://weg.example/", {
        allowInternal: false,
        resolve: async () => {
          throw new Error("ENOTFOUND");
        },
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/bestaat niet/) });
    expect(isInternalAddress("172.20.0.1")).toBe(true);
    expect(isInternalAddress("172.32.0.1")).toBe(false);
    expect(isInternalAddress("8.8.8.8")).toBe(false);
  });
});
