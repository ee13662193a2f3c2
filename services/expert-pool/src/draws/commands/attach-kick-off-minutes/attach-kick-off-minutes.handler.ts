import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, InvalidCommand, MissingPrecondition, NotAllowed, UnsupportedContent } from '@filing/runtime';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { KickOffMinutesRepository } from '../../infrastructure/kick-off-minutes.repository';
import { assertSeesDraw, isCentreStaff, isOfficer } from '../../draw-access';

/** Larger uploads are refused by the multipart reader (413). */
export const MAX_MINUTES_BYTES = 20 * 1024 * 1024;

/** What the minutes may be: PDF, an image of the signed pages, or an office document. */
const MINUTES_TYPES: Record<string, RegExp> = {
  'application/pdf': /\.pdf$/i,
  'image/jpeg': /\.jpe?g$/i,
  'image/png': /\.png$/i,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': /\.docx$/i,
  'application/msword': /\.doc$/i,
};

export interface MinutesFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

/**
 * Attaches the kick-off meeting's minutes (会议纪要), stored with their sha-256 and kept per upload: centre staff,
 * the officer or the elected leader attach them once the meeting is recorded.
 */
@Injectable()
export class AttachKickOffMinutesHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly draws: DrawRepository,
    private readonly minutes: KickOffMinutesRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  attach(id: string, file: MinutesFile | undefined, p: Principal) {
    return this.dataSource.transaction(async (m) => {
      const d = await this.draws.forUpdate(m, id);
      assertSeesDraw(d, p);
      const leader = p.hasRole('expert') && !!p.expertId && p.expertId === d.leaderExpertId;
      const role = isOfficer(d, p) ? 'discipline-officer' : isCentreStaff(d, p) ? 'center-staff' : leader ? 'expert' : null;
      if (!role) throw new NotAllowed('会议纪要由鉴定中心工作人员、机关纪委或组长上传');
      if (!d.kickOffMeeting) throw new MissingPrecondition({ message: '启动会尚未记录，记录后方可上传会议纪要', code: 'KICK_OFF_MEETING_NOT_RECORDED' });
      if (d.seedRevealedAt || d.status === 'CANCELLED')
        throw new IllegalStep({ message: `专家组当前状态为 ${d.status}，不能再上传会议纪要`, status: d.status });
      if (!file || file.buffer.length === 0) throw new InvalidCommand({ message: '请上传会议纪要文件（multipart 字段 file）', field: 'file' });
      const type = Object.entries(MINUTES_TYPES).find(([mime, ext]) => file.mimetype === mime || ext.test(file.originalname));
      if (!type) throw new UnsupportedContent(`会议纪要须为 PDF、图片（JPEG/PNG）或 Word 文档：${file.originalname}`);
      const now = this.clock.now();
      const record = {
        id: randomUUID(),
        drawId: d.id,
        fileName: file.originalname,
        contentType: type[0],
        sizeBytes: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        uploadedBy: { subject: p.sub, role },
        uploadedAt: now,
      };
      await this.minutes.insert(m, record);
      await this.audit.append(m, {
        caseId: d.caseId,
        jurisdiction: d.caseJurisdiction,
        action: 'kick-off-minutes-attached',
        actor: principalActor(p, role),
        at: now.toISOString(),
        details: { drawId: d.id, groupId: d.groupId, minutesId: record.id, fileName: record.fileName, sizeBytes: record.sizeBytes, sha256: record.sha256 },
      });
      const { content: _content, ...view } = record;
      return view;
    });
  }
}
