import { quoteIdentifier, type DuckDb } from './duckdb.ts';

/**
 * One of anomstack's own tables beside the metrics (the run log, deliveries, silences): created with `columns` the
 * first time a store using it needs it, so a database nobody wrote to stays without it.
 */
export class OwnTable {
  readonly quoted: string;
  private readonly db: DuckDb;
  private readonly columns: string;
  private ready = false;

  constructor(db: DuckDb, name: string, columns: string) {
    this.db = db;
    this.quoted = quoteIdentifier(name);
    this.columns = columns;
  }

  async ensure(): Promise<void> {
    if (this.ready) return;
    await this.db.run(`CREATE TABLE IF NOT EXISTS ${this.quoted} (${this.columns})`);
    this.ready = true;
  }
}
