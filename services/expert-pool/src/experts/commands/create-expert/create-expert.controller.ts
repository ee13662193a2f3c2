import { Body, ConflictException, Controller, HttpCode, Post, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { Expert } from '../../infrastructure/expert.entity';
import { assertManagesDatabase } from '../../expert-access';
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
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
}

export async function idNumberTaken(manager: EntityManager, level: string, idNumbers: string[]): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const rows: { id_number: string }[] = await manager.query(`SELECT id_number FROM expert_pool.expert WHERE level = $1 AND id_number = ANY($2)`, [level, idNumbers]);
  return new Set(rows.map((r) => r.id_number));
}

/** 专家征集: centre staff add an expert to their level's database. */
@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class CreateExpertController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('center-staff')
  async create(@Body() body: CreateExpertRequest, @CurrentPrincipal() p: Principal) {
    const level = p.jurisdiction;
    assertManagesDatabase(p, level);
    const problems = crossFieldProblems(body);
    if (problems.length) throw new UnprocessableEntityException({ error: 'Unprocessable Entity', message: `invalid expert: ${problems.join('; ')}`, problems });
    const expert = newExpert(level, body, this.clock.now());
    await this.dataSource.transaction(async (m) => {
      if ((await idNumberTaken(m, level, [expert.idNumber])).size) throw new ConflictException(`an expert with this ID number is already in the ${level} database`);
      await m.insert(Expert, expert);
    });
    return expertView(expert, p);
  }
}
