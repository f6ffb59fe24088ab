import type { FastifyInstance } from 'fastify';

/**
 * Lets the routes of one plugin read `application/x-www-form-urlencoded` bodies (HTML forms and the
 * callbacks of gateways that post forms) as a flat record of strings; the last of repeated names wins.
 */
export function acceptFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 65_536 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
}
