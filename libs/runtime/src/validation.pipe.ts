import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { describeValidationErrors } from '@filing/contracts';

/** Whitelist, refuse unknown fields, and name every problem (architecture §5.3). */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = describeValidationErrors(errors);
      return new BadRequestException({ error: 'Bad Request', message: `invalid request: ${problems.join('; ')}`, problems });
    },
  });
}
