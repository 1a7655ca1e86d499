"use server";
// The wizard's submit: FormData (text fields + up to 3 files) → the shared intake schema → a ticket.
import { headers } from "next/headers";
import { z } from "zod";
import { action } from "@/app/_core/action";
import { clientIp } from "@/app/_core/auth";
import { ValidationError } from "@/app/_core/errors";
import { submitQuestion } from "@/app/_modules/tickets/intake";
import { wizardSchema } from "@/app/_modules/tickets/schema";

// Four steps take a person well over a second; a form posted faster than that is a script.
const MIN_FILL_MS = 1_500;

const formSchema = z.preprocess(
  (fd) => {
    if (!(fd instanceof FormData)) return fd;
    const text = (k: string) => (typeof fd.get(k) === "string" ? (fd.get(k) as string) : undefined);
    return {
      callerType: text("callerType"),
      organisation: text("organisation"),
      schoolCode: text("schoolCode"),
      sector: text("sector"),
      // Picked in the typeaheads of "Wie bent u?": the caller's organisation and the school the question is about.
      organisationId: text("organisationId"),
      aboutSchoolCode: text("aboutSchoolCode"),
      topic: text("topic"),
      question: text("question"),
      name: text("name"),
      email: text("email"),
      phone: text("phone"),
      website: text("website") ?? "",
      startedAt: text("startedAt"),
      runId: text("runId") || undefined,
      attachments: fd.getAll("attachments").filter((f): f is File => f instanceof File && f.size > 0),
    };
  },
  wizardSchema.extend({ attachments: z.array(z.instanceof(File)) }),
);

/** Submits the question; on success returns the reference, the desk and the follow-up link. */
export const submitWizard = action({ name: "submitWizard", schema: formSchema }, async (input) => {
  const { website, startedAt, runId, attachments, ...fields } = input;
  if (website)
    throw new ValidationError("Uw vraag kon niet worden verstuurd.", [
      { path: "website", message: "Laat dit veld leeg." },
    ]);
  if (Date.now() - startedAt < MIN_FILL_MS) {
    throw new ValidationError("Dat ging erg snel. Controleer uw gegevens en verstuur uw vraag opnieuw.", []);
  }
  const files = await Promise.all(
    attachments.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  const t = await submitQuestion({
    input: fields,
    attachments: files,
    ip: clientIp(await headers()),
    channel: "web",
    runId,
  });
  return { reference: t.reference, deskId: t.deskId, followUpUrl: t.followUpUrl };
});
