import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/_core/auth";
import { returnPathOr } from "@/app/_core/safe-redirect";
import { homeFor } from "@/app/_core/session";

// GET /inloggen/verder — after login: to the page asked for, or the user's own workspace.
export default async function AfterLogin({ searchParams }: { searchParams: Promise<{ terug?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/inloggen");
  const { terug } = await searchParams;
  redirect(returnPathOr(terug, homeFor(user)));
}
