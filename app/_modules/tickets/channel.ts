// How a question reached a desk. The one list and type for the ticket column, the queue filter, the API and
// the reports.
export const CHANNELS = ["web", "api", "phone", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: "Website",
  api: "Koppeling",
  phone: "Telefoon",
  email: "E-mail",
};

export const isChannel = (v: unknown): v is Channel =>
  typeof v === "string" && (CHANNELS as readonly string[]).includes(v);
