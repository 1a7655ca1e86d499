import Link from "next/link";

type Crumb = { href: string; label: string } | false | null | undefined;

/** The "Kruimelpad": links up to the current page, which is named last (leave out a crumb with `false`). */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  return (
    <nav className="breadcrumbs" aria-label="Kruimelpad">
      <ol>
        {trail.map(
          (c) =>
            c && (
              <li key={c.href}>
                <Link href={c.href}>{c.label}</Link>
              </li>
            ),
        )}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
