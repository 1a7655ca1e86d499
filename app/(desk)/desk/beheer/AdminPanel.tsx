"use client";
// The administration screens: staff accounts and API tokens. A password link and a new token are shown once, at the
// top of the page.
import { useState } from "react";
import { ShownOnceAlert, type ShownOnce } from "./admin-parts";
import { TokensSection, type ApiToken } from "./TokensSection";
import { UsersSection, type StaffUser } from "./UsersSection";

export function AdminPanel(props: {
  meId: string;
  users: StaffUser[];
  tokens: ApiToken[];
  scopeLabels: Record<string, string>;
}) {
  const [shown, setShown] = useState<ShownOnce | null>(null);
  return (
    <>
      <ShownOnceAlert shown={shown} onHide={() => setShown(null)} />
      <UsersSection meId={props.meId} users={props.users} show={setShown} />
      <TokensSection tokens={props.tokens} scopeLabels={props.scopeLabels} show={setShown} />
    </>
  );
}
