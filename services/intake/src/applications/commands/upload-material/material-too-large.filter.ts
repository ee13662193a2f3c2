import { ArgumentsHost, Catch, ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemOf } from '@filing/runtime';
import { materialMaxBytes } from '../../../infrastructure/material-upload.config';

/** Multer's "File too large" says nothing about the limit; this names it (a problem document, like every refusal). */
@Catch(PayloadTooLargeException)
export class MaterialTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost) {
    const max = materialMaxBytes();
    const mb = (max / 1024 / 1024).toFixed(1);
    const body = problemOf(413, {
      code: 'PAYLOAD_TOO_LARGE',
      detail: `文件超过大小上限（${mb} MB）`,
      message: `the file is larger than the limit of ${max} bytes (${mb} MB)`,
    });
    host.switchToHttp().getResponse<Response>().status(413).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
