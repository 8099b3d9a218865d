/** The tables anomstack keeps beside the metrics table: a batch's `table_key` may not name one of them. */
export const RUNS_TABLE = 'anomstack_runs';
export const DELIVERIES_TABLE = 'anomstack_deliveries';
export const SILENCES_TABLE = 'anomstack_silences';
/** A temporary table (see row-columns.ts); `DROP TABLE` of its name would find a real table of that name too. */
export const STAGING_TABLE = 'anomstack_staging';
/** Suffix of the table a migration copies a metrics table into (see metrics-schema.ts). */
export const MIGRATING_SUFFIX = '__anomstack_migrating';

const OWN_TABLES: readonly string[] = [RUNS_TABLE, DELIVERIES_TABLE, SILENCES_TABLE, STAGING_TABLE];

/** Whether `table` (`name` or `schema.name`) is, or could be mistaken for, one of anomstack's own tables. */
export function isOwnTable(table: string): boolean {
  const name = (table.includes('.') ? table.slice(table.indexOf('.') + 1) : table).toLowerCase();
  return OWN_TABLES.includes(name) || name.endsWith(MIGRATING_SUFFIX);
}

export function ownTableNames(): string {
  return `${OWN_TABLES.join(', ')} and names ending in ${MIGRATING_SUFFIX}`;
}
