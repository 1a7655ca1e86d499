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

/** The channels a system may set on POST /api/v1/tickets (phone needs a token; web and email are the portal's own). */
export const API_CHANNELS = ["api", "phone"] as const satisfies readonly Channel[];

/** The label of a stored channel value (the value itself when it is not a known channel). */
export const channelLabel = (v: string): string => (isChannel(v) ? CHANNEL_LABELS[v] : v);
