import { DynamicModule, Global, Module } from '@nestjs/common';

/**
 * Provides a service's configuration object, read and checked once when the process starts, to every module under
 * its class token, so handlers get it injected instead of reading the environment.
 */
@Global()
@Module({})
export class ServiceConfigModule {
  static of<T extends object>(token: abstract new (...args: never[]) => T, config: T): DynamicModule {
    return { module: ServiceConfigModule, providers: [{ provide: token, useValue: config }], exports: [token] };
  }
}
