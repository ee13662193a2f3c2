// Typed calls to the services. Paths, path parameters, query parameters and request bodies are checked against the
// types generated from each service's OpenAPI document (schema.d.ts, `npm run console:api-types`); the services do
// not document their answers, so each call names the view type it reads (views.ts).
import { request, type ServiceName } from '../api/http';
import type { paths as IntakePaths } from './intake/schema';
import type { paths as ReviewPaths } from './review/schema';
import type { paths as ExpertPoolPaths } from './expert-pool/schema';
import type { paths as AssessmentPaths } from './assessment/schema';
import type { paths as PublicationPaths } from './publication/schema';
import type { paths as NotificationPaths } from './notification/schema';

export type { components as IntakeSchemas } from './intake/schema';
export type { components as PublicationSchemas } from './publication/schema';
export type { components as ExpertPoolSchemas } from './expert-pool/schema';

interface PathsOf {
  intake: IntakePaths;
  review: ReviewPaths;
  'expert-pool': ExpertPoolPaths;
  assessment: AssessmentPaths;
  publication: PublicationPaths;
  notification: NotificationPaths;
}
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? ([Q] extends [never] ? never : Q) : never;
type PathParamsOf<O> = O extends { parameters: { path: infer P } } ? ([P] extends [never] ? never : P) : never;

export interface CallArgs<O> {
  path?: PathParamsOf<O>;
  query?: QueryOf<O>;
  body?: JsonBody<O>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Every documented operation as an argument list: [service, method, path, args?], checked by its literal values. */
type Operation = {
  [S in ServiceName]: {
    [P in keyof PathsOf[S] & string]: {
      [M in Method]: PathsOf[S][P] extends { [K in M]?: infer O }
        ? [O] extends [never]
          ? never
          : [O] extends [undefined]
            ? never
            : [service: S, method: M, path: P, args?: CallArgs<O>]
        : never;
    }[Method];
  }[keyof PathsOf[S] & string];
}[ServiceName];

/** `call<View>('publication', 'get', '/public/notices/{id}', { path: { id } })`. */
export function call<T>(...[service, method, path, args = {}]: Operation): Promise<T> {
  const a = args as CallArgs<unknown> & { path?: Record<string, string>; query?: Record<string, string | number | undefined> };
  const concrete = (path as string).replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(a.path?.[k])));
  return request<T>(method.toUpperCase(), service, concrete, { query: a.query, body: a.body, headers: a.headers, signal: a.signal });
}
