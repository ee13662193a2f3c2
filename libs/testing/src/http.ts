/** An answer as the end-to-end specs read it: the status, the JSON body if it is JSON, the text, the headers. */
export interface HttpReply {
  status: number;
  /** The parsed body; undefined when it is empty or not JSON (then see `text`). */
  json: any;
  text: string;
  headers: Headers;
}

/**
 * One HTTP request to a service with a bearer token, as every service's specs make them. `body` is sent as it is
 * (the caller decides how to serialise it), with `contentType` when there is a body; a multipart form sets its own.
 */
export async function httpRequest(
  url: string,
  opts: { method?: string; token?: string; body?: string | FormData; contentType?: string; headers?: Record<string, string> } = {},
): Promise<HttpReply> {
  const res = await fetch(url, {
    method: opts.method ?? 'GET',
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined && !(opts.body instanceof FormData) ? { 'content-type': opts.contentType ?? 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.body,
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}
