import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@filing/contracts';
import { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { ClaimsRefusedError, InvalidTokenError, KeySourceUnavailableError, TokenVerifier } from './token-verifier';

/** Pulls the token out of `Authorization: Bearer <token>`. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
}

/**
 * Global guard (installed by AuthModule): every HTTP route needs a valid bearer token unless it is @Public(),
 * and the caller must hold one of the @Roles() when the route names any.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka handlers in hybrid apps carry no bearer token; their input is checked as a contract event instead.
    if (context.getType() !== 'http') return true;

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw this.unauthorized(http.getResponse(), 'missing bearer token');

    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        this.logger.debug?.(`token refused: ${error.message}`);
        throw this.unauthorized(http.getResponse(), error.message);
      }
      if (error instanceof ClaimsRefusedError) {
        // The account is misprovisioned at the identity provider: say which claim, so an operator can fix it there.
        this.logger.warn(`token of ${error.subject ?? '(no sub)'} refused: claim "${error.claim}" missing or malformed: ${error.message}`);
        throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', code: 'ACCOUNT_NOT_PROVISIONED', claim: error.claim, message: error.message });
      }
      if (error instanceof KeySourceUnavailableError) {
        this.logger.error(error.message);
        throw new ServiceUnavailableException('token verification temporarily unavailable');
      }
      throw error;
    }

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required?.length && !request.principal.hasRole(...required)) {
      throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN', message: `requires one of the roles: ${required.join(', ')}` });
    }
    return true;
  }

  private unauthorized(response: unknown, message: string): UnauthorizedException {
    // RFC 6750 asks for the challenge; express and node responses both have setHeader.
    const res = response as { setHeader?: (name: string, value: string) => void };
    res.setHeader?.('WWW-Authenticate', 'Bearer error="invalid_token"');
    return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message });
  }
}
