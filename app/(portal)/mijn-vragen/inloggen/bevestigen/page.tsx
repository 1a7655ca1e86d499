import type { Metadata } from "next";
import Link from "next/link";
import { CALLER_PROVIDER_ID } from "@/app/_modules/callers/login";

export const metadata: Metadata = { title: "Inloggen bij Mijn vragen", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

const TOKEN = /^[A-Za-z0-9]{16,200}$/;

// GET /mijn-vragen/inloggen/bevestigen — the link in the mail. Opening it uses nothing: the button does. So a mail
// scanner that opens every link cannot use up the caller's link before they click it.
export default async function ConfirmLoginPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }>;
}) {
  const { token, email, callbackUrl } = await searchParams;
  const valid = typeof token === "string" && TOKEN.test(token) && typeof email === "string" && email.length <= 254;
  return (
    <div className="container" style={{ maxWidth: "36rem" }}>
      <h1>Inloggen bij Mijn vragen</h1>
      {valid ? (
        <form method="get" action={`/api/auth/callback/${CALLER_PROVIDER_ID}`}>
          <p>
            U logt in met <strong>{email}</strong>.
          </p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="email" value={email} />
          {typeof callbackUrl === "string" && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
          <button className="btn" type="submit">
            Inloggen
          </button>
        </form>
      ) : (
        <div className="alert alert-error" role="alert">
          <p>
            Deze link is niet compleet. Kopieer de hele link uit de e-mail, of{" "}
            <Link href="/mijn-vragen/inloggen">vraag een nieuwe link aan</Link>.
          </p>
        </div>
      )}
    </div>
  );
}
