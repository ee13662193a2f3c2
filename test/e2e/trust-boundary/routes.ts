import 'reflect-metadata';
import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC_KEY, ROLES_KEY } from '@filing/auth';
import { Role } from '@filing/contracts';

/** One HTTP route of a service, as its controller declares it. */
export interface DeclaredRoute {
  service: string;
  method: string;
  /** Express form, e.g. `/cases/:id/accept`. */
  path: string;
  isPublic: boolean;
  /** Roles named by @Roles (handler over controller); undefined: any authenticated caller passes the guard. */
  roles?: Role[];
  controller: string;
}

type ModuleRef = Type<unknown> | { module: Type<unknown>; controllers?: Type<unknown>[]; imports?: ModuleRef[] } | Promise<unknown> | undefined;

/** Every controller class reachable from a module, through its imports (static and dynamic modules). */
function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type<unknown>[] {
  if (!root || root instanceof Promise || seen.has(root)) return [];
  seen.add(root);
  const dynamic = typeof root === 'object' && 'module' in root ? root : undefined;
  const cls = (dynamic ? dynamic.module : root) as Type<unknown>;
  const controllers: Type<unknown>[] = [...(Reflect.getMetadata('controllers', cls) ?? []), ...(dynamic?.controllers ?? [])];
  const imports: ModuleRef[] = [...(Reflect.getMetadata('imports', cls) ?? []), ...(dynamic?.imports ?? [])];
  return [...controllers, ...imports.flatMap((m) => controllersOf(m, seen))];
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');

/** The routes of a service's AppModule, from the controllers' metadata (what Nest's router and AuthGuard read). */
export function declaredRoutes(service: string, appModule: Type<unknown>): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const controller of new Set(controllersOf(appModule))) {
    const base: string[] = [].concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const proto = controller.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
      const paths: string[] | undefined = [].concat(Reflect.getMetadata(PATH_METADATA, handler) ?? []);
      if (method === undefined || !paths?.length) continue; // a Kafka handler
      const isPublic = !!(Reflect.getMetadata(IS_PUBLIC_KEY, handler) ?? Reflect.getMetadata(IS_PUBLIC_KEY, controller));
      const roles: Role[] | undefined = Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller);
      for (const b of base)
        for (const p of paths) routes.push({ service, method: RequestMethod[method], path: join(b, p), isPublic, roles, controller: controller.name });
    }
  }
  return routes;
}
