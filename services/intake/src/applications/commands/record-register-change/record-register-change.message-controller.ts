import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, FilingStatusChanged } from '@filing/contracts';
import { EventContext, OnEvent } from '@filing/messaging';
import { FiledInstitutionRepository } from '../../infrastructure/filed-institution.repository';

/**
 * A filed institution's register entry changed after filing (变更, 暂停, 恢复, 撤销, 注销). Intake keeps the status on
 * its read model of filings, so add-occupation stays open only to an institution whose filing is valid now.
 */
@Controller()
export class RecordRegisterChangeMessageController {
  constructor(private readonly register: FiledInstitutionRepository) {}

  @OnEvent(Events.filingStatusChanged)
  async on(@Payload() event: FilingStatusChanged, @Ctx() ctx: EventContext): Promise<void> {
    await this.register.changeStatus(ctx.manager, event.institution.creditCode, event.status, event.institution.name);
  }
}
