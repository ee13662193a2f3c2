import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { LoadStandardHandler } from './load-standard.handler';
import { LoadStandardRequest } from './load-standard.request';

/** POST /standards: the request as a standard document, for the handler. */
@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class LoadStandardController {
  constructor(private readonly handler: LoadStandardHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  async load(@Body() body: LoadStandardRequest, @CurrentPrincipal() principal: Principal) {
    return this.handler.execute(
      {
        standardId: body.standardId,
        version: body.version,
        institutionKind: body.institutionKind,
        title: body.title,
        effectiveFrom: body.effectiveFrom,
        provisional: body.provisional ?? false,
        provenance: body.provenance ?? '',
        total: body.total,
        passLine: body.passLine,
        items: body.items.map((i) => ({ ...i, subItems: i.subItems.map((s) => ({ ...s })) })),
        vetoes: body.vetoes.map((v) => ({ ...v })),
      },
      principal,
    );
  }
}
