import { Injectable } from '@nestjs/common';
import { FilingStatusChanged } from '@filing/contracts';
import { EventContext } from '@filing/messaging';
import { FiledInstitutionRepository } from '../../infrastructure/filed-institution.repository';

/**
 * A filed institution's register entry changed after filing (变更, 暂停, 恢复, 撤销, 注销). Intake keeps the status on
 * its read model of filings, so add-occupation stays open only to an institution whose filing is valid now.
 */
@Injectable()
export class RecordRegisterChangeHandler {
  constructor(private readonly register: FiledInstitutionRepository) {}

  async on(event: FilingStatusChanged, ctx: EventContext): Promise<void> {
    await this.register.changeStatus(ctx.manager, event.institution.creditCode, event.status, event.institution.name);
  }
}
