/** A row as a source returns it; the ingest job validates it into a metric row. */
export type RawRow = Record<string, unknown>;

/** Where a batch's metrics come from: a database its SQL runs on, or its ingest function. */
export interface Source {
  fetch(): Promise<RawRow[]>;
  close(): void;
}

