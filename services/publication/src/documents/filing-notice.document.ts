import { FilingIssued, SKILL_LEVEL_NAMES, SkillLevel } from '@filing/contracts';
import { chineseDate, drawQrCode, drawTable, MM, RED, renderPdf } from './infrastructure/pdf-document';

/** What a filing notice document (备案通知) is made of: the stored national event, and where its QR code points. */
export interface FilingNoticeData {
  filing: Pick<FilingIssued, 'filingId' | 'noticeNumber' | 'noticeDate' | 'filingNumber' | 'issuingAuthority' | 'applicationKind' | 'occupations'> & {
    institution: Pick<FilingIssued['institution'], 'name' | 'creditCode' | 'kind' | 'jurisdiction' | 'jurisdictionName'>;
  };
  verificationUrl: string;
}

export const KIND_NAMES: Record<string, string> = { employer: '用人单位', 'social-org': '社会培训评价组织' };

export function levelNames(levels: number[]): string {
  return [...levels]
    .sort((a, b) => b - a)
    .map((l) => SKILL_LEVEL_NAMES[l as SkillLevel] ?? String(l))
    .join('、');
}

export function filingNoticeTitle(d: FilingNoticeData['filing']): string {
  return d.applicationKind === 'add-occupation'
    ? `关于同意${d.institution.name}增加职业技能等级认定职业（工种）的通知`
    : `关于同意${d.institution.name}职业技能等级认定机构备案的通知`;
}

/** The 备案通知 in the layout of a government notice (GB/T 9704): red masthead and rule, number, title, body, table, seal line. */
export function renderFilingNotice(data: FilingNoticeData): Promise<Buffer> {
  const f = data.filing;
  const title = filingNoticeTitle(f);
  return renderPdf({ title, author: f.issuingAuthority, subject: `${f.noticeNumber} ${f.institution.name}`, date: f.noticeDate }, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.font('serifBold').fontSize(26).fillColor(RED).text(`${f.issuingAuthority}文件`, { align: 'center', characterSpacing: 2 });
    doc.moveDown(0.6);
    doc.font('serif').fontSize(15).fillColor('#000000').text(f.noticeNumber, { align: 'center' });
    doc.moveDown(0.3);
    doc
      .lineWidth(1.5)
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .stroke(RED);
    doc.moveDown(1.2);
    doc.font('serifBold').fontSize(18).fillColor('#000000').text(title, { align: 'center' });
    doc.moveDown(1);
    doc.font('serif').fontSize(14).text(`${f.institution.name}：`);
    const kind = KIND_NAMES[f.institution.kind] ?? f.institution.kind;
    const body =
      f.applicationKind === 'add-occupation'
        ? `你单位（统一社会信用代码：${f.institution.creditCode}）增加职业技能等级认定职业（工种）的申请材料收悉。经技术评估、审定和公示无异议，根据《吉林省职业技能等级认定机构备案评估规程（试行）》（吉人社规〔2022〕7号），同意你单位增加下列认定职业（工种）及等级，备案编号${f.filingNumber ?? ''}不变。`
        : `你单位（统一社会信用代码：${f.institution.creditCode}）报送的职业技能等级认定机构备案申请材料收悉。经技术评估、审定和公示无异议，根据《吉林省职业技能等级认定机构备案评估规程（试行）》（吉人社规〔2022〕7号），同意你单位作为${kind}职业技能等级认定机构予以备案，备案编号：${f.filingNumber ?? ''}。认定职业（工种）及等级如下：`;
    doc.moveDown(0.3).text(body, { indent: 28, lineGap: 4, align: 'justify' });
    doc.moveDown(0.6);
    drawTable(
      doc,
      [
        { title: '序号', width: 36 },
        { title: '职业编码', width: 86 },
        { title: '职业（工种）名称', width: 150 },
        { title: '认定等级', width: width - 36 - 86 - 150 },
      ],
      f.occupations.map((o, i) => [String(i + 1), o.code, o.workType ? `${o.name}（${o.workType}）` : o.name, levelNames(o.levels)]),
    );
    doc.moveDown(0.8);
    doc
      .font('serif')
      .fontSize(14)
      .text(
        '请你单位严格按照国家职业技能标准或评价规范开展职业技能等级认定工作，认定范围以本通知所列职业（工种）及等级为限，接受人力资源社会保障部门的监督管理。',
        left,
        doc.y,
        { indent: 28, lineGap: 4, align: 'justify', width },
      );
    // The QR code (left) opens the public verification page of this filing; the 落款 (issuer and date) stands right.
    const qrSize = 26 * MM;
    const bottom = doc.page.height - 15 * MM;
    doc.moveDown(1.2);
    if (doc.y + qrSize + 30 > bottom) doc.addPage();
    const top = doc.y;
    doc
      .font('serif')
      .fontSize(14)
      .text(f.issuingAuthority, left, top + 10, { align: 'right', width });
    doc.text(chineseDate(f.noticeDate), { align: 'right', width });
    drawQrCode(doc, data.verificationUrl, left, top, qrSize);
    // Below the body's bottom margin on purpose: lift it so the caption does not start a new page.
    doc.page.margins.bottom = 10 * MM;
    doc
      .font('serif')
      .fontSize(9)
      .fillColor('#000000')
      .text(`扫码或访问下列网址，核验本通知真伪及机构当前备案状态（备案编号 ${f.filingNumber ?? '—'}）：`, left, top + qrSize + 4, { width, lineGap: 1 });
    doc.text(data.verificationUrl, left, doc.y, { width });
  });
}
