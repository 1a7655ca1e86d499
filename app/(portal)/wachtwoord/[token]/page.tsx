// GET /wachtwoord/{token} — set a password with the one-time link an admin made in /desk/beheer.
import type { Metadata } from "next";
import { db } from "@/app/_core/db";
import { findResetToken } from "@/app/_modules/admin/users";
import { PasswordForm } from "./PasswordForm";

export const metadata: Metadata = { title: "Wachtwoord kiezen", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function PasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const r = await findResetToken(db(), token);
  return (
    <div className="container narrow">
      <h1>Wachtwoord kiezen</h1>
      {r ? (
        <>
          <p>Kies een wachtwoord voor {r.user.email}. Gebruik minstens 12 tekens. Deze link werkt één keer.</p>
          <PasswordForm token={token} />
        </>
      ) : (
        <p>Deze link werkt niet (meer): hij is al gebruikt of verlopen. Vraag de beheerder om een nieuwe link.</p>
      )}
    </div>
  );
}
