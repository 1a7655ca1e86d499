// GET /desk/rapportages/export?section=…&from=…&to=…[&desk=…] — one report section as CSV (agents and admins;
// only the desks the user works for). An anonymous browser is sent to the login page, like the other desk pages.
import { z } from "zod";
import { getSessionUser } from "@/app/_core/auth";
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { reportQuerySchema } from "@/app/_modules/reports/schema";
import { buildContactReport, contactReportCsv } from "@/app/_modules/reports/contacts";
import { buildReport, csvFileName, isReportSection, reportToCsv } from "@/app/_modules/reports/service";

const query = z
  .object({
    section: z.preprocess(
      (v) => (Array.isArray(v) ? v[0] : v),
      z.string().refine((v) => v === "contacten" || isReportSection(v), "Kies een onderdeel van de rapportage."),
    ),
    from: z.unknown().optional(),
    to: z.unknown().optional(),
    desk: z.unknown().optional(),
  })
  .transform((v, ctx) => {
    const p = reportQuerySchema.safeParse({ from: v.from, to: v.to, desk: v.desk });
    if (!p.success) {
      for (const i of p.error.issues) ctx.addIssue({ code: "custom", path: i.path, message: i.message });
      return z.NEVER;
    }
    return { section: v.section as Parameters<typeof reportToCsv>[1] | "contacten", ...p.data };
  });

const handler = route({ name: "GET /desk/rapportages/export", roles: ["agent"], query }, async ({ query: q, user }) => {
  const report = await buildReport(db(), { user: user, from: q.from, to: q.to, desks: q.desks });
  const csv =
    q.section === "contacten"
      ? contactReportCsv(
          await buildContactReport(db(), {
            desks: report.desks.map((d) => d.id),
            from: report.period.from,
            to: report.period.to,
          }),
        )
      : reportToCsv(report, q.section);
  const file =
    q.section === "contacten"
      ? `rapportage-contacten-${report.period.from}-tot-${report.period.to}.csv`
      : csvFileName(report, q.section);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});

export async function GET(req: Request): Promise<Response> {
  if (!(await getSessionUser())) {
    const url = new URL(req.url);
    return new Response(null, {
      status: 303,
      headers: { location: `/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}` },
    });
  }
  return handler(req);
}
