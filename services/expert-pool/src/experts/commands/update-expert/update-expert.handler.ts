import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, NotFound, RuleRefusal } from '@filing/runtime';
import { ExpertAccess } from '../../expert-access';
import { expertAuditFacts, expertChanges } from '../../expert-audit';
import { expertView } from '../../expert-view';
import { crossFieldProblems } from '../create-expert/create-expert.request';
import { ExpertRepository, idNumberTaken } from '../../infrastructure/expert.repository';
import { UpdateExpertRequest } from './update-expert.request';

@Injectable()
export class UpdateExpertHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly access: ExpertAccess,
    private readonly experts: ExpertRepository,
  ) {}

  async update(id: string, body: UpdateExpertRequest, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const expert = await this.experts.forUpdate(m, id);
      if (!expert) throw new NotFound(`expert ${id} not found`);
      this.access.assertManagesDatabase(p, expert.level, id);
      if (expert.status === 'removed')
        throw new IllegalStep({ message: `expert ${id} was removed; a removed record is kept as it was`, status: expert.status });
      const merged = {
        title: expert.title ?? undefined,
        skillLevel: expert.skillLevel ?? undefined,
        termStart: expert.termStart,
        termEnd: expert.termEnd ?? undefined,
        ...body,
      };
      const problems = crossFieldProblems(merged);
      if (problems.length) throw new RuleRefusal({ error: 'Unprocessable Entity', message: `invalid expert: ${problems.join('; ')}`, problems });
      if (body.idNumber && body.idNumber !== expert.idNumber && (await idNumberTaken(m, expert.level, [body.idNumber])).size) {
        throw new IllegalStep(`an expert with this ID number is already in the ${expert.level} database`);
      }
      const before = expertAuditFacts(expert);
      const { employer, contact, ...rest } = body;
      Object.assign(expert, rest);
      if (employer) expert.employer = { name: employer.name.trim(), creditCode: employer.creditCode ?? null };
      if (contact) expert.contact = { phone: contact.phone, email: contact.email ?? null };
      expert.updatedAt = this.clock.now();
      await this.experts.save(m, expert);
      const changes = expertChanges(before, expertAuditFacts(expert));
      // An ID number or phone that changed shows as changed, though masked alike.
      if (body.idNumber && body.idNumber !== before.idNumber && !changes.idNumber)
        changes.idNumber = { from: before.idNumber, to: expertAuditFacts(expert).idNumber };
      await this.audit.append(m, {
        jurisdiction: expert.level,
        action: 'expert-updated',
        actor: principalActor(p, 'center-staff'),
        at: expert.updatedAt.toISOString(),
        details: { expertId: id, changes },
      });
      return expertView(expert, p);
    });
  }
}
