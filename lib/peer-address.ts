import http from 'node:http';

/**
 * Route handlers cannot see the TCP peer of a request. This passes it on in a header set by the server
 * itself (any value the client sent under that name is overwritten), so that the view beacon trusts
 * X-Forwarded-For only from TRUSTED_PROXIES. Installed from instrumentation.ts (Node runtime only).
 */
export const PEER_HEADER = 'x-kiosque-peer';

const g = globalThis as unknown as { kiosquePeerHeader?: boolean };

export function installPeerAddressHeader(): void {
  if (g.kiosquePeerHeader) return;
  g.kiosquePeerHeader = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? '';
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/** The peer address of a request, when the header above is known to come from this server. */
export function peerAddress(headers: Headers): string | null {
  return g.kiosquePeerHeader ? headers.get(PEER_HEADER) || null : null;
}
