import { Body, Controller, HttpCode, HttpException, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@filing/auth';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';
import { ObjectionRateLimiter } from '../../domain/objection-rate-limiter';
import { LodgeObjectionHandler } from './lodge-objection.handler';
import { LodgeObjectionRequest } from './lodge-objection.request';

/**
 * Anyone may object (提出异议) while a notice runs. Abuse limits at the edge: OBJECTION_RATE_LIMIT per client
 * address per OBJECTION_RATE_WINDOW_MS (in memory, per replica) and a small body limit
 * (ObjectionBodyLimitMiddleware); the per-notice limit is the handler's.
 */
@ApiTags('public notices')
@Public()
@Controller('public/notices')
export class LodgeObjectionController {
  private readonly limiter: ObjectionRateLimiter;

  constructor(
    private readonly handler: LodgeObjectionHandler,
    @Inject(PUBLICATION_CONFIG) config: PublicationConfig,
  ) {
    this.limiter = new ObjectionRateLimiter(config.objectionRateLimit, config.objectionRateWindowMs);
  }

  @Post(':id/objections')
  @HttpCode(201)
  async lodge(@Param('id', new ParseUUIDPipe()) noticeId: string, @Body() body: LodgeObjectionRequest, @Req() req: Request) {
    const clientIp = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    // Real time, not the procedure clock: this limits request rates.
    if (!this.limiter.tryAcquire(clientIp, Date.now())) {
      throw new HttpException(
        { error: 'Too Many Requests', message: 'too many objections from this address; please try again later or contact the centre' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return this.handler.lodge(noticeId, body, clientIp);
  }
}
