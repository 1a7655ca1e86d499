// GET /desk/rapportages/export?section=…&from=…&to=…[&desk=…] — one report section as CSV (agents and admins;
// only the desks the user works for). An anonymous browser is sent to the login page, like the other desk pages.
import { getSessionUser } from "@/app/_core/auth";
import { db } from "@/app/_core/db";
import { route } from "@/app/_core/route";
import { buildContactReport, contactReportCsv } from "@/app/_modules/reports/contacts";
import { reportExportQuerySchema } from "@/app/_modules/reports/export-query";
import { buildReport, csvFileName, reportToCsv } from "@/app/_modules/reports/service";

const handler = route(
  { name: "GET /desk/rapportages/export", roles: ["agent"], query: reportExportQuerySchema },
  async ({ query: q, user }) => {
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
  },
);

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
