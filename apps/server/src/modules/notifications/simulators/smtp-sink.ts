import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Every header, lower-case names, values as text. */
  headers: Record<string, string>;
  receivedAt: string;
}

export interface SmtpSink {
  /** Listens on 127.0.0.1 (port 0: any free port); answers the port. */
  start(port: number): Promise<number>;
  stop(): Promise<void>;
  messages(): ReceivedMail[];
}

const MAX_MAILS = 1_000;
const MAX_SIZE = 10 * 1024 * 1024;

/**
 * An SMTP server in this process that keeps what it receives in memory, for the demo and the tests.
 * It never relays. With a user and password it requires them (plain auth without TLS: local only).
 */
export function createSmtpSink(options: { user?: string; password?: string } = {}): SmtpSink {
  const mails: ReceivedMail[] = [];
  const isAuthRequired = Boolean(options.user);
  const server = new SMTPServer({
    logger: false,
    disabledCommands: isAuthRequired ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !isAuthRequired,
    allowInsecureAuth: true,
    size: MAX_SIZE,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password)
        return callback(null, { user: auth.username });
      return callback(new Error('invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const headers: Record<string, string> = {};
          for (const line of mail.headerLines)
            headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
          mails.push({
            from: mail.from?.text ?? '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            headers,
            receivedAt: new Date().toISOString(),
          });
          if (mails.length > MAX_MAILS) mails.shift();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  return {
    start: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve((server.server.address() as AddressInfo).port);
        });
      }),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
    messages: () => [...mails],
  };
}
