import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthConfig, loadAuthConfig } from './auth.config';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

export interface AuthModuleOptions {
  /** Ready-made configuration; by default it is read from the environment. */
  config?: AuthConfig;
  /** Environment to read instead of process.env (tests). */
  env?: Record<string, string | undefined>;
}

/**
 * Import once in the root module: `AuthModule.forRoot()`. Reads the configuration when the app starts,
 * so a missing key fails the boot, and guards every HTTP route.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_CONFIG, useFactory: (): AuthConfig => options.config ?? loadAuthConfig(options.env ?? process.env) },
        { provide: TokenVerifier, useFactory: (config: AuthConfig) => new TokenVerifier(config), inject: [AUTH_CONFIG] },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_CONFIG, TokenVerifier],
    };
  }
}
