import { describe, expect, it } from 'vitest';
import { redact, safeCause, urlSecrets } from '../../src/runtime/redact.ts';

describe('redact', () => {
  it("hides a URL's userinfo, with or without a password", () => {
    expect(redact('POST http://user:secret@127.0.0.1:9/api/chat.postMessage failed')).toBe('POST http://***@127.0.0.1:9/api/chat.postMessage failed');
    expect(redact('https://ghp_abc123@github.com/acme/metrics.git')).toBe('https://***@github.com/acme/metrics.git');
    expect(redact('postgres://app:p%40ss@db:5432/prod?sslmode=require')).toBe('postgres://***@db:5432/prod?sslmode=require');
    // An unencoded @ in the password: everything up to the last @ before the host goes.
    expect(redact('smtp://user:p@ss@relay.example.com:587')).toBe('smtp://***@relay.example.com:587');
    expect(redact('"https://u:pw@a.example/x" and "https://v:qq@b.example/y"')).toBe('"https://***@a.example/x" and "https://***@b.example/y"');
  });

  it('hides the values of secret query and fragment parameters, whatever their case', () => {
    expect(redact('GET https://hooks.example/in?channel=ops&token=abc.DEF-123&x=1')).toBe('GET https://hooks.example/in?channel=ops&token=***&x=1');
    expect(redact('https://bucket.s3.amazonaws.com/k?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=deadbeef&X-Amz-Expires=60'))
      .toBe('https://bucket.s3.amazonaws.com/k?X-Amz-Credential=***&X-Amz-Signature=***&X-Amz-Expires=60');
    expect(redact('https://maps.example/api?KEY=AIza123 failed')).toBe('https://maps.example/api?KEY=*** failed');
    expect(redact('https://app.example/cb#access_token=ya29.abc&expires_in=3600')).toBe('https://app.example/cb#access_token=***&expires_in=3600');
    expect(redact('(see https://x.example/?api_key=k1)')).toBe('(see https://x.example/?api_key=***)');
    for (const name of ['access_token', 'apikey', 'secret', 'password', 'passwd', 'sig', 'signature', 'X-Amz-Security-Token', 'client_secret', 'code']) {
      expect(redact(`https://x.example/?${name}=s3cr3t&a=b`), name).toBe(`https://x.example/?${name}=***&a=b`);
    }
  });

  it('leaves text without credentials alone, including lookalikes', () => {
    const plain = [
      'slack: posting "🔥 [cpu] looks anomalous (2026-01-10 12:00 UTC)" to #alerts failed: channel_not_found',
      'see https://api.openai.com/v1 and http://localhost:11434/v1?model=llama3',
      'oncall@example.com via smtp.example.com:587',
      'git@github.com:acme/metrics.git',
      'alert_threshold=0.8 keyword=x monkey=1',
      'https://x.example/?monkey=1&tokens=2&keys=3',
    ];
    for (const text of plain) expect(redact(text)).toBe(text);
  });

  it('is linear on long text without URLs and never throws', () => {
    const long = 'a'.repeat(1_000_000);
    const started = performance.now();
    expect(redact(long)).toBe(long);
    expect(redact(`${long}://${long}`)).toBe(`${long}://${long}`);
    expect(redact(`${'&token'.repeat(100_000)}=x`)).toContain('&token=***');
    // Generous: a quadratic scan of a million characters would take minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(redact(undefined as unknown as string)).toBe('undefined');
    expect(redact('')).toBe('');
  });
});

describe('urlSecrets', () => {
  it('lists the userinfo, the password (raw and decoded) and secret parameter values of a value', () => {
    expect(urlSecrets('http://user:p%40ss@host/api/?token=t0k3n&x=1').sort()).toEqual(['p%40ss', 'p@ss', 't0k3n', 'user:p%40ss', 'user:p@ss'].sort());
    expect(urlSecrets('https://xoxb-123@slack.example/api/')).toEqual(['xoxb-123']);
    expect(urlSecrets('https://slack.com/api/')).toEqual([]);
  });

  it("lists the key of an Azure storage connection string, and redact hides it", () => {
    const connection = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0a2V5PT0=;EndpointSuffix=core.windows.net';
    expect(urlSecrets(connection)).toEqual(['c2VjcmV0a2V5PT0=']);
    expect(redact(`cannot connect with ${connection}`)).toBe('cannot connect with DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=***;EndpointSuffix=core.windows.net');
  });
});

describe('safeCause', () => {
  it('keeps an error as a cause unless its message or a cause of it holds a credential', () => {
    const plain = new Error('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    expect(safeCause(plain)).toBe(plain);
    expect(safeCause(new Error('A request error occurred', { cause: new TypeError('cannot fetch http://u:secret@h/') }))).toBeUndefined();
    expect(safeCause('https://x.example/?token=t')).toBeUndefined();
  });
});
