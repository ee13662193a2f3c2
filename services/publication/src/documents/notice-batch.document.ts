import { chineseDate, drawTable, renderPdf } from './infrastructure/pdf-document';
import { KIND_NAMES, levelNames } from './filing-notice.document';
import type { CentreContact } from '../infrastructure/publication.config';
import type { NoticeRow } from '../notices/notice.row';
import { BatchRowWindow, batchTitle, commonWindow } from '../notice-batches/domain/notice-batch';

/** What a batch 公示 is made of: its number and date, the notices in order, the issuing unit and the batch's web page. */
export interface NoticeBatchDocumentData {
  number: string;
  issueDate: string;
  notices: Pick<NoticeRow, 'id' | 'institution' | 'occupations' | 'applicationKind' | 'startDate' | 'endDate' | 'workingDays'>[];
  contact: CentreContact;
  pageUrl: string;
}

const occupationLines = (n: NoticeBatchDocumentData['notices'][number]) =>
  n.occupations.map((o) => `${o.code} ${o.workType ? `${o.name}（${o.workType}）` : o.name}：${levelNames(o.levels)}`).join('\n');

/**
 * One 公示 listing several institutions approved together: renderPublicNotice's layout with N rows. Each notice keeps
 * its own window: one window is stated when all rows share it, else the table gives each row's.
 */
export function renderNoticeBatch(data: NoticeBatchDocumentData): Promise<Buffer> {
  const rows = data.notices;
  const title = batchTitle(rows.map((n) => ({ institutionName: n.institution.name, applicationKind: n.applicationKind })));
  const common = commonWindow(rows);
  return renderPdf(
    { title, author: data.contact.unit, subject: `${data.number} ${rows.map((n) => n.institution.name).join('、')}`, date: data.issueDate },
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      doc.font('serifBold').fontSize(18).fillColor('#000000').text(title, { align: 'center' });
      doc.moveDown(0.4);
      doc.font('serif').fontSize(12).text(data.number, { align: 'center' });
      doc.moveDown(0.8);
      doc
        .fontSize(14)
        .text(
          `根据《吉林省职业技能等级认定机构备案评估规程（试行）》（吉人社规〔2022〕7号），经材料审核、现场技术评估、综合评估和审定，下列${rows.length}家机构通过技术评估，现予以公示。`,
          { indent: 28, lineGap: 4, align: 'justify' },
        );
      doc.moveDown(0.6);
      const kindOf = (n: (typeof rows)[number]) =>
        `${KIND_NAMES[n.institution.kind] ?? n.institution.kind}${n.applicationKind === 'add-occupation' ? '（增加职业）' : ''}`;
      const window = (n: BatchRowWindow) => `${chineseDate(n.startDate)}至${chineseDate(n.endDate)}（${n.workingDays}个工作日）`;
      const fixed = [
        { title: '序号', width: 28 },
        { title: '机构名称', width: common ? 92 : 76 },
        // A smaller size, so the 18 characters stay on one line and the code reads (and copies) whole.
        { title: '统一社会信用代码', width: 128, fontSize: 9 },
        { title: '类型', width: 50 },
      ];
      const windowColumn = common ? [] : [{ title: '公示期', width: 70 }];
      const used = [...fixed, ...windowColumn].reduce((s, c) => s + c.width, 0);
      drawTable(
        doc,
        [...fixed, { title: '认定职业（工种）及等级', width: width - used }, ...windowColumn],
        rows.map((n, i) => [String(i + 1), n.institution.name, n.institution.creditCode, kindOf(n), occupationLines(n), ...(common ? [] : [window(n)])]),
        { fontSize: 10 },
      );
      doc.moveDown(0.8);
      doc.font('serif').fontSize(14);
      const para = (t: string) => doc.text(t, left, doc.y, { indent: 28, lineGap: 4, align: 'justify', width });
      para(common ? `公示期：${window(common)}。` : '公示期：各机构的公示期见上表，分别计算。');
      para(
        `公示期间，任何单位和个人对公示内容有异议的，可在公示网页对相应机构在线提出，或以书面形式向${data.contact.unit}反映，并写明所涉机构名称。异议须署真实姓名，写明身份证号码、联系方式和异议理由，并尽可能提供证据线索；匿名或无事实依据的异议不予受理。`,
      );
      doc.fontSize(12).text('公示网页：', left, doc.y, { width });
      doc.fontSize(10).text(data.pageUrl, left, doc.y, { width, lineGap: 4 });
      doc.fontSize(14);
      if (data.contact.phone || data.contact.address)
        para(
          [data.contact.phone ? `联系电话：${data.contact.phone}` : '', data.contact.address ? `地址：${data.contact.address}` : '']
            .filter(Boolean)
            .join('    '),
        );
      doc.moveDown(1.5);
      doc.text(data.contact.unit, left, doc.y, { align: 'right', width });
      doc.text(chineseDate(data.issueDate), { align: 'right', width });
    },
  );
}
