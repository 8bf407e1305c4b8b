/**
 * Stops the portal started by global-setup.ts with SIGTERM and waits for it to exit.
 * A server that does not exit 0 fails the run: graceful shutdown is part of the product.
 */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__PORTAL_E2E_SERVER__;
  globalThis.__PORTAL_E2E_SERVER__ = undefined;
  await server?.stop();
}
