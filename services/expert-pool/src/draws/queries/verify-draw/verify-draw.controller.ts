import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@filing/auth';
import { verifyDraw } from '../../domain/draw-verification';
import { VerifyDrawRequest } from './verify-draw.request';

/** Public: re-runs any published draw sent to it and says match or mismatch (and what differs). */
@ApiTags('verification')
@Public()
@Controller('draws')
export class VerifyDrawController {
  @Post('verify')
  @HttpCode(200)
  verify(@Body() body: VerifyDrawRequest) {
    return verifyDraw(body);
  }
}
