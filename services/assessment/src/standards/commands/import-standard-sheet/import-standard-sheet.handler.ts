import { Injectable } from '@nestjs/common';
import { Principal } from '@filing/auth';
import { InvalidCommand, NotAllowed } from '@filing/runtime';
import { standardFromSheet, StandardHead } from '../../domain/standard-sheet';
import { LoadStandardHandler } from '../load-standard/load-standard.handler';

/**
 * An administrator enters a standard's structure as a table instead of code or JSON. Every row error is reported and
 * nothing is loaded; a table that reads cleanly is loaded as any other version (checked that it adds up, audited).
 */
@Injectable()
export class ImportStandardSheetHandler {
  constructor(private readonly load: LoadStandardHandler) {}

  async execute(grid: string[][], head: StandardHead, fileName: string, principal: Principal) {
    if (!principal.isProvince()) throw new NotAllowed('only a provincial administrator (220000) loads evaluation standards');
    const { document, errors } = standardFromSheet(grid, head);
    if (!document)
      throw new InvalidCommand({
        error: 'Bad Request',
        code: 'STANDARD_SHEET_REJECTED',
        message: `${fileName}：${errors.length} 处错误，未加载（${[...new Set(errors.map((e) => `第 ${e.row} 行`))].slice(0, 10).join('、')}）`,
        errors,
      });
    return this.load.execute(document, principal);
  }
}
