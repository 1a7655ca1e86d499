// GET /redactie/artikelen/[id]/versies?links=&rechts= — revision history; two revisions side by side; restore as a new draft.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/app/_core/db";
import { NotFoundError } from "@/app/_core/errors";
import { requirePageRole } from "@/app/_core/guard";
import type { DiffSide } from "@/app/_modules/articles/diff";
import { compareRevisions, listRevisions } from "@/app/_modules/articles/revisions";
import { RestoreButton } from "./RestoreButton";
import "../../../editor.css";
import { Breadcrumbs } from "@/app/_components/Breadcrumbs";

export const metadata: Metadata = { title: "Redactie: versies" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = (d: Date) =>
  d.toLocaleString("nl-NL", {
    timeZone: "Europe/Amsterdam",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
const num = (v: unknown) => (typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : null);

function Side({ side }: { side: DiffSide | null }) {
  if (!side)
    return (
      <td className="diff-empty">
        <span className="visually-hidden">(leeg)</span>
      </td>
    );
  return (
    <td>
      {side.segments.map((s, i) =>
        s.mark === "added" ? (
          <ins key={i} className="diff-added">
            {s.text}
          </ins>
        ) : s.mark === "removed" ? (
          <del key={i} className="diff-removed">
            {s.text}
          </del>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </td>
  );
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageRole(["editor"], `/redactie/artikelen/${encodeURIComponent(id)}/versies`);
  const sp = await searchParams;
  const revisions = await listRevisions(db(), { user, articleId: id }).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const latest = revisions[0];
  const numbers = new Set(revisions.map((r) => r.number));
  // Default: the latest version against the one before it.
  let right = num(sp.rechts) ?? latest?.number ?? null;
  let left = num(sp.links) ?? revisions[1]?.number ?? null;
  if (right !== null && !numbers.has(right)) right = latest?.number ?? null;
  if (left !== null && !numbers.has(left)) left = revisions[1]?.number ?? null;
  const comparison =
    left !== null && right !== null && left !== right
      ? await compareRevisions(db(), { user, articleId: id, from: left, to: right })
      : null;
  const changed = comparison?.diff.fields.filter((f) => f.changed) ?? [];

  return (
    <div className="container redactie">
      <Breadcrumbs
        trail={[
          { href: "/redactie", label: "Artikelen" },
          { href: `/redactie/artikelen/${id}`, label: latest?.title ?? "Artikel" },
        ]}
        current="Versies"
      />
      <h1>Versies van ‘{latest?.title}’</h1>
      <p>
        Elke keer opslaan en elke statuswijziging is een versie. Kies twee versies om ze naast elkaar te zien, of zet
        een oude versie terug. Terugzetten maakt een nieuw concept; de oude versies blijven bewaard.
      </p>

      <form method="get" className="revision-form">
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Alle versies, nieuwste bovenaan</caption>
            <thead>
              <tr>
                <th scope="col">Versie</th>
                <th scope="col">Links</th>
                <th scope="col">Rechts</th>
                <th scope="col">Status</th>
                <th scope="col">Door</th>
                <th scope="col">Wanneer</th>
                <th scope="col">Notitie</th>
                <th scope="col">
                  <span className="visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.number} className={r.number === left || r.number === right ? "is-compared" : undefined}>
                  <th scope="row">{r.number}</th>
                  <td>
                    <input
                      type="radio"
                      name="links"
                      value={r.number}
                      defaultChecked={r.number === left}
                      aria-label={`Versie ${r.number} links`}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="rechts"
                      value={r.number}
                      defaultChecked={r.number === right}
                      aria-label={`Versie ${r.number} rechts`}
                    />
                  </td>
                  <td>{r.statusLabel}</td>
                  <td>{r.author?.name ?? <span className="muted">systeem</span>}</td>
                  <td>{when(r.createdAt)}</td>
                  <td>{r.note ?? ""}</td>
                  <td>
                    {r.number !== latest.number && (
                      <RestoreButton articleId={id} revision={r.number} baseRevision={latest.number} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {revisions.length > 1 && (
          <div className="btn-row">
            <button type="submit" className="btn">
              Vergelijken
            </button>
          </div>
        )}
      </form>

      {comparison && (
        <section aria-labelledby="cmp-title" className="comparison">
          <h2 id="cmp-title">
            Versie {comparison.left.number} en versie {comparison.right.number} naast elkaar
          </h2>
          <p className="diff-legend">
            <del className="diff-removed">Doorgestreept</del> staat alleen in versie {comparison.left.number}.{" "}
            <ins className="diff-added">Onderstreept</ins> is nieuw in versie {comparison.right.number}.
          </p>
          {changed.length === 0 && (
            <p role="status">Deze twee versies hebben dezelfde inhoud (alleen de status verschilt).</p>
          )}
          {changed.map((f) => (
            <div key={f.field} className="table-scroll">
              <table className="data-table diff-table">
                <caption>{f.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Versie {comparison.left.number}</th>
                    <th scope="col">Versie {comparison.right.number}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.rows.map((row, i) => (
                    <tr key={i} className={`diff-${row.kind}`}>
                      <Side side={row.left} />
                      <Side side={row.right} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
