import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/_core/auth";
import { callerReturnPath } from "@/app/_core/safe-redirect";
import { CALLER_ROLE } from "@/app/_core/session";
import { LinkForm } from "./LinkForm";

export const metadata: Metadata = { title: "Inloggen bij Mijn vragen", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

// GET /mijn-vragen/inloggen — callers sign in without a password: a link by e-mail.
export default async function CallerLoginPage({
  searchParams,
}: {
  searchParams: Promise<{ terug?: string; fout?: string; uitgelogd?: string }>;
}) {
  const sp = await searchParams;
  const user = await getSessionUser();
  if (user?.role === CALLER_ROLE) redirect(callerReturnPath(sp.terug));
  return (
    <div className="container" style={{ maxWidth: "36rem" }}>
      <h1>Inloggen bij Mijn vragen</h1>
      <p>
        Bij Mijn vragen ziet u alle vragen die u aan de helpdesk stelde. U kunt ze lezen, erop reageren en ze sluiten. U
        heeft geen wachtwoord nodig: wij sturen u een link om in te loggen.
      </p>
      {sp.uitgelogd && (
        <div className="alert alert-success" role="status">
          <p>U bent uitgelogd.</p>
        </div>
      )}
      {sp.fout && (
        <div className="alert alert-error" role="alert">
          <p>
            Deze inloglink werkt niet meer. Een link werkt 15 minuten en één keer. Vraag hieronder een nieuwe link aan.
          </p>
        </div>
      )}
      <LinkForm returnTo={callerReturnPath(sp.terug)} />
      <p className="muted">
        Werkt u bij de helpdesk of de redactie? <a href="/inloggen">Log in als medewerker</a>.
      </p>
    </div>
  );
}
