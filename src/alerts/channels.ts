/** The alert channels of one batch, from its `alert_methods` / `tholdalert_methods` and the environment. */
import type { Batch } from '../config/load.ts';
import { isJobDisabled, type BatchConfig, type Job } from '../config/schema.ts';
import type { AlertChannel } from './channel.ts';
import { ChannelConfigError } from './channel-config.ts';
import { ConsoleChannel } from './console.ts';
import { EmailChannel, emailSettings } from './email.ts';
import { GitHubIssueChannel } from './github-channel.ts';
import type { GitHubIssues } from './github-issues.ts';
import type { AlertImage, AlertGroup, AlertPlotter, Wording } from './message.ts';
import { SlackChannel, slackSettings } from './slack.ts';
import { DiscordChannel, discordSettings } from './discord.ts';
import { TeamsChannel, teamsSettings } from './teams.ts';
import { WebhookChannel, webhookSettings } from './webhook.ts';
import { allReceivers, type Receiver } from './route.ts';
import { severityBands } from './severity.ts';

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

/**
 * The key naming the methods a job notifies by default (alerts no route takes go there), and those methods; null
 * for jobs that send nothing.
 */
export function jobMethods(config: BatchConfig, job: Job): { key: 'alert_methods' | 'tholdalert_methods'; methods: readonly string[] } | null {
  if (job === 'tholdalert') return { key: 'tholdalert_methods', methods: config.tholdalert_methods };
  return job === 'alert' || job === 'change' || job === 'llmalert' || job === 'summary' ? { key: 'alert_methods', methods: config.alert_methods } : null;
}

/** Why the job cannot notify one of its methods or routes ("alert_methods includes slack, but ... is not set"), or null. */
export function unreachableMethod(config: BatchConfig, job: Job, misconfigured: ReadonlyMap<string, string>): string | null {
  const named = jobMethods(config, job);
  if (!named) return null;
  const method = named.methods.find((m) => misconfigured.has(m));
  if (method) return `${named.key} includes ${method}, but ${misconfigured.get(method) ?? ''}`;
  if (job === 'summary') return null;
  const routed = allReceivers(config.alert_routes).find((r) => misconfigured.has(r.name));
  return routed ? `alert_routes send to ${routed.name}, but ${misconfigured.get(routed.name) ?? ''}` : null;
}

export function batchChannels(batch: Batch, options: ChannelOptions): BatchChannels {
  const { config } = batch;
  // Each job sends to the methods its own key names and to the routes' (see channelsFor); the batch needs the union.
  const receivers = allReceivers(config.alert_routes);
  // A method's own channel (its recipients from the environment) only where something sends to it without recipients.
  const methods = new Set<string>([...config.alert_methods, ...config.tholdalert_methods, ...receivers.filter((r) => r.name === r.method).map((r) => r.method)]);
  const channels: AlertChannel[] = [new ConsoleChannel()];
  const misconfigured = new Map<string, string>();
  const plot = safePlotter(options);
  const add = (method: string, build: () => AlertChannel, name = method): void => {
    if (name === method && !methods.has(method)) return;
    try {
      channels.push(build());
    } catch (error) {
      if (!(error instanceof ChannelConfigError)) throw error;
      misconfigured.set(name, error.message);
    }
  };
  // Each channel's wording: the batch's templates for it (alert_templates), and where a template that fails says so.
  const wording = (method: keyof NonNullable<Batch['templates']>): Wording => ({ templates: batch.templates?.[method], warn: options.warn });
  const { github } = options;
  if (github) {
    add('github', () => new GitHubIssueChannel(github, { batch: batch.name, label: config.issue_label, reopenCooldown: config.issue_reopen_cooldown, plotted: !isJobDisabled(config, 'plot'), severityLevels: severityBands(config.alert_severity).map((b) => b.level), wording: wording('github') }));
  } else if (methods.has('github')) {
    // Issues need the action's token and repository; on the command line the console stands in.
    options.warn(`${batch.name}: alert method github is not available here (it needs the GitHub Action); alerts go to the console`);
  }
  // Each request's time limit: a Slack or SMTP server that never answers costs seconds, not the libraries' minutes.
  const timeoutMs = config.alert_timeout_s * 1000;
  add('slack', () => new SlackChannel(slackSettings(options.env), { plot, info: options.info, warn: options.warn, timeoutMs, wording: wording('slack') }));
  add('email', () => new EmailChannel(emailSettings(options.env), { plot, timeoutMs, wording: wording('email') }));
  add('webhook', () => new WebhookChannel(webhookSettings(options.env), { timeoutMs, wording: wording('webhook') }));
  add('teams', () => new TeamsChannel(teamsSettings(options.env), { timeoutMs, wording: wording('teams') }));
  add('discord', () => new DiscordChannel(discordSettings(options.env), { plot, timeoutMs, wording: wording('discord') }));
  // A route's recipients: the method's channel addressed elsewhere, under the receiver's name.
  for (const receiver of receivers) {
    const build = addressedChannel(receiver, options, { plot, timeoutMs, wording });
    if (build) add(receiver.method, build, receiver.name);
  }
  return { channels, misconfigured };
}

/** The channel of a receiver that names its own recipients (a route's `slack_channel`, `email_to`); null for others. */
function addressedChannel(
  receiver: Receiver,
  options: ChannelOptions,
  shared: { plot: AlertPlotter; timeoutMs: number; wording: (method: 'slack' | 'email') => Wording },
): (() => AlertChannel) | null {
  const { plot, timeoutMs, wording } = shared;
  if (receiver.slackChannel) {
    const channel = receiver.slackChannel;
    return () => new SlackChannel(slackSettings(options.env, channel), { plot, info: options.info, warn: options.warn, timeoutMs, wording: wording('slack') }, receiver.name);
  }
  if (receiver.emailTo) {
    const to = [...receiver.emailTo];
    return () => new EmailChannel(emailSettings(options.env, to), { plot, timeoutMs, wording: wording('email') }, receiver.name);
  }
  return null;
}

/** A plot that fails to render must not hold the alert back: the message goes without it, with a warning. */
function safePlotter(options: ChannelOptions): AlertPlotter {
  return async (group) => {
    // A plot has a value axis: a batch that keeps its values private sends none (publish_values: false).
    if (group.alerts.some((a) => a.valuesHidden)) return null;
    try {
      return await options.plot(group);
    } catch (error) {
      options.warn(`${group.newest.batch}: the plot of ${group.newest.metric} could not be drawn (${error instanceof Error ? error.message : String(error)}); sending the alert without it`);
      return null;
    }
  };
}
