/** SQLSTATE classes of a server going away or not accepting connections: 08 (connection exception), 57P01–57P03. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/** pg's and TypeORM's words for a connection that could not be had or was lost (pg-pool's wait for a client included). */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|terminating connection due to administrator command|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|query runner (was )?already released|not queryable/i;

interface ErrorLike {
  name?: string;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  driverError?: unknown;
}

/**
 * Whether an error says the database is away or out of reach (a restart, a failover, no connection to be had in time)
 * rather than that the request or the message is wrong: PostgreSQL's own codes, a socket refused, pg's and TypeORM's
 * words for it. Looks through `cause` (kafkajs, fetch) and `driverError` (TypeORM) wrappers. One rule for both edges:
 * HTTP answers 503 with Retry-After, a consumer waits instead of dead-lettering.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [err];
  while (pending.length > 0 && seen.size < 20) {
    const e = pending.shift() as ErrorLike | undefined;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (e.name === 'QueryRunnerAlreadyReleasedError') return true;
    if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_SOCKET.has(e.code))) return true;
    if (UNAVAILABLE_MESSAGE.test(String(e.message ?? ''))) return true;
    pending.push(e.cause, e.driverError);
  }
  return false;
}
