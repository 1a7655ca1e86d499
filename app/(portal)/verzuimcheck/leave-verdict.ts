// The one answer the leave checker gives at the top of its result. Above 10 school days of gewichtige
// omstandigheden the school does not decide at all, so "can be allowed" would be the wrong headline: the answer is
// who decides and what the school does now.

export type LeaveVerdict = { tone: "success" | "warning" | "info"; headline: string; nextStep: string | null };

export function leaveVerdict(r: { allowed: boolean; decidedBy: string | null }): LeaveVerdict {
  if (!r.allowed) return { tone: "warning", headline: "Dit verlof kan niet worden toegestaan.", nextStep: null };
  if (r.decidedBy === "leerplichtambtenaar") {
    return {
      tone: "info",
      headline: "De leerplichtambtenaar beslist over dit verlof, niet de school.",
      nextStep:
        "Wat doet de school nu? Stuur de aanvraag met uw advies door naar de leerplichtambtenaar van de woongemeente van de leerling. De school keurt het verlof niet zelf goed en wijst het ook niet af.",
    };
  }
  return { tone: "success", headline: "Dit verlof kan worden toegestaan.", nextStep: null };
}
