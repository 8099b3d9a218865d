/** The alert channels of one batch, from its `alert_methods` / `tholdalert_methods` and the environment. */
import type { Batch } from '../config/load.ts';
import { isJobDisabled, type BatchConfig, type Job } from '../config/schema.ts';
import type { AlertChannel } from './channel.ts';
import { ChannelConfigError } from './channel-config.ts';
import { ConsoleChannel } from './console.ts';
import { EmailChannel, emailSettings } from './email.ts';
import { GitHubIssueChannel } from './github-channel.ts';
import type { GitHubIssues } from './github-issues.ts';
import type { AlertImage, AlertGroup, AlertPlotter } from './message.ts';
import { SlackChannel, slackSettings } from './slack.ts';
import { DiscordChannel, discordSettings } from './discord.ts';
import { TeamsChannel, teamsSettings } from './teams.ts';
import { WebhookChannel, webhookSettings } from './webhook.ts';

export interface ChannelOptions {
  env: NodeJS.ProcessEnv;
  info: (message: string) => void;
  warn: (message: string) => void;
  /** The run's GitHub issues (the action makes one): `github` in the methods gets a channel on it. */
  github?: GitHubIssues;
  /** Draws an alert group's plot for Slack and email. */
  plot: (group: AlertGroup) => Promise<AlertImage | null>;
}

export interface BatchChannels {
  channels: AlertChannel[];
  /** Methods the config names whose settings are missing or wrong, with what is wrong: jobs that send to them fail. */
  misconfigured: Map<string, string>;
}

/** The key naming the methods a job notifies, and those methods; null for jobs that send nothing. */
export function jobMethods(config: BatchConfig, job: Job): { key: 'alert_methods' | 'tholdalert_methods'; methods: readonly string[] } | null {
  if (job === 'tholdalert') return { key: 'tholdalert_methods', methods: config.tholdalert_methods };
  return job === 'alert' || job === 'change' || job === 'llmalert' || job === 'summary' ? { key: 'alert_methods', methods: config.alert_methods } : null;
}

/** Why the job cannot notify one of its methods ("alert_methods includes slack, but ... is not set"), or null. */
export function unreachableMethod(config: BatchConfig, job: Job, misconfigured: ReadonlyMap<string, string>): string | null {
  const named = jobMethods(config, job);
  const method = named?.methods.find((m) => misconfigured.has(m));
  return named && method ? `${named.key} includes ${method}, but ${misconfigured.get(method) ?? ''}` : null;
}

export function batchChannels(batch: Batch, options: ChannelOptions): BatchChannels {
  const { config } = batch;
  // Each job sends to the methods its own key names (see channelsFor); the batch needs the union.
  const methods = new Set<string>([...config.alert_methods, ...config.tholdalert_methods]);
  const channels: AlertChannel[] = [new ConsoleChannel()];
  const misconfigured = new Map<string, string>();
  const plot = safePlotter(options);
  const add = (method: string, build: () => AlertChannel): void => {
    if (!methods.has(method)) return;
    try {
      channels.push(build());
    } catch (error) {
      if (!(error instanceof ChannelConfigError)) throw error;
      misconfigured.set(method, error.message);
    }
  };
  const { github } = options;
  if (github) {
    add('github', () => new GitHubIssueChannel(github, { batch: batch.name, label: config.issue_label, reopenCooldown: config.issue_reopen_cooldown, plotted: !isJobDisabled(config, 'plot') }));
  } else if (methods.has('github')) {
    // Issues need the action's token and repository; on the command line the console stands in.
    options.warn(`${batch.name}: alert method github is not available here (it needs the GitHub Action); alerts go to the console`);
  }
  // Each request's time limit: a Slack or SMTP server that never answers costs seconds, not the libraries' minutes.
  const timeoutMs = config.alert_timeout_s * 1000;
  add('slack', () => new SlackChannel(slackSettings(options.env), { plot, info: options.info, warn: options.warn, timeoutMs }));
  add('email', () => new EmailChannel(emailSettings(options.env), { plot, timeoutMs }));
  add('webhook', () => new WebhookChannel(webhookSettings(options.env), { timeoutMs }));
  add('teams', () => new TeamsChannel(teamsSettings(options.env), { timeoutMs }));
  add('discord', () => new DiscordChannel(discordSettings(options.env), { plot, timeoutMs }));
  return { channels, misconfigured };
}

/** A plot that fails to render must not hold the alert back: the message goes without it, with a warning. */
function safePlotter(options: ChannelOptions): AlertPlotter {
  return async (group) => {
    try {
      return await options.plot(group);
    } catch (error) {
      options.warn(`${group.newest.batch}: the plot of ${group.newest.metric} could not be drawn (${error instanceof Error ? error.message : String(error)}); sending the alert without it`);
      return null;
    }
  };
}
