import { Injectable } from '@nestjs/common';
import { ApplicationResubmitted } from '@filing/contracts';
import { EventContext } from '@filing/messaging';
import { LifecycleStep, actorOnBehalfOf } from '../lifecycle-step';

/** The applicant resubmitted after a return (退回): the same group reviews the new materials (初审 again). */
@Injectable()
export class ResumeAfterResubmissionHandler {
  constructor(private readonly stepper: LifecycleStep) {}

  async execute(e: ApplicationResubmitted, ctx: EventContext): Promise<void> {
    // The event names no jurisdiction: the case being here is what makes it this instance's.
    const c = await this.stepper.loadLocked(ctx.manager, e.caseId);
    if (!c) return;
    await this.stepper.step(
      ctx.manager,
      {
        caseId: c.id,
        action: 'resubmit',
        actor: actorOnBehalfOf(c.institution.creditCode, 'applicant', c.jurisdiction, c.institution.name),
        by: 'event',
        reason: e.note,
        details: {
          round: e.round,
          materials: e.materials.map((m) => ({ materialId: m.materialId, version: m.version, sha256: m.sha256 })),
          eventId: ctx.meta.id,
        },
        changes: () => ({ resubmissionRound: e.round, ...(e.occupations ? { occupations: e.occupations } : {}) }),
      },
      c,
    );
  }
}
