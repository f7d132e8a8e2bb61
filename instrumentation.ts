/** Runs once when a server process starts (Next instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerAddressHeader } = await import('./lib/peer-address');
  installPeerAddressHeader();
  // Pending views are written on SIGTERM/SIGINT and at exit, even if no beacon arrived since the start.
  const { installShutdownFlush } = await import('./db/view-counter');
  installShutdownFlush();
}
