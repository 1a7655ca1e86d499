// The desks' inbound addresses (content/desks.yaml, overridable by environment) and the portal's own addresses.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { env } from "@/app/_core/env";
import type { DeskId } from "@/app/_core/session";
import { bareAddress } from "./inbound-rules";

let addressCache: Record<DeskId, string> | undefined;

/** The desks' inbound addresses: content/desks.yaml `email`, overridden by INBOUND_ADDRESS_PO / INBOUND_ADDRESS_VO_MBO. */
export function deskAddresses(): Record<DeskId, string> {
  if (addressCache) return addressCache;
  const fromYaml: Partial<Record<DeskId, string>> = {};
  try {
    const file = path.join(process.cwd(), "content", "desks.yaml");
    const parsed = YAML.parse(fs.readFileSync(file, "utf8")) as { desks?: { id: DeskId; email?: string }[] };
    for (const d of parsed.desks ?? []) if (d.email) fromYaml[d.id] = d.email;
  } catch {
    // no content folder (a test from another cwd): the defaults below
  }
  const e = env();
  addressCache = {
    po: (e.INBOUND_ADDRESS_PO ?? fromYaml.po ?? "po@helpdesk.test").toLowerCase(),
    "vo-mbo": (e.INBOUND_ADDRESS_VO_MBO ?? fromYaml["vo-mbo"] ?? "ipo@helpdesk.test").toLowerCase(),
  };
  return addressCache;
}

/** The desk an address belongs to, or null (the SMTP receiver refuses other recipients). */
export function deskForAddress(address: string): DeskId | null {
  const a = bareAddress(address);
  const all = deskAddresses();
  return (Object.keys(all) as DeskId[]).find((d) => all[d] === a) ?? null;
}

/** The portal's own addresses: mail from them is never a question (a loop). */
export function ownAddresses(): string[] {
  return [...Object.values(deskAddresses()), bareAddress(env().MAIL_FROM)].filter(Boolean);
}
