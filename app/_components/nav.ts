/** Public navigation; a page is listed only once it exists and works. */
export const PUBLIC_NAV: { href: string; label: string }[] = [
  { href: "/zoeken", label: "Veelgestelde vragen" },
  { href: "/verzuimcheck", label: "Verzuimcheck" },
  { href: "/vraag", label: "Vraag stellen" },
];
