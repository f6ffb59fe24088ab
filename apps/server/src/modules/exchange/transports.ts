import type { Db } from '../../platform/db.ts';
import type { AxisClient } from './axis/axis-client.ts';
import type { Route } from './directory.ts';
import { postToPeer, type Peer } from './peers.ts';
import { receiveMessage } from './receive-message.ts';

/** How packages and status messages leave this server, per route of the directory (ADR 0021). */
export interface Transports {
  deliver(route: Route, body: Uint8Array, kind: 'package' | 'status'): Promise<void>;
}

export function createTransports(options: {
  db: Db;
  peers: readonly Peer[];
  peerCa?: string;
  axis: AxisClient | null;
}): Transports {
  const { db, peers, axis } = options;
  return {
    async deliver(route, body, kind) {
      switch (route.transport) {
        case 'local': {
          // Same server: the receiving agency's box, through the same checks as any arrival.
          await receiveMessage(db, { bytes: body, transport: 'local' });
          return;
        }
        case 'peer': {
          const peer = peers.find((candidate) => candidate.name === route.peer);
          if (!peer)
            throw new Error(`peer ${route.peer} of ${route.code} is not configured (EXCHANGE_PEERS)`);
          await postToPeer({ peer, body, ...(options.peerCa ? { ca: options.peerCa } : {}) });
          return;
        }
        case 'axis': {
          if (!axis) throw new Error(`${route.code} is on the national axis, which is not configured`);
          await axis.sendEdoc({ body, kind });
          return;
        }
      }
    },
  };
}
