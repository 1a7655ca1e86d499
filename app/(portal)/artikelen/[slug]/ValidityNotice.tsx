// "Geldig vanaf … tot …" on an article page (issue #19), and the notice of an article that has expired (with a link
// to the current article) or that is published ahead for a later date (for example next school year).
import Link from "next/link";
import { db } from "@/app/_core/db";
import { dateToDay } from "@/app/_modules/articles/fields";
import { currentSuccessor, dutchDay, validityState } from "@/app/_modules/articles/validity";

const longDay = (d: Date) =>
  d.toLocaleDateString("nl-NL", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

export async function ValidityNotice({
  article,
}: {
  article: { id: string; topic: string; successorId: string | null; validFrom: Date | null; validUntil: Date | null };
}) {
  const { validFrom, validUntil } = article;
  if (!validFrom && !validUntil) return null;
  const today = dutchDay();
  const state = validityState(article, today);
  const successor = state === "current" ? null : await currentSuccessor(db(), article, today);
  const period = (
    <>
      {validFrom && (
        <>
          Geldig vanaf <time dateTime={dateToDay(validFrom)!}>{longDay(validFrom)}</time>
        </>
      )}
      {validFrom && validUntil && " "}
      {validUntil && (
        <>
          {validFrom ? "tot en met" : "Geldig tot en met"}{" "}
          <time dateTime={dateToDay(validUntil)!}>{longDay(validUntil)}</time>
        </>
      )}
      .
    </>
  );
  if (state === "current") return <p className="article-validity">{period}</p>;
  return (
    <div className="alert alert-warning article-validity" role="note" data-testid="validity-notice">
      <p>
        <strong>{state === "expired" ? "Dit artikel is verlopen." : "Dit artikel geldt nog niet."}</strong> {period}{" "}
        {state === "expired"
          ? "De informatie klopt misschien niet meer."
          : "Tot die datum gelden de regels die nu op de site staan."}
      </p>
      {successor && (
        <p>
          {state === "expired" ? "Lees het artikel dat nu geldt" : "Lees wat nu geldt"}:{" "}
          <Link href={`/artikelen/${successor.slug}`}>{successor.title}</Link>
        </p>
      )}
    </div>
  );
}
