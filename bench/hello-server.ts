// The ceiling: a bare Fastify 5 hello-world, no logger, no plugins. Started by bench/run.ts in a
// process of its own (like the real server), on HELLO_PORT.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', () => ({ hello: 'world' }));

const port = Number(process.env.HELLO_PORT ?? 3301);
await app.listen({ host: '127.0.0.1', port });
process.send?.('ready');
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
