import { BadRequestException, PipeTransform } from '@nestjs/common';

/** A path's 统一社会信用代码: 18 characters of its alphabet (its check character is intake's business). */
export class CreditCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value))
      throw new BadRequestException({
        message: `统一社会信用代码应为 18 位（收到 ${value.slice(0, 40)}）`,
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'creditCode', code: 'PATTERN', message: 'creditCode must be an 18-character 统一社会信用代码' }],
      });
    return value;
  }
}
