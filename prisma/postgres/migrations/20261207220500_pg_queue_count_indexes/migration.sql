-- PostgreSQL only (partial indexes, which prisma/schema.prisma cannot express for both databases).
-- The queue counts at 100,000 tickets (scripts/bench/desk-plans.ts):
-- SLA-risico counts the new and open tickets of a desk whose due times have passed or nearly so. It read every
-- such ticket from the heap (about 5,000 rows, 3,800 pages, 20 to 60 ms). This index holds only new and open tickets
-- that are not merged, with the due times, so the count is an index-only scan (about 40 pages, 2 ms).
CREATE INDEX "Ticket_sla_risk_idx" ON "Ticket" ("deskId", "status", "resolutionDueAt", "firstResponseDueAt", "firstRespondedAt") WHERE "mergedIntoId" IS NULL AND "status" IN ('new', 'open');

-- The counts per status with a tag filter join the desk tickets to the tagged ones by id. Without an index holding
-- the id, PostgreSQL read the whole table (a sequential scan of 100,000 rows, 130 to 250 ms). With it, an index-only
-- scan of the desk tickets that are not merged (about 250 pages).
CREATE INDEX "Ticket_desk_live_status_id_idx" ON "Ticket" ("deskId", "status", "id") WHERE "mergedIntoId" IS NULL;
