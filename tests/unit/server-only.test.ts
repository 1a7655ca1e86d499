// `import "server-only"` is a real boundary: no module a "use client" file brings into the browser bundle carries
// the marker (next build would fail on it), and a client component that imports a server module is caught here,
// without a build.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientReachable, importsServerOnly, readSources, type SourceFiles } from "./import-graph";

const root = path.resolve(__dirname, "..", "..");

/** The server-only modules a client component reaches, each with the import chain from the client file. */
function violations(files: SourceFiles): string[] {
  const reached = clientReachable(files);
  return [...reached]
    .filter(([file]) => importsServerOnly(file, files.get(file)!))
    .map(([, chain]) => chain.join(" → "));
}

// Transpiling the client graph takes about 15 s alone and more beside other test files on two cores.
describe("server-only", { timeout: 120_000 }, () => {
  const files = readSources(root, ["app"]);

  it("no client component reaches a module marked server-only", () => {
    expect(violations(files)).toEqual([]);
  });

  it("the server side carries the marker: the database, the session and the domain services", () => {
    for (const file of [
      "app/_core/db.ts",
      "app/_core/auth.ts",
      "app/_core/route.ts",
      "app/_modules/tickets/intake.ts",
      "app/_modules/search/service.ts",
    ]) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
      expect(importsServerOnly(file, files.get(file)!), file).toBe(true);
    }
  });

  it("a client component that imports a server module, directly or through another file, is caught", () => {
    const direct = new Map(files);
    direct.set(
      "app/_components/Leak.tsx",
      '"use client";\nimport { db } from "@/app/_core/db";\nexport const Leak = () => <p>{String(db)}</p>;\n',
    );
    expect(violations(direct)).toContain("app/_components/Leak.tsx → app/_core/db.ts");
    expect(violations(direct).every((chain) => chain.startsWith("app/_components/Leak.tsx → app/_core/db.ts"))).toBe(
      true,
    );

    const indirect = new Map(files);
    indirect.set(
      "app/_components/helper.ts",
      'import { env } from "../_core/env";\nexport const mode = () => env();\n',
    );
    indirect.set(
      "app/_components/Leak.tsx",
      '"use client";\nimport { mode } from "./helper";\nexport const Leak = () => <p>{mode()}</p>;\n',
    );
    expect(violations(indirect)).toContain("app/_components/Leak.tsx → app/_components/helper.ts → app/_core/env.ts");
  });

  it("a type-only import and a server action are not code in the client bundle", () => {
    const withTypes = new Map(files);
    withTypes.set(
      "app/_components/Typed.tsx",
      '"use client";\nimport type { SessionUser } from "@/app/_core/session";\nimport { Role } from "@/app/_core/session";\n' +
        "export const Typed = (p: { u: SessionUser; r: Role }) => <p>{p.u.id}</p>;\n",
    );
    withTypes.set(
      "app/_components/actions.ts",
      '"use server";\nimport { db } from "@/app/_core/db";\nexport async function act() { await db().$connect(); }\n',
    );
    withTypes.set(
      "app/_components/Form.tsx",
      '"use client";\nimport { act } from "./actions";\nexport const Form = () => <form action={act} />;\n',
    );
    expect(violations(withTypes)).toEqual([]);
  });
});
