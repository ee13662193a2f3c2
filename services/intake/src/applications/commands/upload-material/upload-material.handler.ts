import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuditLog, principalActor } from '@filing/audit';
import { Principal } from '@filing/auth';
import { Clock, IllegalStep, InvalidCommand, TooLarge, UnsupportedContent } from '@filing/runtime';
import { materialQuotaBytes } from '../../../infrastructure/material-upload.config';
import { uploadRefusal, uploadRound } from '../../domain/application-status';
import { checklistFor } from '../../domain/checklist';
import { checkMaterialType } from '../../domain/material-type';
import { ApplicationAccess } from '../../infrastructure/application-access';
import { Material } from '../../infrastructure/material.entity';
import { sniff, storeChunks, StreamedUpload } from '../../infrastructure/material-file.store';
import { MaterialRepository } from '../../infrastructure/material.repository';
import { UploadMaterialRequest } from './upload-material.request';

/** Busboy reads multipart file names as latin1; browsers and fetch send UTF-8, e.g. 申请报告.pdf. */
function utf8FileName(name: string): string {
  if (![...name].every((c) => c.charCodeAt(0) < 256)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}

/**
 * 上传材料: one file for one checklist item of a draft or returned application, as a new version (earlier versions are
 * kept). The type is sniffed from the bytes, the application's quota counts every version, and the metadata, the
 * chunks and the audit entry are written in one transaction with the application locked.
 */
@Injectable()
export class UploadMaterialHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ApplicationAccess,
    private readonly materials: MaterialRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async store(id: string, body: UploadMaterialRequest, file: StreamedUpload | undefined, principal: Principal) {
    if (!file) throw new InvalidCommand('a multipart part named `file` with the material is required');
    if (file.size === 0) throw new InvalidCommand('the file is empty');
    const verdict = checkMaterialType(file.mimetype, await sniff(file.path, file.size));
    if (!verdict.ok) throw new UnsupportedContent(verdict.problem);

    return this.dataSource.transaction(async (manager) => {
      const application = await this.access.ownedForUpdate(manager, principal, id);
      const refusal = uploadRefusal(application);
      if (refusal) throw new IllegalStep(refusal);
      const checklist = checklistFor(application.applicationKind, application.institution.kind);
      const item = checklist.find((i) => i.item === body.checklistItem);
      if (!item) {
        throw new InvalidCommand(
          `checklistItem ${body.checklistItem} is not on the checklist of this application; items: ${checklist.map((i) => i.item).join(', ')}`,
        );
      }
      // The application row is locked: two uploads of one application cannot both slip under the quota.
      const used = await this.materials.usedBytes(manager, id);
      const quota = materialQuotaBytes();
      if (used + file.size > quota) {
        throw new TooLarge({
          error: 'Payload Too Large',
          code: 'MATERIAL_QUOTA_EXCEEDED',
          message: `application ${id} holds ${used} bytes of materials; this file (${file.size} bytes) would exceed its quota of ${quota} bytes (${(quota / 1024 / 1024).toFixed(0)} MB)`,
          quotaBytes: quota,
          usedBytes: used,
        });
      }
      const version = await this.materials.nextVersion(manager, id, item.item);
      const material = Object.assign(new Material(), {
        id: randomUUID(),
        applicationId: id,
        checklistItem: item.item,
        version,
        round: uploadRound(application),
        fileName: utf8FileName(file.originalname || 'file').slice(0, 255),
        contentType: verdict.type.contentType,
        size: file.size,
        sha256: file.sha256,
        content: null,
        uploadedBy: principal.sub,
        uploadedAt: this.clock.now(),
      } satisfies Material);
      await this.materials.insert(manager, material);
      await storeChunks(manager, material.id, file.path);
      await this.audit.append(manager, {
        caseId: id,
        jurisdiction: application.jurisdiction,
        action: 'material-uploaded',
        actor: principalActor(principal, 'applicant'),
        at: material.uploadedAt.toISOString(),
        details: {
          materialId: material.id,
          checklistItem: material.checklistItem,
          version: material.version,
          round: material.round,
          fileName: material.fileName,
          size: material.size,
          sha256: material.sha256,
        },
      });
      const { content: _content, ...metadata } = material;
      return { ...metadata, title: item.title, uploadedAt: material.uploadedAt.toISOString() };
    });
  }
}
