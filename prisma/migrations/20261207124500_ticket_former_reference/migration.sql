-- CreateTable
CREATE TABLE "TicketFormerReference" (
    "reference" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketFormerReference_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TicketFormerReference_ticketId_idx" ON "TicketFormerReference"("ticketId");


-- Data: before this migration a transferred ticket kept its old desk’s reference and number on the new desk, where
-- the new desk’s counter would later hand out the same number (a unique-constraint failure at intake or transfer).
-- Such a ticket now gets the new desk’s next number, its old reference becomes a former reference, so the caller’s
-- mails and link keep leading to it. Counters are raised to at least the highest number in use.
INSERT INTO "TicketFormerReference" ("reference", "ticketId", "createdAt")
SELECT t."reference", t."id", t."updatedAt" FROM "Ticket" t JOIN "Desk" d ON d."id" = t."deskId"
WHERE substr(t."reference", 1, length(d."referencePrefix") + 1) <> d."referencePrefix" || '-';

UPDATE "Ticket" SET "number" = r."newNumber", "reference" = printf('%s-%d-%06d', r."prefix", "Ticket"."year", r."newNumber")
FROM (
  SELECT t."id", d."referencePrefix" AS "prefix",
    MAX(
      COALESCE((SELECT c."value" FROM "TicketCounter" c WHERE c."deskId" = t."deskId" AND c."year" = t."year"), 0),
      (SELECT MAX(x."number") FROM "Ticket" x WHERE x."deskId" = t."deskId" AND x."year" = t."year")
    ) + ROW_NUMBER() OVER (PARTITION BY t."deskId", t."year" ORDER BY t."createdAt", t."id") AS "newNumber"
  FROM "Ticket" t JOIN "Desk" d ON d."id" = t."deskId" JOIN "TicketFormerReference" f ON f."ticketId" = t."id"
) AS r
WHERE "Ticket"."id" = r."id";

INSERT INTO "TicketCounter" ("deskId", "year", "value")
SELECT "deskId", "year", MAX("number") FROM "Ticket" WHERE true GROUP BY "deskId", "year"
ON CONFLICT ("deskId", "year") DO UPDATE SET "value" = MAX("TicketCounter"."value", excluded."value");
