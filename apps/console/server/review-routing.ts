// Review runs as one instance per jurisdiction that keeps its own (a city's), plus the province instance that serves
// every other jurisdiction. The console routes `/api/review/…` to the instance serving the case's jurisdiction:
// `/api/review/<code>/…` names it, otherwise the caller's own jurisdiction (from their token) decides.

export interface ReviewRouting {
  /** The province instance (220000), which also serves every city without its own instance. */
  province: string;
  /** City instances by jurisdiction code. */
  cities: Record<string, string>;
}

export function reviewInstanceFor(routing: ReviewRouting, jurisdiction: string | undefined): string {
  return (jurisdiction && routing.cities[jurisdiction]) || routing.province;
}

/** The `jurisdiction` claim of a bearer token, read without verifying it: routing only, the service verifies. */
export function tokenJurisdiction(authorization: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims.jurisdiction === 'string' && /^\d{6}$/.test(claims.jurisdiction) ? claims.jurisdiction : undefined;
  } catch {
    return undefined;
  }
}

/** `REVIEW_INSTANCES={"220000":"http://…","220100":"http://…"}`: the province's entry is required. */
export function parseReviewRouting(json: string, province = '220000'): ReviewRouting {
  let map: Record<string, string>;
  try {
    map = JSON.parse(json);
  } catch (err) {
    throw new Error(`configuration: REVIEW_INSTANCES must be JSON {"<jurisdiction>": "<url>"}: ${(err as Error).message}`);
  }
  if (!map[province]) throw new Error(`configuration: REVIEW_INSTANCES must name the province instance (${province})`);
  const cities = Object.fromEntries(Object.entries(map).filter(([code]) => code !== province));
  return { province: map[province], cities };
}
