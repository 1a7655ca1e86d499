// GET /desk/macros — admins manage macros (canned answers with {{naam}}, {{referentie}} and {{desk}}).
import type { Metadata } from "next";
import { db } from "@/app/_core/db";
import { requirePageRole } from "@/app/_core/guard";
import { listMacros } from "@/app/_modules/tickets/macros";
import { macroArticleChanges } from "@/app/_modules/provenance/macros";
import { MacroManager } from "./MacroManager";
import "../desk.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Macro's" };
export const dynamic = "force-dynamic";

export default async function MacrosPage() {
  const user = await requirePageRole(["admin"], "/desk/macros");
  const macros = await listMacros(db(), { user });
  const changed = await macroArticleChanges(db(), macros);
  return (
    <div className="container desk">
      <Breadcrumbs trail={[{ href: "/desk", label: "Werkbak" }]} current="Macro’s" />
      <h1>Macro’s</h1>
      <p>
        Een macro is een standaardantwoord dat collega’s in hun antwoord kunnen invoegen. Gebruik de plaatshouders{" "}
        <code>{"{{naam}}"}</code> (naam van de beller), <code>{"{{referentie}}"}</code> (vraagnummer) en{" "}
        <code>{"{{desk}}"}</code> (naam van de helpdesk).
      </p>
      <MacroManager
        macros={macros.map((m) => ({
          id: m.id,
          deskId: m.deskId as "po" | "vo-mbo" | null,
          title: m.title,
          body: m.body,
          updatedAt: m.updatedAt.toISOString(),
          createdBy: m.createdBy?.name ?? null,
          changedArticles: (changed[m.id] ?? []).map((c) => ({
            slug: c.slug,
            title: c.title,
            changedAt: c.changedAt.toISOString(),
            published: c.published,
          })),
        }))}
      />
    </div>
  );
}
