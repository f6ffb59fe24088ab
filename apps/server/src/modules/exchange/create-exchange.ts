import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db.ts';
import type { OutboxHandler } from '../../platform/outbox.ts';
import { createAxisClient, type AxisClient } from './axis/axis-client.ts';
import { pullFromAxis, syncDirectoryFromAxis } from './axis/axis-pull.ts';
import { createDeliverHandler, type SealSigners } from './deliver-outbound.ts';
import type { Peer } from './peers.ts';
import { createProgressHandler, DOCUMENT_PROGRESS_TOPIC } from './progress-handler.ts';
import { EXCHANGE_SEND_TOPIC } from './queue-outbound.ts';
import { createStatusHandler } from './send-status.ts';
import { EXCHANGE_STATUS_TOPIC } from './status-outbox.ts';
import { createTransports } from './transports.ts';

export interface ExchangeSettings {
  db: Db;
  logger: FastifyBaseLogger;
  peers: readonly Peer[];
  /** Extra CA certificates (PEM) trusted when calling peers. */
  peerCa?: string;
  /** The national axis, or null when not configured (nor simulated). */
  axis: { baseUrl: string | (() => string); systemId: string; secretKey: string } | null;
  /** Seconds between pulls from the axis (and directory syncs). */
  axisPullSeconds: number;
  sealSigner: SealSigners;
}

/**
 * The exchange's outbox handlers and its axis loop, for app.ts: `exchange.send` (deliver a package),
 * `exchange.status` (send a status message back) and `document.progress` (turn the documents
 * module's stages into status messages when the document came through the exchange).
 */
export function createExchange(settings: ExchangeSettings): {
  handlers: Record<string, OutboxHandler>;
  axis: AxisClient | null;
  startAxisLoop(): () => void;
} {
  const { db, logger } = settings;
  const axis = settings.axis ? createAxisClient(settings.axis) : null;
  const transports = createTransports({
    db,
    peers: settings.peers,
    axis,
    ...(settings.peerCa ? { peerCa: settings.peerCa } : {}),
  });
  return {
    handlers: {
      [EXCHANGE_SEND_TOPIC]: createDeliverHandler({ db, transports, sealSigner: settings.sealSigner }),
      [EXCHANGE_STATUS_TOPIC]: createStatusHandler({ db, transports }),
      [DOCUMENT_PROGRESS_TOPIC]: createProgressHandler({ db }),
    },
    axis,
    startAxisLoop() {
      if (!axis) return () => undefined;
      const tick = () => {
        Promise.all([syncDirectoryFromAxis(db, axis), pullFromAxis(db, axis)]).then(
          ([synced, pulled]) => {
            if (pulled.received > 0) logger.info({ ...synced, ...pulled }, 'axis pull');
          },
          (error: unknown) => logger.warn({ err: error }, 'axis pull failed'),
        );
      };
      const timer = setInterval(tick, settings.axisPullSeconds * 1000);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
