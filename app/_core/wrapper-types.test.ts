// The wrappers' types: with `roles` the handler's user is a SessionUser (no `user!`), without it may be null.
// `npm run typecheck` checks this file: a wrong overload makes the @ts-expect-error lines or the plain ones fail.
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { action } from "./action";
import { route } from "./route";
import type { SessionUser } from "./session";

describe("route() and action() types", () => {
  it("hand a non-null user to a handler with roles, and a nullable one without", () => {
    const staffRoute = route({ name: "t.staff", roles: ["agent"] }, async ({ user }) => {
      expectTypeOf(user).toEqualTypeOf<SessionUser>();
      return { id: user.id };
    });
    const publicRoute = route({ name: "t.public" }, async ({ user }) => {
      expectTypeOf(user).toEqualTypeOf<SessionUser | null>();
      // @ts-expect-error a public route's user may be null
      return { id: user.id };
    });
    const staffAction = action(
      { name: "t.staff", roles: ["editor"], schema: z.object({}) },
      async (_input, { user }) => {
        expectTypeOf(user).toEqualTypeOf<SessionUser>();
        return user.role;
      },
    );
    const publicAction = action({ name: "t.public", schema: z.object({}) }, async (_input, { user }) => {
      expectTypeOf(user).toEqualTypeOf<SessionUser | null>();
      // @ts-expect-error a public action's user may be null
      return user.role;
    });
    for (const fn of [staffRoute, publicRoute, staffAction, publicAction]) expect(typeof fn).toBe("function");
  });
});
