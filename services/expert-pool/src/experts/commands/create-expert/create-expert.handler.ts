import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, RuleRefusal } from '@filing/runtime';
import { Expert } from '../../infrastructure/expert.entity';
import { ExpertRepository, idNumberTaken } from '../../infrastructure/expert.repository';
import { ExpertAccess } from '../../expert-access';
import { expertAuditFacts } from '../../expert-audit';
import { expertView } from '../../expert-view';
import { CreateExpertRequest, crossFieldProblems } from './create-expert.request';

/** Builds a new active expert of `level` from validated fields. */
export function newExpert(level: string, f: CreateExpertRequest, now: Date): Expert {
  return Object.assign(new Expert(), {
    id: randomUUID(),
    level,
    name: f.name.trim(),
    gender: f.gender ?? null,
    idNumber: f.idNumber,
    employer: { name: f.employer.name.trim(), creditCode: f.employer.creditCode ?? null },
    title: f.title ?? null,
    skillLevel: f.skillLevel ?? null,
    occupationCodes: f.occupationCodes,
    region: f.region,
    contact: { phone: f.contact.phone, email: f.contact.email ?? null },
    status: 'active',
    statusReason: null,
    termStart: f.termStart,
    termEnd: f.termEnd ?? null,
    formerEmployers: f.formerEmployers ?? [],
    declaredConflicts: f.declaredConflicts ?? [],
    relativesEmployers: f.relativesEmployers ?? [],
    serviceHistory: f.serviceHistory ?? [],
    accountSubject: null,
    accountUsername: null,
    accountLinkedAt: null,
    accountLinkedBy: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
}

/** 专家征集: centre staff add an expert to their level's database. */
@Injectable()
export class CreateExpertHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly access: ExpertAccess,
    private readonly experts: ExpertRepository,
  ) {}

  async create(body: CreateExpertRequest, p: Principal) {
    const level = p.jurisdiction;
    this.access.assertManagesDatabase(p, level);
    const problems = crossFieldProblems(body);
    if (problems.length) throw new RuleRefusal({ error: 'Unprocessable Entity', message: `invalid expert: ${problems.join('; ')}`, problems });
    const expert = newExpert(level, body, this.clock.now());
    await this.dataSource.transaction(async (m) => {
      if ((await idNumberTaken(m, level, [expert.idNumber])).size) throw new IllegalStep(`an expert with this ID number is already in the ${level} database`);
      await this.experts.insert(m, expert);
      await this.audit.append(m, {
        jurisdiction: level,
        action: 'expert-created',
        toStage: 'active',
        actor: principalActor(p, 'center-staff'),
        at: expert.createdAt.toISOString(),
        details: expertAuditFacts(expert),
      });
    });
    return expertView(expert, p);
  }
}
