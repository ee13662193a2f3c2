import { chineseDate, drawTable, renderPdf } from './infrastructure/pdf-document';
import { KIND_NAMES, levelNames } from './filing-notice.document';
import type { CentreContact } from '../infrastructure/publication.config';
import type { NoticeRow } from '../notices/notice.row';

/** What a 公示 document is made of: the stored notice, its number, the accepting unit and the notice's web page. */
export interface PublicNoticeData {
  notice: Pick<NoticeRow, 'id' | 'institution' | 'occupations' | 'applicationKind' | 'startDate' | 'endDate' | 'workingDays' | 'jurisdiction'>;
  number: string;
  contact: CentreContact;
  pageUrl: string;
}

/**
 * The 公示 as posted: issuing unit, number, date, the table of institutions and occupations, the window and how to
 * object. One institution per document for now: each notice keeps its own window, objections and outcome.
 */
export function renderPublicNotice(data: PublicNoticeData): Promise<Buffer> {
  const n = data.notice;
  const title = `关于${n.institution.name}职业技能等级认定机构${n.applicationKind === 'add-occupation' ? '增加认定职业' : '备案'}技术评估结果的公示`;
  return renderPdf({ title, author: data.contact.unit, subject: `${data.number} ${n.institution.name}`, date: n.startDate }, (doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.font('serifBold').fontSize(18).fillColor('#000000').text(title, { align: 'center' });
    doc.moveDown(0.4);
    doc.font('serif').fontSize(12).text(data.number, { align: 'center' });
    doc.moveDown(0.8);
    doc
      .fontSize(14)
      .text(
        `根据《吉林省职业技能等级认定机构备案评估规程（试行）》（吉人社规〔2022〕7号），经材料审核、现场技术评估、综合评估和审定，下列机构${n.applicationKind === 'add-occupation' ? '申请增加的认定职业（工种）' : ''}通过技术评估，现予以公示。`,
        { indent: 28, lineGap: 4, align: 'justify' },
      );
    doc.moveDown(0.6);
    const occupations = n.occupations.map((o) => `${o.code} ${o.workType ? `${o.name}（${o.workType}）` : o.name}：${levelNames(o.levels)}`).join('\n');
    drawTable(
      doc,
      [
        { title: '序号', width: 28 },
        { title: '机构名称', width: 106 },
        // Wide enough for the 18 characters on one line, so the code reads (and copies) whole.
        { title: '统一社会信用代码', width: 118 },
        { title: '类型', width: 50 },
        { title: '认定职业（工种）及等级', width: width - 28 - 106 - 118 - 50 },
      ],
      [['1', n.institution.name, n.institution.creditCode, KIND_NAMES[n.institution.kind] ?? n.institution.kind, occupations]],
      { fontSize: 10 },
    );
    doc.moveDown(0.8);
    doc.font('serif').fontSize(14);
    const para = (t: string) => doc.text(t, left, doc.y, { indent: 28, lineGap: 4, align: 'justify', width });
    para(`公示期：${chineseDate(n.startDate)}至${chineseDate(n.endDate)}（${n.workingDays}个工作日）。`);
    para(
      `公示期间，任何单位和个人对公示内容有异议的，可在公示网页在线提出，或以书面形式向${data.contact.unit}反映。异议须署真实姓名，写明身份证号码、联系方式和异议理由，并尽可能提供证据线索；匿名或无事实依据的异议不予受理。`,
    );
    // On a line of its own, in a smaller size, so the address is never broken (and reads whole in any copy).
    doc.fontSize(12).text('公示网页：', left, doc.y, { width });
    doc.fontSize(10).text(data.pageUrl, left, doc.y, { width, lineGap: 4 });
    doc.fontSize(14);
    if (data.contact.phone || data.contact.address)
      para(
        [data.contact.phone ? `联系电话：${data.contact.phone}` : '', data.contact.address ? `地址：${data.contact.address}` : ''].filter(Boolean).join('    '),
      );
    doc.moveDown(1.5);
    doc.text(data.contact.unit, left, doc.y, { align: 'right', width });
    doc.text(chineseDate(n.startDate), { align: 'right', width });
  });
}
