// Public pages: every page's head links the Atom feed of changes (<link rel="alternate" type="application/atom+xml">).
import type { Metadata } from "next";
import { env } from "@/app/_core/env";
import { ATOM_PATH, FEED_TITLE } from "@/app/_modules/changes/atom";

export function generateMetadata(): Metadata {
  return {
    alternates: {
      types: {
        "application/atom+xml": [{ url: `${env().APP_URL.replace(/\/$/, "")}${ATOM_PATH}`, title: FEED_TITLE }],
      },
    },
  };
}

export default function PortalLayout({ children }: { children: React.ReactNode }) {
  return children;
}
