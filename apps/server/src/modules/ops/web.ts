import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Serves the built web app: files from its dist folder, and index.html for every other page path so
 * that the browser's router takes over. /api and /metrics never fall through to the app.
 */
export async function serveWebApp(app: App, distDir: string): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built; run `npm run build:web` to serve it');
    return;
  }
  await app.register(fastifyStatic, { root: distDir, serve: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (path.startsWith('/api/') || path === '/metrics') throw new AppError('not_found');
    const file = path.replace(/^\/+/, '');
    if (file && !file.includes('..') && statSync(join(distDir, file), { throwIfNoEntry: false })?.isFile()) {
      const immutable = file.startsWith('assets/');
      return reply.sendFile(file, { maxAge: immutable ? 31_536_000_000 : 0, immutable });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
