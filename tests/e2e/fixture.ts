import { afterAll, beforeAll } from 'vitest';
import { startServer } from './server';

type Server = Awaited<ReturnType<typeof startServer>>;

/**
 * The usual setting of an end-to-end suite: the fixture pages served on 127.0.0.1 (with `routes`
 * mapping paths to files) and one browser with the built extension, both started before the suite's
 * tests and closed after them.
 */
export function useServerAndBrowser<S extends { close(): Promise<void> }>(
  launch: () => Promise<S>,
  routes: Record<string, string> = {},
): { server: Server; session: S } {
  const env = {} as { server: Server; session: S };
  beforeAll(async () => {
    env.server = await startServer(routes);
    env.session = await launch();
  });
  afterAll(async () => {
    await env.session?.close();
    await env.server?.close();
  });
  return env;
}
