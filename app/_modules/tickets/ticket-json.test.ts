import { describe, expect, it } from "vitest";
import { readAuditValue, encodeAuditValue } from "@/app/_modules/audit/values";
import { readRefusedAttachments, readTicketTriage, refusedAttachmentsColumn, ticketTriageColumn } from "./ticket-json";

describe("ticket JSON columns", () => {
  it("triage: round-trips, a wrong shape fails by name, readers fall back", () => {
    const t = { desk: "po", topic: "verzuim-melden", reasons: ["Basisschool"], protocolHints: ["truancy-3"] };
    expect(ticketTriageColumn.decode(ticketTriageColumn.encode(t))).toEqual(t);
    expect(() => ticketTriageColumn.decode('{"topic":"x"}')).toThrow(/Ticket\.triage.*desk/);
    expect(readTicketTriage('{"desk":"vo-mbo"}')).toEqual({ desk: "vo-mbo" });
    expect(readTicketTriage("not json")).toBeNull();
    expect(readTicketTriage(null)).toBeNull();
  });

  it("refused attachments: only [{ name, reason }] is read", () => {
    const list = [{ name: "a.exe", reason: "Dit bestandstype nemen wij niet aan." }];
    expect(readRefusedAttachments(refusedAttachmentsColumn.encode(list))).toEqual(list);
    expect(readRefusedAttachments('[{"name":1}]')).toEqual([]);
    expect(readRefusedAttachments("{")).toEqual([]);
    expect(readRefusedAttachments(undefined)).toEqual([]);
  });

  it("audit before/after: any JSON value; undefined stores null; text that is not JSON reads as itself", () => {
    expect(encodeAuditValue(undefined)).toBeNull();
    expect(encodeAuditValue({ status: "open" })).toBe('{"status":"open"}');
    expect(readAuditValue('{"status":"open"}')).toEqual({ status: "open" });
    expect(readAuditValue("handgeschreven")).toBe("handgeschreven");
    expect(readAuditValue(null)).toBeNull();
  });
});
