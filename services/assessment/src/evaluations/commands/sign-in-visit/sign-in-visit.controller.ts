import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { SignInVisitHandler } from './sign-in-visit.handler';

/** POST /cases/:caseId/onsite-visit/sign-in: the calling member signs in on the day of the visit. */
@ApiTags('on-site evaluation')
@ApiBearerAuth()
@Controller('cases/:caseId/onsite-visit/sign-in')
export class SignInVisitController {
  constructor(private readonly handler: SignInVisitHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('expert')
  async signIn(@Param('caseId') caseId: string, @CurrentPrincipal() principal: Principal) {
    return this.handler.execute(caseId, principal);
  }
}
