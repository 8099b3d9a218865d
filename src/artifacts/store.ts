/**
 * Where models (and later other state) are kept between runs. Keys are relative, slash-separated paths
 * such as `my_batch/requests.json`; stores map them onto a folder, a cache entry or a bucket.
 */
export interface ArtifactStore {
  /** Human-readable location for messages, e.g. `local://.anomstack/models`. */
  readonly location: string;
  read(key: string): Promise<string | null>;
  /** Replaces the artifact atomically: a reader sees the old or the new one, never half of it. */
  write(key: string, content: string): Promise<void>;
  /**
   * Removes what interrupted writes under `prefix` left behind (a killed run's temporary files), for stores that
   * can have any; returns how many were removed.
   */
  removeLeftovers?(prefix: string): Promise<number>;
}
