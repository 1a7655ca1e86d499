// A desk's name with its article (content/desks.yaml), for sentences on the portal and in mails. Pure: also used in
// client components.

export type DeskArticle = "de" | "het";

/** "het Informatiepunt Onderwijs (IPO)", "De Helpdesk BRON PO" (capital); the bare name without a known article. */
export function deskWithArticle(
  name: string,
  article: DeskArticle | string | null | undefined,
  capital = false,
): string {
  const n = name.replace(/\s+/g, " ").trim();
  if (article !== "de" && article !== "het") return n;
  return `${capital ? article[0]!.toUpperCase() + article.slice(1) : article} ${n}`;
}
