import type { Alert, AlertChannel, AlertFeedback, MetricStatus } from './channel.ts';
import { evidence, issueTitle } from './alert-text.ts';
import { groupAlerts, type Wording } from './message.ts';
import { renderedParts } from './templates.ts';
import { highestSeverity } from './severity.ts';
import { alertComment, FALSE_POSITIVE_COMMENT, issueBody, recoveryComment, TRIAGE_LABELS, type IssueLinks } from './github-body.ts';
import type { GitHubIssues, IssueRef, TrackedIssue } from './github-issues.ts';
import { parseDuration } from '../config/duration.ts';
import { silenceOf, type Silence } from './silence.ts';
import { fingerprint, parseEpisodeMarker, type EpisodeMarker } from './github-markers.ts';

export interface GitHubChannelOptions {
  /** The batch whose alerts this channel delivers (reconcile only looks at this batch's issues). */
  batch: string;
  /** The batch's `issue_label`; the run's label when unset. */
  label?: string;
  /** A metric that alerts again within this long after its issue closed gets the issue reopened, not a new one. */
  reopenCooldown: string;
  /** Whether the batch runs the plot job: its issues then show the plot job's PNG of the metric. */
  plotted: boolean;
  /** The batch's severity levels, lowest first (`alert_severity`): an episode's `severity:` label only ever rises. */
  severityLevels?: readonly string[];
  /** The batch's templates for GitHub (`alert_templates`): the title and words of an episode's issue. */
  wording?: Wording;
}

/** The label prefix of an episode's severity: `severity:critical`. */
export const SEVERITY_LABEL_PREFIX = 'severity:';

/**
 * The `github` alert channel: one issue per anomaly episode of a metric, in the manner of Alertmanager. A new
 * episode opens an issue; further alerts update its status and add one comment each; recovery closes it; an
 * episode that comes back within the cooldown reopens it. Labels triage it: `snooze`, `snooze:<duration>`,
 * `false-positive` and `confirmed`. Every mutation goes through the run's GitHubIssues (budget, dry run, result).
 */
export class GitHubIssueChannel implements AlertChannel {
  readonly name = 'github';
  private readonly issues: GitHubIssues;
  private readonly batch: string;
  private readonly label: string;
  private readonly cooldown: string;
  private readonly cooldownMs: number;
  private readonly links: IssueLinks;
  private readonly severityLevels: readonly string[];
  private readonly wording: Wording;
  /** The issue each episode's alerts went to in this run, by fingerprint. */
  private readonly delivered = new Map<string, string>();
  /** The snooze labels' silences, read once a run (see silences). */
  private labelSilences: Promise<Silence[]> | null = null;

  constructor(issues: GitHubIssues, options: GitHubChannelOptions) {
    const cooldownMs = parseDuration(options.reopenCooldown);
    if (cooldownMs === null) throw new Error(`issue_reopen_cooldown: expected a duration such as "7d", "12h" or "30m" (got "${options.reopenCooldown}")`);
    this.issues = issues;
    this.batch = options.batch;
    this.label = options.label ?? issues.label;
    this.cooldown = options.reopenCooldown;
    this.cooldownMs = cooldownMs;
    this.severityLevels = options.severityLevels ?? [];
    this.wording = options.wording ?? {};
    const { chartUrl, ...links } = issues.links;
    this.links = chartUrl ? { ...links, chartUrl: (batch, metric) => chartUrl(batch, metric, options.plotted) } : links;
  }

  async send(alerts: readonly Alert[]): Promise<void> {
    // One issue per metric and kind: the same grouping as Slack's and email's one message per metric and kind.
    for (const { alerts: episode, newest } of groupAlerts(alerts)) await this.deliver(fingerprint(newest.batch, newest.metric, newest.kind), episode);
  }

  deliveredTo(alert: Pick<Alert, 'batch' | 'metric' | 'kind'>): string | null {
    return this.delivered.get(fingerprint(alert.batch, alert.metric, alert.kind)) ?? null;
  }

  async reconcile(statuses: readonly MetricStatus[]): Promise<AlertFeedback[]> {
    const feedback: AlertFeedback[] = [];
    for (const { issue, marker } of await this.batchIssues()) {
      const labels = lowercase(issue.labels);
      const verdict = (v: AlertFeedback['verdict']): AlertFeedback => ({
        batch: marker.batch, metric: marker.metric, kind: marker.kind, timestamp: new Date(marker.first), verdict: v, source: issue.url || `#${issue.number}`,
      });
      if (labels.includes(TRIAGE_LABELS.confirmed)) feedback.push(verdict('thumbsup'));
      if (!labels.includes(TRIAGE_LABELS.falsePositive)) continue;
      feedback.push(verdict('thumbsdown'));
      if (issue.state === 'open') await this.close({ issue, marker }, FALSE_POSITIVE_COMMENT, 'not_planned', 'false positive');
    }
    const latest = latestByFingerprint(await this.batchIssues());
    for (const status of statuses.filter((s) => s.recovered && s.batch === this.batch)) {
      const tracked = latest.get(fingerprint(status.batch, status.metric, status.kind));
      // Snoozed means silent: no close notification either.
      if (!tracked || tracked.issue.state !== 'open' || (await this.snoozed(status.batch, status.metric))) continue;
      await this.close(tracked, recoveryComment(status.normalStreak, this.links, this.cooldown), 'completed', 'back to normal');
    }
    return feedback;
  }

  private async deliver(fp: string, alerts: readonly Alert[]): Promise<void> {
    const newestIssue = latestByFingerprint(await this.issues.tracked(this.label)).get(fp);
    // The marker's `last` says what was delivered already: a re-run after a failure sends nothing twice.
    const fresh = newestIssue ? alerts.filter((a) => a.timestamp.getTime() > Date.parse(newestIssue.marker.last)) : alerts;
    // An issue marked false positive is done with, even before reconcile closes it: new alerts start a new one.
    const latest = newestIssue && !isFalsePositive(newestIssue) ? newestIssue : undefined;
    const first = fresh[0];
    const newest = fresh[fresh.length - 1];
    if (!first || !newest) return;
    if (await this.snoozed(newest.batch, newest.metric)) {
      this.issues.result.snoozed.push(latest ? ref(latest) : { number: null, url: null, title: issueTitle(first), ...episodeOf(newest) });
    } else if (latest && (latest.issue.state === 'open' || this.reopenable(latest))) {
      await this.continueEpisode(latest, fresh, newest);
    } else {
      await this.openEpisode(fp, fresh, first, newest);
    }
  }

  /** Comments on the episode's issue and updates its status; reopens it first when it was closed. */
  private async continueEpisode(latest: TrackedIssue, fresh: readonly Alert[], newest: Alert): Promise<void> {
    const { links } = this;
    const reopen = latest.issue.state === 'closed';
    const marker: EpisodeMarker = { ...latest.marker, last: newest.timestamp.toISOString(), alerts: latest.marker.alerts + fresh.length };
    const what = `${fresh.length} new alert(s), latest ${evidence(newest)}`;
    if (!this.issues.fits(2)) return this.issues.overflow(`${latest.issue.title} (#${latest.issue.number}): ${reopen ? 'reopen, ' : ''}${what}`);
    const comment = alertComment(marker.fingerprint, fresh, links, reopen);
    const commentMarker = { fingerprint: marker.fingerprint, at: marker.last };
    const body = issueBody(marker, newest, links, renderedParts(fresh, this.wording.templates, this.wording.warn).body);
    const labels = this.escalatedLabels(latest.issue.labels, fresh);
    if (reopen) {
      // Reopen first: the comment then lands on an open issue, as people expect to read it.
      const issue = await this.issues.updateIssue(this.label, latest.issue, { state: 'open', body, ...labels }, 'reopen: alerting again');
      await this.issues.comment(issue, comment, commentMarker, what);
      this.issues.result.reopened.push(ref({ issue, marker }));
      this.remember(marker.fingerprint, issue.url);
    } else {
      // Comment first, body second: the body's `last` is written only once the comment exists.
      await this.issues.comment(latest.issue, comment, commentMarker, what);
      const issue = await this.issues.updateIssue(this.label, latest.issue, { body, ...labels }, 'status: new alert');
      this.issues.result.updated.push(ref({ issue, marker }));
      this.remember(marker.fingerprint, issue.url);
    }
  }

  private async openEpisode(fp: string, fresh: readonly Alert[], first: Alert, newest: Alert): Promise<void> {
    const marker: EpisodeMarker = { fingerprint: fp, ...episodeOf(first), first: first.timestamp.toISOString(), last: newest.timestamp.toISOString(), alerts: fresh.length };
    const words = renderedParts(fresh, this.wording.templates, this.wording.warn);
    const title = words.title ?? issueTitle(first);
    if (!this.issues.fits(1 + this.issues.labelCost(this.label))) return this.issues.overflow(`${title}: new issue, ${evidence(newest)}`);
    const sameEpisode = (body: string): boolean => {
      const found = parseEpisodeMarker(body);
      return found?.fingerprint === fp && found.first === marker.first;
    };
    const severity = highestSeverity(fresh)?.level;
    const extraLabels = severity ? [`${SEVERITY_LABEL_PREFIX}${severity}`] : [];
    const issue = await this.issues.createIssue(this.label, title, issueBody(marker, newest, this.links, words.body), (i) => sameEpisode(i.body), { extraLabels });
    this.issues.result.opened.push(ref({ issue, marker }));
    this.remember(fp, issue.url);
  }

  /**
   * `{ labels }` replacing the issue's `severity:` label when the new alerts are more severe than it says (an episode's
   * severity only rises: a quieter alert in a critical episode leaves it critical); empty when nothing changes.
   */
  private escalatedLabels(current: readonly string[], fresh: readonly Alert[]): { labels?: string[] } {
    const level = highestSeverity(fresh)?.level;
    if (!level) return {};
    const rank = (name: string): number => this.severityLevels.indexOf(name);
    const existing = current.filter((l) => l.toLowerCase().startsWith(SEVERITY_LABEL_PREFIX));
    if (existing.some((l) => rank(l.slice(SEVERITY_LABEL_PREFIX.length).toLowerCase()) >= rank(level))) return {};
    return { labels: [...current.filter((l) => !existing.includes(l)), `${SEVERITY_LABEL_PREFIX}${level}`] };
  }

  /** A dry run's planned issue has no URL: nothing is remembered for it. */
  private remember(fp: string, url: string): void {
    if (url) this.delivered.set(fp, url);
  }

  private reopenable(tracked: TrackedIssue): boolean {
    const { issue } = tracked;
    if (!issue.closedAt) return false;
    return this.issues.now.getTime() - issue.closedAt.getTime() < this.cooldownMs;
  }

  private async close(tracked: TrackedIssue, comment: string, reason: 'completed' | 'not_planned', why: string): Promise<void> {
    const { issue, marker } = tracked;
    if (!this.issues.fits(2)) return this.issues.overflow(`${issue.title} (#${issue.number}): close, ${why}`);
    await this.issues.comment(issue, comment, { fingerprint: marker.fingerprint, at: `closed ${marker.last}` }, `close: ${why}`);
    const closed = await this.issues.updateIssue(this.label, issue, { state: 'closed', stateReason: reason }, `close: ${why}`);
    this.issues.result.closed.push(ref({ issue: closed, marker }));
  }

  /**
   * `snooze` on the newest issue of any of the metric's alert kinds silences the metric on every channel until someone
   * removes it; `snooze:7d` (or m, h, w) for that long after the label was put on (see silence.ts).
   */
  silences(): Promise<Silence[]> {
    // Read once a run: the labels a run sees do not change under it, and timed snoozes cost a request per issue.
    this.labelSilences ??= this.readSilences();
    return this.labelSilences;
  }

  private async readSilences(): Promise<Silence[]> {
    const silences: Silence[] = [];
    for (const { issue, marker } of latestByFingerprint(await this.batchIssues()).values()) {
      const silence = (until: Date | null): Silence => ({ metric: marker.metric, until, reason: `snoozed on issue #${issue.number}`, source: `github #${issue.number}` });
      for (const label of lowercase(issue.labels)) {
        if (label === TRIAGE_LABELS.snooze) silences.push(silence(null));
        if (!label.startsWith(`${TRIAGE_LABELS.snooze}:`)) continue;
        const ms = parseDuration(label.slice(TRIAGE_LABELS.snooze.length + 1));
        if (ms === null) {
          this.issues.warn(`issue #${issue.number}: label "${label}" is not a snooze duration such as snooze:7d, snooze:12h or snooze:30m; ignored`);
          continue;
        }
        const since = (await this.issues.labelTimes(issue.number)).get(label) ?? issue.createdAt;
        silences.push(silence(new Date(since.getTime() + ms)));
      }
    }
    return silences;
  }

  private async snoozed(batch: string, metric: string): Promise<boolean> {
    if (batch !== this.batch) return false;
    return silenceOf({ metric, kind: 'anomaly' }, await this.silences(), this.issues.now) !== null;
  }

  private async batchIssues(): Promise<TrackedIssue[]> {
    return (await this.issues.tracked(this.label)).filter((t) => t.marker.batch === this.batch);
  }
}

/** Each fingerprint's newest issue (the tracked list is newest first). */
function latestByFingerprint(tracked: readonly TrackedIssue[]): Map<string, TrackedIssue> {
  const latest = new Map<string, TrackedIssue>();
  for (const t of tracked) if (!latest.has(t.marker.fingerprint)) latest.set(t.marker.fingerprint, t);
  return latest;
}

function episodeOf(alert: Pick<Alert, 'batch' | 'metric' | 'kind'>): Pick<EpisodeMarker, 'batch' | 'metric' | 'kind'> {
  return { batch: alert.batch, metric: alert.metric, kind: alert.kind };
}

function ref({ issue, marker }: TrackedIssue): IssueRef {
  return { number: issue.number > 0 ? issue.number : null, url: issue.url || null, title: issue.title, ...episodeOf(marker) };
}

function isFalsePositive({ issue }: TrackedIssue): boolean {
  return lowercase(issue.labels).includes(TRIAGE_LABELS.falsePositive);
}

function lowercase(labels: readonly string[]): string[] {
  return labels.map((l) => l.toLowerCase());
}
