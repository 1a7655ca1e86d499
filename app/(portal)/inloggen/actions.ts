"use server";
// Login server action: Auth.js credentials sign-in with Dutch messages for wrong input and rate limits.
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/app/_core/auth";
import { safeReturnPath } from "@/app/_core/safe-redirect";

export type LoginState = { error?: string; fieldErrors?: { email?: string; password?: string }; email?: string };

/** Signs in; on success Auth.js redirects (the thrown redirect must propagate). */
export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const returnTo = safeReturnPath(String(form.get("returnTo") ?? ""));
  const fieldErrors: LoginState["fieldErrors"] = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    fieldErrors.email = "Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.";
  if (!password) fieldErrors.password = "Vul uw wachtwoord in.";
  if (fieldErrors.email || fieldErrors.password) return { error: "Controleer de velden.", fieldErrors, email };
  try {
    await signIn("credentials", {
      email,
      password,
      redirectTo: `/inloggen/verder${returnTo ? `?terug=${encodeURIComponent(returnTo)}` : ""}`,
    });
    return {};
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === "rate_limited") {
      return { error: "Te veel mislukte pogingen. Wacht 15 minuten en probeer het dan opnieuw.", email };
    }
    if (e instanceof AuthError) return { error: "Het e-mailadres of het wachtwoord klopt niet.", email };
    throw e;
  }
}
