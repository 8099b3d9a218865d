import { describe, expect, it } from 'vitest';
import { issueBody } from '../../src/alerts/github-body.ts';
import { parseDuration } from '../../src/config/duration.ts';
import { fingerprint, parseEpisodeMarker, renderEpisodeMarker, type EpisodeMarker } from '../../src/alerts/github-markers.ts';
import { anomaly, at } from './github-fixtures.ts';

const marker = (metric: string): EpisodeMarker => ({
  fingerprint: fingerprint('shop', metric, 'anomaly'), batch: 'shop', metric, kind: 'anomaly', first: at(1).toISOString(), last: at(2).toISOString(), alerts: 2,
});

describe('episode markers', () => {
  it('round-trip through a rendered issue body, whatever the metric is called', () => {
    for (const metric of ['requests', 'p99 latency --> ms', 'a}b{"c"', 'ünïcode <b>']) {
      const body = issueBody(marker(metric), anomaly(metric, 2), {});
      expect(parseEpisodeMarker(body)).toEqual(marker(metric));
      // The marker stays one hidden comment: nothing in it closes the comment early.
      expect(body.split('\n')[0]?.match(/-->/g)).toHaveLength(1);
    }
  });

  it('fingerprints differ by batch, metric and kind, and are stable', () => {
    const fps = new Set([fingerprint('shop', 'm', 'anomaly'), fingerprint('shop', 'm', 'change'), fingerprint('shop2', 'm', 'anomaly'), fingerprint('shop', 'm2', 'anomaly')]);
    expect(fps.size).toBe(4);
    expect(fingerprint('shop', 'm', 'anomaly')).toBe(fingerprint('shop', 'm', 'anomaly'));
  });

  it('rejects a marker whose fingerprint does not match its fields, or that is not one at all', () => {
    const edited = renderEpisodeMarker({ ...marker('requests'), metric: 'errors' });
    expect(parseEpisodeMarker(edited)).toBeNull();
    expect(parseEpisodeMarker('<!-- anomstack-episode {not json} -->')).toBeNull();
    expect(parseEpisodeMarker('just text')).toBeNull();
  });

  it('reads snooze durations in minutes, hours, days and weeks', () => {
    expect([parseDuration('30m'), parseDuration('12h'), parseDuration('7d'), parseDuration('2w')]).toEqual([1_800_000, 43_200_000, 604_800_000, 1_209_600_000]);
    expect([parseDuration('7'), parseDuration('d'), parseDuration('1y')]).toEqual([null, null, null]);
  });
});
