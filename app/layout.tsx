import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteFooter } from "./_components/SiteFooter";
import { SiteHeader } from "./_components/SiteHeader";

export const metadata: Metadata = {
  title: { default: "Onderwijs Helpdesk — verzuim en leerplicht", template: "%s — Onderwijs Helpdesk" },
  description:
    "Antwoorden over verzuim, leerplicht en verlof voor scholen, gemeenten en softwareleveranciers. Vind het antwoord zelf of stel uw vraag aan de juiste helpdesk.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nl">
      <body>
        <a className="skip-link" href="#inhoud">
          Naar de inhoud
        </a>
        <SiteHeader />
        <main id="inhoud" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
