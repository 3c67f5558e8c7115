// The DuckDB reference for bench/points_tally_vs_duckdb.sh: computes the same totals, stars and
// ranks as `lingyan points tally` from the same CSV files and writes them in the same format.
// Usage: node tally.mjs DIR OUT.csv [THREADS]
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, outFile, threads = '2'] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads });
const db = await instance.connect();
const sql = `
COPY (
  WITH rules AS (SELECT * FROM read_csv('${dir}/rules.csv', header = true,
         columns = {'code': 'VARCHAR', 'points': 'BIGINT', 'cap': 'BIGINT'})),
  events AS (SELECT * FROM read_csv('${dir}/events.csv', header = true,
         columns = {'event': 'VARCHAR', 'member': 'VARCHAR', 'rule': 'VARCHAR', 'date': 'DATE',
                    'status': 'VARCHAR', 'quantity': 'BIGINT'})),
  sums AS (SELECT e.member, e.rule, sum(r.points * coalesce(e.quantity, 1)) AS raw, any_value(r.cap) AS cap
           FROM events e JOIN rules r ON e.rule = r.code
           WHERE e.status = 'approved' AND e.date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
           GROUP BY e.member, e.rule),
  totals AS (SELECT member, sum(CASE WHEN cap IS NULL THEN raw ELSE least(greatest(raw, -cap), cap) END) AS total
             FROM sums GROUP BY member),
  members AS (SELECT m.member, m.unit, coalesce(t.total, 0) AS total
              FROM read_csv('${dir}/members.csv', header = true,
                            columns = {'member': 'VARCHAR', 'unit': 'VARCHAR', 'name': 'VARCHAR'}) m
              LEFT JOIN totals t ON m.member = t.member)
  SELECT member, unit, total,
         (total >= 0)::INT + (total >= 60)::INT + (total >= 120)::INT + (total >= 180)::INT + (total >= 240)::INT AS stars,
         rank() OVER (PARTITION BY unit ORDER BY total DESC) AS rank_in_unit
  FROM members ORDER BY member
) TO '${outFile}' (HEADER, DELIMITER ',');`;
await db.run(sql);
