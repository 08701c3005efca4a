/**
 * Group commit for the HTTP receiver: submissions that arrive while the previous group is being
 * stored wait and are then stored together, in one transaction (storeReports, with its version
 * and duplicate rules, in arrival order). A single report stored alone costs ~15 round trips and an
 * fsync; with the gateway's concurrent connections a group shares them. No timer: an idle receiver
 * stores a lone report at once, a busy one lets the groups grow by themselves.
 *
 * Every submission is answered only after its group has committed (a 201 still means stored). When
 * a group fails for another reason than a transient conflict (which storeReports retries), each of
 * its submissions is stored on its own, so one submission's failure never fails the others.
 */
import type pg from "pg";
import { storeReports, type ReportToStore, type StoreResult } from "./store";

/** Largest group, in reports: bounds the transaction (and its lock set) when a flood arrives. */
export const MAX_GROUP_REPORTS = 200;

interface Waiting {
  reports: ReportToStore[];
  resolve: (r: StoreResult[]) => void;
  reject: (e: unknown) => void;
}

export class GroupCommit {
  private queue: Waiting[] = [];
  private storing = false;

  constructor(private readonly pool: () => pg.Pool) {}

  store(reports: ReportToStore[]): Promise<StoreResult[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ reports, resolve, reject });
      void this.drain();
    });
  }

  private async drain() {
    if (this.storing) return;
    this.storing = true;
    try {
      while (this.queue.length) {
        let size = 0;
        let n = 0;
        while (n < this.queue.length && (n === 0 || size + this.queue[n].reports.length <= MAX_GROUP_REPORTS)) size += this.queue[n++].reports.length;
        await this.commit(this.queue.splice(0, n));
      }
    } finally {
      this.storing = false;
    }
  }

  private async commit(group: Waiting[]) {
    try {
      const results = await storeReports(this.pool(), group.flatMap((w) => w.reports));
      let i = 0;
      for (const w of group) {
        w.resolve(results.slice(i, i + w.reports.length));
        i += w.reports.length;
      }
    } catch (e) {
      if (group.length === 1) return group[0].reject(e);
      for (const w of group) await storeReports(this.pool(), w.reports).then(w.resolve, w.reject);
    }
  }
}
