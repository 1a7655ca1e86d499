import { signOut } from "@/app/_core/auth";

/** Logs out through a server action (POST, so no CSRF through links). */
export function LogoutButton({ name }: { name: string }) {
  async function logout() {
    "use server";
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
