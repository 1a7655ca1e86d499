import { describe, expect, it } from "vitest";
import { auditChanges } from "./labels";

describe("auditChanges", () => {
  it("lists only the changed fields, in words, without internal ids", () => {
    expect(auditChanges({ status: "new" }, { status: "open", resolutionDueAt: "2026-03-09T12:00:00.000Z" })).toEqual([
      { field: "status", label: "Status", before: "Nieuw", after: "Open" },
      { field: "resolutionDueAt", label: "Oplossen vóór", before: "", after: "9 mrt 2026, 13:00" },
    ]);
    expect(auditChanges({ assigneeId: "cabc", name: null }, { assigneeId: "cdef", name: "Petra de Vries" })).toEqual([
      { field: "name", label: "Behandelaar", before: "—", after: "Petra de Vries" },
    ]);
    const moved = auditChanges(
      { deskId: "po", reference: "PO-2026-000001", assigneeId: null, resolutionDueAt: null },
      {
        deskId: "vo-mbo",
        reference: "IPO-2026-000009",
        assigneeId: null,
        resolutionDueAt: null,
        reason: "Hoort bij het IPO.",
      },
    );
    expect(moved.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      "Helpdesk: BRON PO → IPO (VO/MBO)",
      "Vraagnummer: PO-2026-000001 → IPO-2026-000009",
      "Reden:  → Hoort bij het IPO.",
    ]);
    expect(auditChanges({ tags: ["a"] }, { tags: ["a", "b"] })).toEqual([
      { field: "tags", label: "Tags", before: "a", after: "a, b" },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});
