/**
 * Loads and checks a batch's `alert_templates` (see src/alerts/templates.ts): each file is read from beside the
 * batch's YAML or from the metrics folder (never outside it), then rendered against a sample alert, so a missing
 * file, a syntax error or an unknown variable is a config error naming the key and the file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderMessageTemplate, SAMPLE_ALERT, TEMPLATE_PARTS, templateContext, type MessageTemplates, type TemplateSource } from '../alerts/templates.ts';
import { TEMPLATE_TARGETS, type TemplateTarget } from './alert-keys.ts';
import { isFile } from './discover.ts';
import type { ConfigIssue } from './issues.ts';
import type { BatchConfig } from './schema.ts';
import { templateErrorMessage } from './template.ts';

/** Each channel's templates, the batch's `default` ones filling the parts a channel does not word itself. */
export type BatchTemplates = Partial<Record<Exclude<TemplateTarget, 'default'>, MessageTemplates>>;

export interface TemplateLoadResult {
  templates: BatchTemplates;
  issues: ConfigIssue[];
}

export async function loadAlertTemplates(
  config: BatchConfig,
  dirs: { batch: string; metrics: string },
  locate: (keyPath: readonly string[]) => { source: string; line?: number },
  display: (file: string) => string,
): Promise<TemplateLoadResult> {
  const loaded = new Map<TemplateTarget, Partial<Record<(typeof TEMPLATE_PARTS)[number], TemplateSource>>>();
  const issues: ConfigIssue[] = [];
  for (const target of TEMPLATE_TARGETS) {
    const files = config.alert_templates[target];
    if (!files) continue;
    const parts: Partial<Record<(typeof TEMPLATE_PARTS)[number], TemplateSource>> = {};
    for (const part of TEMPLATE_PARTS) {
      const name = files[part];
      if (name === undefined) continue;
      const keyPath = ['alert_templates', target, part];
      const issue = (message: string): ConfigIssue => ({ ...locate(keyPath), path: keyPath.join('.'), message, value: name, severity: 'error' });
      const file = await findTemplate(name, dirs);
      if (typeof file !== 'string') {
        issues.push(issue(file.problem));
        continue;
      }
      const template = { source: await readFile(file, 'utf8'), file };
      const problem = checkTemplate(template, dirs.batch);
      if (problem) issues.push(issue(`${display(file)}: ${problem}`));
      else parts[part] = template;
    }
    loaded.set(target, parts);
  }
  const fallback = loaded.get('default') ?? {};
  const templates: BatchTemplates = {};
  for (const target of TEMPLATE_TARGETS) {
    if (target === 'default') continue;
    const own = { ...fallback, ...(loaded.get(target) ?? {}) };
    if (own.title || own.body) templates[target] = { ...own, dir: dirs.batch };
  }
  return { templates, issues };
}

/** The template file: beside the batch, else in the metrics folder; a path leading outside the metrics folder is refused. */
async function findTemplate(name: string, dirs: { batch: string; metrics: string }): Promise<string | { problem: string }> {
  const root = path.resolve(dirs.metrics);
  for (const dir of [dirs.batch, dirs.metrics]) {
    const file = path.resolve(dir, name);
    const inside = path.relative(root, file);
    if (inside.startsWith('..') || path.isAbsolute(inside)) return { problem: 'a template must be a file inside the metrics folder' };
    if (await isFile(file)) return file;
  }
  return { problem: 'no such file beside the batch\'s YAML or in the metrics folder' };
}

/** Renders the template with a sample alert, and a two-alert group: what goes wrong, or null. */
function checkTemplate(template: TemplateSource, dir: string): string | null {
  try {
    for (const alerts of [[SAMPLE_ALERT], [SAMPLE_ALERT, { ...SAMPLE_ALERT, timestamp: new Date('2026-01-01T01:00:00Z') }]]) {
      renderMessageTemplate(template, templateContext(alerts), dir);
    }
    return null;
  } catch (error) {
    const message = templateErrorMessage(error);
    // nunjucks says "attempted to output null or undefined value" for a misspelt field: name the fields there are.
    return /null or undefined/.test(message) ? `${message} (a field that does not exist? an alert has ${FIELD_NAMES})` : message;
  }
}

const FIELD_NAMES = Object.keys(templateContext([SAMPLE_ALERT])['alert'] as object).join(', ');
