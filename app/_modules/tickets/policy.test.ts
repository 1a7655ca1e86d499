import { describe, expect, it } from "vitest";
import type { DeskId, Role, SessionUser } from "@/app/_core/session";
import {
  canAddNote,
  canAssignTo,
  canChangeStatus,
  canCreateTag,
  canManageMacros,
  canMerge,
  canReadAuditLog,
  canReply,
  canTransfer,
  canUseMacros,
  canViewTicket,
} from "./policy";

const user = (role: Role, desks: DeskId[] = []): SessionUser => ({
  id: `${role}-${desks.join("+")}`,
  email: "x@y.z",
  name: "X",
  role,
  desks,
});
const U = {
  po: user("agent", ["po"]),
  ipo: user("agent", ["vo-mbo"]),
  both: user("agent", ["po", "vo-mbo"]),
  admin: user("admin"),
  editor: user("editor", ["po"]),
};
const ticket = (over: Partial<{ deskId: string; status: string; mergedIntoId: string | null }> = {}) => ({
  deskId: "po",
  status: "open",
  mergedIntoId: null,
  ...over,
});

describe("canViewTicket / canReply / canAddNote", () => {
  const cases: [keyof typeof U, ReturnType<typeof ticket>, boolean, boolean, boolean][] = [
    // who, ticket, view, reply, note
    ["po", ticket(), true, true, true],
    ["po", ticket({ deskId: "vo-mbo" }), false, false, false],
    ["ipo", ticket(), false, false, false],
    ["both", ticket({ deskId: "vo-mbo" }), true, true, true],
    ["admin", ticket({ deskId: "vo-mbo" }), true, true, true],
    ["editor", ticket(), false, false, false], // an editor's desk list grants nothing
    ["po", ticket({ status: "closed" }), true, false, true],
    ["po", ticket({ mergedIntoId: "t2" }), true, false, false],
  ];
  for (const [who, t, view, reply, note] of cases) {
    it(`${who} on ${JSON.stringify(t)}`, () => {
      expect([canViewTicket(U[who], t), canReply(U[who], t), canAddNote(U[who], t)]).toEqual([view, reply, note]);
    });
  }
  it("nobody without a session", () => {
    expect([canViewTicket(null, ticket()), canReply(undefined, ticket())]).toEqual([false, false]);
  });
});

describe("canChangeStatus", () => {
  const cases: [string, string, boolean, boolean][] = [
    // from, to, agent, admin
    ["new", "open", true, true],
    ["new", "waiting", true, true],
    ["open", "new", false, false],
    ["open", "waiting", true, true],
    ["waiting", "open", true, true],
    ["waiting", "resolved", true, true],
    ["resolved", "open", true, true],
    ["resolved", "waiting", false, false],
    ["resolved", "closed", true, true],
    ["closed", "open", false, true],
    ["closed", "resolved", false, false],
    ["open", "bogus", false, false],
  ];
  for (const [from, to, agent, admin] of cases) {
    it(`${from} → ${to}`, () => {
      expect([
        canChangeStatus(U.po, ticket({ status: from }), to),
        canChangeStatus(U.admin, ticket({ status: from }), to),
      ]).toEqual([agent, admin]);
    });
  }
  it("not on another desk's or a merged ticket", () => {
    expect(canChangeStatus(U.ipo, ticket(), "resolved")).toBe(false);
    expect(canChangeStatus(U.po, ticket({ mergedIntoId: "x" }), "resolved")).toBe(false);
  });
});

describe("canAssignTo", () => {
  const a = (role: string, desks: string[], active = true) => ({ id: "a", role, desks, active });
  const cases: [string, ReturnType<typeof a> | null, ReturnType<typeof ticket>, boolean][] = [
    ["colleague of the desk", a("agent", ["po"]), ticket(), true],
    ["agent of both desks", a("agent", ["po", "vo-mbo"]), ticket(), true],
    ["agent of the other desk", a("agent", ["vo-mbo"]), ticket(), false],
    ["inactive colleague", a("agent", ["po"], false), ticket(), false],
    ["editor", a("editor", ["po"]), ticket(), false],
    ["admin", a("admin", []), ticket(), true],
    ["nobody (unassign)", null, ticket(), true],
    ["on a closed ticket", a("agent", ["po"]), ticket({ status: "closed" }), false],
  ];
  for (const [name, assignee, t, ok] of cases) it(name, () => expect(canAssignTo(U.po, assignee, t)).toBe(ok));
  it("only for users who can act on the ticket", () => {
    expect(canAssignTo(U.ipo, a("agent", ["po"]), ticket())).toBe(false);
  });
});

describe("canTransfer and canMerge", () => {
  it.each([
    ["po", ticket(), "vo-mbo", true],
    ["po", ticket(), "po", false],
    ["po", ticket(), "hbo", false],
    ["po", ticket({ status: "closed" }), "vo-mbo", false],
    ["ipo", ticket(), "vo-mbo", false],
  ] as const)("%s transfers %j to %s: %s", (who, t, to, ok) => expect(canTransfer(U[who], t, to)).toBe(ok));

  const m = (id: string, email: string, over: Partial<ReturnType<typeof ticket>> = {}) => ({
    ...ticket(over),
    id,
    requesterEmail: email,
  });
  it.each([
    ["same caller", m("a", "x@s.nl"), m("b", "X@s.nl "), "both", true],
    ["other caller", m("a", "x@s.nl"), m("b", "y@s.nl"), "both", false],
    ["into itself", m("a", "x@s.nl"), m("a", "x@s.nl"), "both", false],
    ["into a closed ticket", m("a", "x@s.nl"), m("b", "x@s.nl", { status: "closed" }), "both", false],
    ["target on an invisible desk", m("a", "x@s.nl"), m("b", "x@s.nl", { deskId: "vo-mbo" }), "po", false],
    ["across desks for an agent of both", m("a", "x@s.nl"), m("b", "x@s.nl", { deskId: "vo-mbo" }), "both", true],
  ] as const)("%s", (_name, source, target, who, ok) => expect(canMerge(U[who], source, target)).toBe(ok));
});

describe("admin-only policies", () => {
  it.each(Object.keys(U) as (keyof typeof U)[])("%s", (who) => {
    const admin = who === "admin";
    expect([canCreateTag(U[who]), canManageMacros(U[who]), canReadAuditLog(U[who])]).toEqual([admin, admin, admin]);
    expect(canUseMacros(U[who])).toBe(who !== "editor");
  });
});
