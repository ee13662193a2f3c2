import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { AuthenticatedRequest } from '@filing/auth';
import { NotAllowed } from '@filing/runtime';
import { ExpertRepository } from './infrastructure/expert.repository';
import { ExpertPoolConfig } from '../infrastructure/expert-pool.config';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How the `expertId` claim and the account link relate: the identity provider says which record an account acts as
 * (the claim); centre staff say which account a record belongs to (the link). expert-pool, which owns the records,
 * lets an expert token through only when the two agree — a record linked to another account is refused, and with
 * EXPERT_ACCOUNT_LINK_REQUIRED (production default) so is a record linked to none.
 */
@Injectable()
export class ExpertAccountCheck implements NestInterceptor {
  constructor(
    private readonly experts: ExpertRepository,
    @Inject(ExpertPoolConfig) private readonly config: ExpertPoolConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler) {
    if (context.getType() !== 'http') return next.handle();
    const p = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!p?.hasRole('expert') || !p.expertId) return next.handle();
    const linked = (UUID.test(p.expertId) ? await this.experts.accountOf(p.expertId) : undefined) ?? null;
    if (linked !== null && linked !== p.sub) {
      throw new NotAllowed({
        code: 'EXPERT_ACCOUNT_MISMATCH',
        message: `expert record ${p.expertId} is linked to another account; ask the centre to check the link`,
      });
    }
    if (linked === null && this.config.accountLinkRequired) {
      throw new NotAllowed({
        code: 'EXPERT_ACCOUNT_NOT_LINKED',
        message: `expert record ${p.expertId} is not linked to this account yet; the centre links it (PUT /experts/:id/account)`,
      });
    }
    return next.handle();
  }
}
