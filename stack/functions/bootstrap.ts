// Runs under Deno, one process per function: imports the user's module, captures the handler it
// gives `Deno.serve`, serves it on a loopback port and tells the stack that port on stdout.
// Written against `globalThis` so the stack's Node type-check accepts it.
const D = (globalThis as any).Deno;
const READY_MARK = '__atrium_worker_listening__';
const entry: string = D.args[0];

const WORKER_ERROR = { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' };
const pending = new Set<Promise<unknown>>();

// The edge runtime's global: background work survives the response (the process stays up anyway).
(globalThis as any).EdgeRuntime = {
  waitUntil(promise: Promise<unknown>) {
    const tracked = Promise.resolve(promise).catch((err) => console.error(err));
    pending.add(tracked);
    tracked.finally(() => pending.delete(tracked));
    return promise;
  },
};

type Handler = (req: Request, info: unknown) => Response | Promise<Response>;

function pickHandler(args: unknown[]): Handler | undefined {
  const [first, second] = args as [any, any];
  if (typeof first === 'function') return first;
  if (typeof second === 'function') return second;
  return typeof first?.handler === 'function' ? first.handler : undefined;
}

function guarded(handler: Handler): Handler {
  return async (req, info) => {
    try {
      return await handler(req, info);
    } catch (err) {
      console.error(err);
      return Response.json(WORKER_ERROR, { status: 500 });
    }
  };
}

const originalServe = D.serve.bind(D);
let serving = false;

D.serve = (...args: unknown[]) => {
  const handler = pickHandler(args);
  if (!handler) throw new TypeError('Deno.serve: a handler function is required');
  if (serving) throw new Error('Deno.serve: this function already serves a handler');
  serving = true;
  return originalServe(
    {
      hostname: '127.0.0.1',
      port: 0,
      onListen: ({ port }: { port: number }) => console.log(`${READY_MARK} ${port}`),
      onError: (err: unknown) => {
        console.error(err);
        return Response.json(WORKER_ERROR, { status: 500 });
      },
    },
    guarded(handler),
  );
};

// The stack holds our stdin open: when it goes away, however abruptly, so does this worker.
(async () => {
  for await (const _chunk of D.stdin.readable) void _chunk;
  D.exit(0);
})();

globalThis.addEventListener('unhandledrejection', (event: any) => {
  console.error('unhandled rejection:', event.reason);
  event.preventDefault();
});

try {
  await import(entry);
} catch (err) {
  console.error(err);
  D.exit(70);
}
if (!serving) {
  console.error('the function module never called Deno.serve');
  D.exit(70);
}
