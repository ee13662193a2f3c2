import { CallHandler, ExecutionContext, ForbiddenException, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest } from '@filing/auth';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ExpertPoolConfig) private readonly config: ExpertPoolConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler) {
    if (context.getType() !== 'http') return next.handle();
    const p = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!p?.hasRole('expert') || !p.expertId) return next.handle();
    const rows: { account_subject: string | null }[] = UUID.test(p.expertId)
      ? await this.dataSource.query('SELECT account_subject FROM expert_pool.expert WHERE id = $1', [p.expertId])
      : [];
    const linked = rows[0]?.account_subject ?? null;
    if (linked !== null && linked !== p.sub) {
      throw new ForbiddenException({
        code: 'EXPERT_ACCOUNT_MISMATCH',
        message: `expert record ${p.expertId} is linked to another account; ask the centre to check the link`,
      });
    }
    if (linked === null && this.config.accountLinkRequired) {
      throw new ForbiddenException({
        code: 'EXPERT_ACCOUNT_NOT_LINKED',
        message: `expert record ${p.expertId} is not linked to this account yet; the centre links it (PUT /experts/:id/account)`,
      });
    }
    return next.handle();
  }
}
