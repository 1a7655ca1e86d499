"use client";
// Collision warning: report whether this agent is viewing or replying (every 10 s) and hear who else has the ticket
// open; a beacon says "leaving" when the page goes away.
import { useEffect, useState } from "react";

type Other = { name: string; mode: "viewing" | "replying" };
const POLL_MS = 10_000;

export function usePresence(reference: string, mode: "viewing" | "replying") {
  const [others, setOthers] = useState<Other[]>([]);
  useEffect(() => {
    let stopped = false;
    const touch = async () => {
      try {
        const res = await fetch("/api/v1/desk/presence", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ reference, mode }),
        });
        if (!res.ok || stopped) return;
        const data = (await res.json()) as { others: Other[] };
        setOthers(data.others);
      } catch {
        // offline for a moment: try again at the next tick
      }
    };
    void touch();
    const timer = setInterval(touch, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [reference, mode]);
  useEffect(() => {
    const leave = () => navigator.sendBeacon?.("/api/v1/desk/presence", JSON.stringify({ reference, mode: "leaving" }));
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [reference]);
  return {
    writers: others.filter((o) => o.mode === "replying"),
    viewers: others.filter((o) => o.mode === "viewing"),
  };
}

/** Who else is writing on or looking at this ticket, announced politely. */
export function PresenceNotice({ writers, viewers }: { writers: Other[]; viewers: Other[] }) {
  return (
    <div aria-live="polite" role="status" className="presence">
      {writers.length > 0 && (
        <p className="alert alert-warning">
          <strong>Let op:</strong> {writers.map((w) => w.name).join(" en ")}{" "}
          {writers.length === 1 ? "schrijft" : "schrijven"} nu een bericht op deze vraag.
        </p>
      )}
      {viewers.length > 0 && (
        <p className="alert">
          {viewers.map((w) => w.name).join(" en ")} {viewers.length === 1 ? "heeft" : "hebben"} deze vraag ook open.
        </p>
      )}
    </div>
  );
}
