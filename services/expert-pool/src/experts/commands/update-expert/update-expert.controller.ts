import { Body, ConflictException, Controller, NotFoundException, Param, ParseUUIDPipe, Patch, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { Clock } from '@filing/runtime';
import { Expert } from '../../infrastructure/expert.entity';
import { assertManagesDatabase } from '../../expert-access';
import { expertView } from '../../expert-view';
import { crossFieldProblems } from '../create-expert/create-expert.request';
import { idNumberTaken } from '../create-expert/create-expert.controller';
import { UpdateExpertRequest } from './update-expert.request';

@ApiTags('experts')
@ApiBearerAuth()
@Controller('experts')
export class UpdateExpertController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Patch(':id')
  @Roles('center-staff')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateExpertRequest, @CurrentPrincipal() p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const expert = await m.findOne(Expert, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!expert) throw new NotFoundException(`expert ${id} not found`);
      assertManagesDatabase(p, expert.level);
      if (expert.status === 'removed') throw new ConflictException({ message: `expert ${id} was removed; a removed record is kept as it was`, status: expert.status });
      const merged = {
        title: expert.title ?? undefined,
        skillLevel: expert.skillLevel ?? undefined,
        termStart: expert.termStart,
        termEnd: expert.termEnd ?? undefined,
        ...body,
      };
      const problems = crossFieldProblems(merged);
      if (problems.length) throw new UnprocessableEntityException({ error: 'Unprocessable Entity', message: `invalid expert: ${problems.join('; ')}`, problems });
      if (body.idNumber && body.idNumber !== expert.idNumber && (await idNumberTaken(m, expert.level, [body.idNumber])).size) {
        throw new ConflictException(`an expert with this ID number is already in the ${expert.level} database`);
      }
      const { employer, contact, ...rest } = body;
      Object.assign(expert, rest);
      if (employer) expert.employer = { name: employer.name.trim(), creditCode: employer.creditCode ?? null };
      if (contact) expert.contact = { phone: contact.phone, email: contact.email ?? null };
      expert.updatedAt = this.clock.now();
      await m.save(expert);
      return expertView(expert, p);
    });
  }
}
