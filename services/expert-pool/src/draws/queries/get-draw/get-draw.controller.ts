import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal } from '@filing/auth';
import { Draw } from '../../infrastructure/draw.entity';
import { canSeeDraw, drawView } from '../../draw-view';

/** One draw: counts and commitment for everyone concerned; identities for the officer and members (sealed until kick-off). */
@ApiTags('draws')
@ApiBearerAuth()
@Controller('draws')
export class GetDrawController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const d = await this.dataSource.getRepository(Draw).findOneBy({ id });
    if (!d) throw new NotFoundException(`draw ${id} not found`);
    if (!canSeeDraw(d, p)) throw new NotFoundException(`draw ${id} not found`);
    return drawView(d, p);
  }
}
