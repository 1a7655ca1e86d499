import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/_core/auth";
import { safeReturnPath } from "@/app/_core/safe-redirect";
import { homeFor } from "@/app/_core/session";
import { LoginForm } from "./LoginForm";

export const metadata: Metadata = { title: "Inloggen" };

// GET /inloggen — staff login (helpdesk agents, editors, admins).
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ terug?: string; uitgelogd?: string; error?: string }>;
}) {
  const sp = await searchParams;
  // Auth.js sends a used or expired caller sign-in link here (its one error page): callers get their own page.
  if (sp.error === "Verification") redirect("/mijn-vragen/inloggen?fout=link");
  const user = await getSessionUser();
  if (user) redirect(safeReturnPath(sp.terug) ?? homeFor(user));
  return (
    <div className="container" style={{ maxWidth: "34rem" }}>
      <h1>Inloggen voor medewerkers</h1>
      <p>
        Dit is de ingang voor medewerkers van de helpdesks en de redactie. Heeft u een vraag? Die kunt u stellen zonder
        in te loggen.
      </p>
      {sp.uitgelogd && (
        <div className="alert alert-success" role="status">
          <p>U bent uitgelogd.</p>
        </div>
      )}
      <LoginForm returnTo={safeReturnPath(sp.terug) ?? ""} />
    </div>
  );
}
