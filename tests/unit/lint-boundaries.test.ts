// The layout rules in eslint.config.mjs are real: a forbidden import in each kind of file fails the lint.
import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..");
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result.messages
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
    .map((m) => m.message);
}

describe("import boundaries", () => {
  it("a pure engine may not import the database, Prisma or Next.js", async () => {
    expect(
      await restricted("app/_modules/protocol/engine/evaluate.ts", 'import { db } from "@/app/_core/db";\nvoid db;\n'),
    ).toHaveLength(1);
    expect(
      await restricted(
        "app/_modules/triage/engine.ts",
        'import { PrismaClient } from "@prisma/client";\nvoid PrismaClient;\n',
      ),
    ).toHaveLength(1);
    expect(
      await restricted(
        "app/_modules/sla/business-time.ts",
        'import { redirect } from "next/navigation";\nvoid redirect;\n',
      ),
    ).toHaveLength(1);
  });

  it("the protocol engine imports neither the database nor the protocol's service part; the service part may", async () => {
    expect(
      await restricted("app/_modules/protocol/engine/rule-text.ts", 'import { db } from "@/app/_core/db";\nvoid db;\n'),
    ).toHaveLength(1);
    expect(
      await restricted(
        "app/_modules/protocol/engine/definition.ts",
        'import { getProtocols } from "../store";\nvoid getProtocols;\n',
      ),
    ).toHaveLength(1);
    expect(
      await restricted(
        "app/_modules/protocol/engine/rule-view.ts",
        'import { runQuickCheck } from "@/app/_modules/protocol/check-service";\nvoid runQuickCheck;\n',
      ),
    ).toHaveLength(1);
    // The verzuimcheck's form side is shipped to the browser: it is held to the same rule.
    expect(
      await restricted("app/_modules/protocol/check-input.ts", 'import { db } from "@/app/_core/db";\nvoid db;\n'),
    ).toHaveLength(1);
    expect(
      await restricted(
        "app/_modules/protocol/engine/evaluate.ts",
        'import { parseDay } from "./dates";\nvoid parseDay;\n',
      ),
    ).toEqual([]);
    expect(
      await restricted("app/_modules/protocol/store.ts", 'import { db } from "@/app/_core/db";\nvoid db;\n'),
    ).toEqual([]);
  });

  it("app/_core may not import a page or route group", async () => {
    expect(
      await restricted("app/_core/startup.ts", 'import { x } from "@/app/(editor)/redactie/publishing";\nvoid x;\n'),
    ).toHaveLength(1);
    // import() is not an import declaration: no-restricted-syntax catches it.
    expect(
      await restricted("app/_core/startup.ts", 'void import("@/app/(editor)/redactie/publishing");\n'),
    ).toHaveLength(1);
    expect(await restricted("app/_core/startup.ts", 'void import("../(desk)/desk/queue");\n')).toHaveLength(1);
    expect(await restricted("app/_core/startup.ts", 'void import("node:diagnostics_channel");\n')).toEqual([]);
  });

  it("app/_lib (the one Tiptap schema) imports no module, component or page, so no loop runs through it", async () => {
    expect(
      await restricted(
        "app/_lib/tiptap/extensions.ts",
        'import { x } from "@/app/_modules/articles/render";\nvoid x;\n',
      ),
    ).toHaveLength(1);
    expect(
      await restricted(
        "app/_lib/tiptap/extensions.ts",
        'import { x } from "../../_components/editor/ArticleEditor";\nvoid x;\n',
      ),
    ).toHaveLength(1);
    expect(
      await restricted("app/_lib/tiptap/extensions.ts", 'import { NODE } from "./doc-types";\nvoid NODE;\n'),
    ).toEqual([]);
  });

  it("public pages may not import desk or editor code", async () => {
    expect(
      await restricted("app/(portal)/zoeken/page.tsx", 'import { x } from "@/app/(desk)/desk/queue";\nvoid x;\n'),
    ).toHaveLength(1);
  });

  it("domain modules may not read request headers", async () => {
    expect(
      await restricted(
        "app/_modules/tickets/caller-service.ts",
        'import { headers } from "next/headers";\nvoid headers;\n',
      ),
    ).toHaveLength(1);
  });

  it("allowed imports pass", async () => {
    expect(
      await restricted("app/_modules/tickets/caller-service.ts", 'import { db } from "@/app/_core/db";\nvoid db;\n'),
    ).toEqual([]);
    expect(
      await restricted("app/(desk)/desk/page.tsx", 'import { headers } from "next/headers";\nvoid headers;\n'),
    ).toEqual([]);
  });
});
