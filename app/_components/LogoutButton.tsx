import { currentSession, signOut } from "@/app/_core/auth";
import { db } from "@/app/_core/db";
import { endCallerSessions } from "@/app/_modules/callers/login";
import { endUserSessions } from "@/app/_modules/users/service";

/** Logs out through a server action (POST, so no CSRF through links); ends the user's (or caller's) sessions everywhere. */
export function LogoutButton({ name }: { name: string }) {
  async function logout() {
    "use server";
    // Clearing the cookie alone leaves a copy of it valid until it expires: the version bump voids every copy.
    const session = await currentSession();
    if (session?.caller) {
      await endCallerSessions(db(), { callerId: session.uid });
      await signOut({ redirectTo: "/mijn-vragen/inloggen?uitgelogd=1" });
      return;
    }
    if (session) await endUserSessions(db(), { userId: session.uid });
    await signOut({ redirectTo: "/inloggen?uitgelogd=1" });
  }
  return (
    <form action={logout}>
      <button type="submit" className="linklike" style={{ color: "#fff", fontWeight: 600 }}>
        Uitloggen <span className="visually-hidden">({name})</span>
      </button>
    </form>
  );
}
