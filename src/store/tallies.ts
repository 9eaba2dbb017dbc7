// The dashboard's aggregates, maintained in the ingest transaction instead of recomputed per
// request: when versions become current their transfers and engagements are added to small
// tally tables, when versions are superseded they are subtracted. The dashboard then reads a
// few hundred rows whatever the size of the graph (recomputing from every current transfer
// took 330 ms on 10,000 policies). Upserts go in key order, so concurrent ingests lock tally
// rows in one order (a deadlock would still only cost a retry: see withRetry in ingest.ts).
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/** Adds the edges of `current` versions to the tallies and subtracts those of `superseded` ones. */
export async function tallyVersions(tx: Tx, current: string[], superseded: string[]): Promise<void> {
  if (!current.length && !superseded.length) return;
  await tx.$executeRawUnsafe(
    `WITH d AS (
       SELECT v.id, CASE WHEN v.id = ANY($1::text[]) THEN 1 ELSE -1 END AS sign
       FROM "PolicyVersion" v WHERE v.id = ANY($1::text[]) OR v.id = ANY($2::text[])),
     tt AS (
       INSERT INTO "TransferTally" ("key", "countryCode", "thirdCountry", "mechanisms", "count")
       SELECT concat_ws('|', coalesce(t."countryCode", ''), t."thirdCountry", array_to_string(m.sorted, ',')), t."countryCode", t."thirdCountry", m.sorted, sum(d.sign)::int
       FROM "Transfer" t JOIN d ON d.id = t."versionId"
       CROSS JOIN LATERAL (SELECT coalesce(array_agg(x ORDER BY x), '{}') AS sorted FROM unnest(t.mechanisms) x) m
       GROUP BY 1, 2, 3, 4 ORDER BY 1
       ON CONFLICT ("key") DO UPDATE SET "count" = "TransferTally"."count" + EXCLUDED."count"),
     pd AS (
       SELECT e."recipientId", e."controllerId", sum(d.sign)::int AS n FROM "Engagement" e JOIN d ON d.id = e."versionId" GROUP BY 1, 2),
     pairs AS (
       INSERT INTO "VendorPairTally" ("recipientId", "controllerId", "engagements")
       SELECT "recipientId", "controllerId", n FROM pd ORDER BY 1, 2
       ON CONFLICT ("recipientId", "controllerId") DO UPDATE SET "engagements" = "VendorPairTally"."engagements" + EXCLUDED."engagements"
       RETURNING "recipientId", "controllerId", "engagements")
     -- a controller counts for a vendor while it has at least one current engagement with it
     INSERT INTO "VendorTally" ("recipientId", "controllers", "engagements")
     SELECT p."recipientId", sum((p."engagements" > 0)::int - (p."engagements" - pd.n > 0)::int)::int, sum(pd.n)::int
     FROM pairs p JOIN pd ON pd."recipientId" = p."recipientId" AND pd."controllerId" = p."controllerId"
     GROUP BY 1 ORDER BY 1
     ON CONFLICT ("recipientId") DO UPDATE SET "controllers" = "VendorTally"."controllers" + EXCLUDED."controllers", "engagements" = "VendorTally"."engagements" + EXCLUDED."engagements"`,
    current,
    superseded,
  );
}
