// A bulk import's row problems, as the expert-pool service words them ("region: region must be a known jurisdiction
// code"), in Chinese with the column's heading of the templates.

/** The template's headings by the request field a problem names. */
const COLUMN_OF_FIELD: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  idNumber: '身份证号',
  employer: '工作单位',
  'employer.name': '工作单位',
  'employer.creditCode': '单位统一社会信用代码',
  title: '职称',
  skillLevel: '职业技能等级',
  'title or skillLevel': '职称或职业技能等级',
  occupationCodes: '擅长职业',
  region: '所在地区',
  contact: '联系电话',
  'contact.phone': '联系电话',
  'contact.email': '电子邮箱',
  termStart: '聘期开始',
  termEnd: '聘期结束',
  formerEmployers: '曾任职单位',
  declaredConflicts: '申报的利益关系',
  relativesEmployers: '亲属工作单位',
  serviceHistory: '评估经历',
};

/** The column a problem concerns (a nested list entry counts as its list: formerEmployers.0.to → 曾任职单位). */
function columnOf(field: string): string | undefined {
  return COLUMN_OF_FIELD[field] ?? COLUMN_OF_FIELD[field.replace(/\.\d+(\..*)?$/, '')] ?? COLUMN_OF_FIELD[field.split('.')[0]];
}

const MESSAGES: [RegExp, (column: string, m: RegExpExecArray) => string][] = [
  [/already in the \d+ database/, (c) => `${c}：该专家已在本级专家库中`],
  [/the same person is already in row (\d+) of this file/, (c, m) => `${c}：与本文件第 ${m[1]} 行为同一人`],
  [/must be a known jurisdiction code/, (c) => `${c}：不是有效的行政区划代码`],
  [/must be 职业分类大典 codes/, (c) => `${c}：应为职业分类大典编码，如 6-18-01-01`],
  [/must be a valid ISO 8601 date string/, (c) => `${c}：日期格式应为 YYYY-MM-DD`],
  [/must be a phone number/, (c) => `${c}：不是有效的电话号码`],
  [/must be an email/, (c) => `${c}：不是有效的电子邮箱`],
  [/must be a 统一社会信用代码/, (c) => `${c}：不是有效的统一社会信用代码`],
  [/must be a JSON array/, (c) => `${c}：应为 JSON 数组`],
  [/one of them is required/, () => '职称与职业技能等级至少填写一项'],
  [/termEnd .* is before termStart/, () => '聘期结束早于聘期开始'],
  [/should not be empty|must be defined|must be a string|must contain at least 1 elements|must be an array/, (c) => `${c}：必须填写`],
  [/must be one of the following values/, (c) => `${c}：不是允许的取值`],
  [/should not exist/, (c) => `不应有“${c}”一列`],
  [/check (digit|character)|checksum/i, (c) => `${c}：校验码不符，号码有误`],
  [/birth date|date of birth/i, (c) => `${c}：出生日期无效`],
  [/18 characters|must be 18/i, (c) => `${c}：应为 18 位`],
  [/has (\d+) columns, the header has (\d+)/, (_c, m) => `该行有 ${m[1]} 列，表头有 ${m[2]} 列`],
  [/has values beyond the header's (\d+) columns/, (_c, m) => `该行在表头的 ${m[1]} 列之外还有内容`],
];

/** One problem of a row in Chinese; what is not known keeps the service's words after the column's heading. */
export function rowProblemText(problem: string): string {
  const i = problem.indexOf(': ');
  const field = i > 0 ? problem.slice(0, i) : '';
  const message = i > 0 ? problem.slice(i + 2) : problem;
  const column = columnOf(field) ?? (field || '该行');
  for (const [pattern, text] of MESSAGES) {
    const m = pattern.exec(message);
    if (m) return text(column, m);
  }
  return `${column}：${message}`;
}
