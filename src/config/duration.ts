/** `7d` → 7 days in ms; also m (minutes), h and w. Null for anything else. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)\s*(m|h|d|w)$/.exec(text.trim());
  if (!match) return null;
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[match[2] as 'm' | 'h' | 'd' | 'w'];
  return Number(match[1]) * unit;
}
