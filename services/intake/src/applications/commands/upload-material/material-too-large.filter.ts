import { ArgumentsHost, Catch, ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';
import { materialMaxBytes } from '../../../infrastructure/material-upload.config';

/** Multer's "File too large" says nothing about the limit; this names it. */
@Catch(PayloadTooLargeException)
export class MaterialTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost) {
    const max = materialMaxBytes();
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({ statusCode: 413, error: 'Payload Too Large', message: `the file is larger than the limit of ${max} bytes (${(max / 1024 / 1024).toFixed(1)} MB)` });
  }
}
