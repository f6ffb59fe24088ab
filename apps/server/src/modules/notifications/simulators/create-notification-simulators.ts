import { createHttpSimulators, type HttpSimulatorOptions } from './http-simulators.ts';
import { createSmtpSink } from './smtp-sink.ts';

/** The demo's and tests' e-mail, SMS and Zalo providers, all in this process. */
export function createNotificationSimulators(
  options: HttpSimulatorOptions & { smtpUser?: string; smtpPassword?: string },
) {
  return {
    smtp: createSmtpSink({
      ...(options.smtpUser ? { user: options.smtpUser } : {}),
      ...(options.smtpPassword ? { password: options.smtpPassword } : {}),
    }),
    ...createHttpSimulators(options),
  };
}
