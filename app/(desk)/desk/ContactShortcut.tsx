"use client";
// "c" anywhere in /desk (not while typing) opens the contact screen; the button next to it in the nav does the same.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { isTypingTarget } from "./QueueKeyboard";

export function ContactShortcut() {
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === "c") {
        e.preventDefault();
        router.push("/desk/contact");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return null;
}
