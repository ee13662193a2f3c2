import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@filing/auth';
import { checklistFor, missingItems } from '../../domain/checklist';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { MaterialRepository, materialPart } from '../../infrastructure/material.repository';
import { TimelineRepository } from '../../infrastructure/timeline.repository';
import { applicationSummary, timelineEntry } from '../application.view';

/** One application with its checklist status, current materials, stage timeline, return reasons and outcome. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class GetApplicationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly materials: MaterialRepository,
    private readonly timelines: TimelineRepository,
  ) {}

  @Get(':id')
  @Roles('applicant', 'center-staff', 'approver', 'admin')
  @ApiOperation({ summary: 'An application: data, checklist, current materials, timeline, returns, outcome' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const manager = this.dataSource.manager;
    const { application, access } = await this.access.readable(manager, principal, id);
    const materials = await this.materials.current(manager, id);
    const checklist = checklistFor(application.applicationKind, application.institution.kind);
    const events = await this.timelines.ofApplication(manager, id);
    const returns = events.filter((e) => e.kind === 'returned');
    const outcome = [...events].reverse().find((e) => e.kind === 'approved' || e.kind === 'rejected' || e.kind === 'filing-issued');
    const filing = events.find((e) => e.kind === 'filing-issued');
    const approved = [...events].reverse().find((e) => e.kind === 'approved');
    return {
      ...applicationSummary(application, access),
      checklist,
      missingMaterials: missingItems(
        checklist,
        materials.map((m) => m.checklistItem),
      ),
      materials: materials.map((m) => ({ ...materialPart(m), round: m.round, uploadedAt: m.uploadedAt.toISOString() })),
      timeline: events.filter((e) => e.kind === 'stage-changed').map(timelineEntry),
      returns: returns.map((e) => ({ at: e.occurredAt.toISOString(), atStage: e.stageFrom, reasons: e.details.reasons, returnCount: e.details.returnCount })),
      outcome: outcome ? timelineEntry(outcome) : null,
      filing: filing ? filing.details : null,
      // What the approval approved: the occupations and levels the comprehensive opinion passed, and those it did not.
      approvedOccupations: approved ? (approved.details.occupations ?? null) : null,
      notPassedOccupations: approved ? (approved.details.notPassedOccupations ?? []) : null,
    };
  }

  @Get(':id/timeline')
  @Roles('applicant', 'center-staff', 'approver', 'admin')
  @ApiOperation({ summary: 'Everything review and publication reported about the case, oldest first' })
  async timeline(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const manager = this.dataSource.manager;
    await this.access.readable(manager, principal, id);
    return (await this.timelines.ofApplication(manager, id)).map(timelineEntry);
  }
}
