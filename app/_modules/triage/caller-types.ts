// The caller types, sectors and question limits of the triage input, with their form labels. No zod here: the
// question form's first load imports these, and the zod schemas (schema.ts) load later (lazy-resolver.ts).
export const CALLER_TYPES = [
  "po-school",
  "vo-school",
  "mbo-institution",
  "school-board",
  "municipality",
  "software-vendor",
  "parent-or-student",
  "other",
] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

export const SECTORS = ["po", "vo", "mbo"] as const;
export type Sector = (typeof SECTORS)[number];

/** Labels for the "who are you" choice on forms, in the order of CALLER_TYPES. */
export const CALLER_TYPE_LABELS: Record<CallerType, string> = {
  "po-school": "Basisschool (po)",
  "vo-school": "School voor voortgezet onderwijs",
  "mbo-institution": "Mbo-instelling",
  "school-board": "Schoolbestuur",
  municipality: "Gemeente (leerplicht of RMC)",
  "software-vendor": "Softwareleverancier",
  "parent-or-student": "Ouder, leerling of student",
  other: "Anders",
};

/** Labels for the optional sector choice. */
export const SECTOR_LABELS: Record<Sector, string> = {
  po: "Primair onderwijs (po)",
  vo: "Voortgezet onderwijs (vo)",
  mbo: "Middelbaar beroepsonderwijs (mbo)",
};

export const QUESTION_MIN = 3;
export const QUESTION_MAX = 5000;
