import { Inject, Injectable, NestMiddleware, PayloadTooLargeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PUBLICATION_CONFIG, PublicationConfig } from '../../../infrastructure/publication.config';

/** The public form takes small bodies only (OBJECTION_MAX_BODY_BYTES, 16 KiB by default). */
@Injectable()
export class ObjectionBodyLimitMiddleware implements NestMiddleware {
  constructor(@Inject(PUBLICATION_CONFIG) private readonly config: PublicationConfig) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    const length = Number(req.header('content-length') ?? 0);
    if (length > this.config.objectionMaxBodyBytes) {
      throw new PayloadTooLargeException(`an objection may be at most ${this.config.objectionMaxBodyBytes} bytes; this one is ${length}`);
    }
    next();
  }
}
