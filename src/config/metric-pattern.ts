/** Whether a metric name matches a pattern: the name itself, or with `*` standing for any run of characters. */
export function matchesPattern(metric: string, pattern: string): boolean {
  if (!pattern.includes('*')) return pattern === metric;
  return new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(metric);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
