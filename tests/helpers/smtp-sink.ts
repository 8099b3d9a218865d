import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server (smtp-server) on localhost that keeps every message it accepts, with the envelope, whether
 * the session was encrypted, who logged in, and the message parsed by postal-mime. STARTTLS uses a certificate for
 * localhost and 127.0.0.1 kept in tests/alerts/fixtures (self-signed, valid 2000-2100; made with `openssl ca
 * -selfsign`), which a client trusts through `ca: SMTP_CA`.
 */

const FIXTURES = new URL('../alerts/fixtures/', import.meta.url);
export const SMTP_CA = readFileSync(new URL('smtp-localhost.crt', FIXTURES), 'utf8');

export interface ReceivedMail {
  from: string;
  to: string[];
  secure: boolean;
  user: string | null;
  raw: Buffer;
  parsed: Email;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** SMTP connections opened so far. */
  readonly connections: number;
  /** Answers the next `times` messages with a temporary failure (451) instead of accepting them. */
  reject(times: number): void;
  close(): Promise<void>;
}

/** `auth`: the one login accepted (and required); without it, no authentication is offered or needed. */
export async function smtpSink(options: { auth?: { user: string; pass: string }; tls?: boolean } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let rejections = 0;
  let connections = 0;
  const server = new SMTPServer({
    secure: false,
    ...(options.tls === false
      ? { disabledCommands: ['STARTTLS', ...(options.auth ? [] : ['AUTH'])] }
      : { key: readFileSync(new URL('smtp-localhost.key', FIXTURES)), cert: SMTP_CA, ...(options.auth ? {} : { disabledCommands: ['AUTH'] }) }),
    authOptional: !options.auth,
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      const ok = options.auth && auth.username === options.auth.user && auth.password === options.auth.pass;
      callback(ok ? null : new Error('Invalid username or password'), ok ? { user: auth.username } : undefined);
    },
    onData(stream, session, callback) {
      buffer(stream).then(async (raw) => {
        if (rejections > 0) {
          rejections--;
          callback(Object.assign(new Error('Temporary local problem, try again'), { responseCode: 451 }));
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : null,
          raw,
          parsed: await PostalMime.parse(raw),
        });
        callback();
      }, (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    get connections() {
      return connections;
    },
    reject: (times) => void (rejections = times),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
