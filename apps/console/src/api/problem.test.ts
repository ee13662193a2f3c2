import { describe, expect, it } from 'vitest';
import { ApiError, describeError } from './problem';

describe('error answers in Chinese, before and after the problem+json contract', () => {
  it('maps the contract: code and errors[].field/code next to each field', () => {
    const err = new ApiError(400, {
      type: 'urn:filing:problem:validation-failed',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'institution.contact.phone is required',
      errors: [
        { field: 'institution.contact.phone', code: 'REQUIRED', message: 'institution.contact.phone is required' },
        { field: 'institution.creditCode', code: 'CREDIT_CODE_INVALID', message: 'bad' },
        { field: 'occupations.0.levels', code: 'OUT_OF_RANGE', message: 'x' },
      ],
    });
    expect(describeError(err)).toEqual({
      title: '提交的内容有误',
      description: '提交的内容有误，请按提示修改',
      fields: {
        'institution.contact.phone': '请填写联系电话',
        'institution.creditCode': '统一社会信用代码无效（校验码不符）',
        'occupations.0.levels': '申请认定职业第 1 项的等级超出允许范围',
      },
    });
  });

  it('maps today’s answers: message and the validation pipe’s problems', () => {
    const err = new ApiError(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'invalid request: name: name should not be empty; idNumber: idNumber must be an 18-character resident ID number (居民身份证号)',
      problems: ['name: name should not be empty', 'idNumber: idNumber must be an 18-character resident ID number (居民身份证号)'],
    });
    expect(describeError(err).fields).toEqual({ name: '请填写姓名', idNumber: '身份证号码格式不正确' });
  });

  it('puts a legacy refusal that names its field first next to that field, in Chinese', () => {
    const err = new ApiError(422, {
      statusCode: 422,
      message: 'existingFilingNumber 吉人社备〔2025〕999号 is not a filing of 91220101MA0Y3B9X18; its filings: 备案通知文号 吉人社备〔2025〕1号',
    });
    expect(describeError(err).fields).toEqual({ existingFilingNumber: '原备案通知文号或备案编号与该机构的备案不符' });
    const code = new ApiError(400, {
      statusCode: 400,
      message: 'institution.creditCode 91220101MA0Y3B9X19 is not a valid 统一社会信用代码 (GB 32100-2015): its check character should be 8',
    });
    expect(describeError(code).fields).toEqual({ 'institution.creditCode': '统一社会信用代码校验码不符，第 18 位应为“8”' });
    expect(describeError(new ApiError(404, { message: 'notice 1 not found' })).fields).toEqual({});
  });

  it('a 409 says what the case’s stage now allows', () => {
    const contract = new ApiError(409, {
      code: 'CASE_STAGE_CONFLICT',
      detail: 'accept is not allowed at stage PRELIMINARY_REVIEW',
      currentStage: 'PRELIMINARY_REVIEW',
      allowedActions: ['submit-preliminary-opinion'],
    });
    expect(describeError(contract)).toMatchObject({
      title: '当前状态不允许此操作',
      description: '案件当前所处阶段不允许此操作：案件现处于“材料初审”阶段。当前可进行：提交初评意见。',
    });
    const legacy = new ApiError(409, {
      statusCode: 409,
      message: 'the notice period for X runs from 2025-09-29 to 2025-10-13 (China time) and has ended; objections are accepted only inside it',
    });
    expect(describeError(legacy).description).toBe('公示期为 2025-09-29 至 2025-10-13，已经结束；网上异议仅在公示期内受理。');
  });

  it('a 5xx names the correlation id to quote to the help desk, from the body or the header', () => {
    expect(describeError(new ApiError(500, { code: 'INTERNAL_ERROR', correlationId: 'c-123' })).description).toContain('请将查询编号 c-123 告知服务热线');
    expect(describeError(new ApiError(503, { code: 'DATABASE_UNAVAILABLE', correlationId: 'c-124' }))).toMatchObject({
      title: '服务暂时不可用',
      description: expect.stringContaining('未作任何更改'),
    });
    expect(describeError(new ApiError(502, '<html>bad gateway</html>', 'c-456')).correlationId).toBe('c-456');
  });

  it('maps the answers services give now: codes derived from the status keep the known sentences, specific codes have their own', () => {
    // A refused field from the validation pipe: errors[] with codes, Chinese detail, the old message beside.
    const refused = new ApiError(400, {
      type: 'about:blank',
      title: '请求内容有误',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: '请求内容有误：institution.contact 必须填写',
      errors: [{ field: 'institution.contact.phone', code: 'REQUIRED', message: 'phone must be a string' }],
      statusCode: 400,
      message: 'invalid request: institution.contact.phone: phone must be a string',
    });
    expect(describeError(refused)).toMatchObject({ description: '提交的内容有误，请按提示修改', fields: { 'institution.contact.phone': '请填写联系电话' } });
    // A 404 or 422 whose code only repeats the status: the known sentence wins over the generic text.
    expect(
      describeError(new ApiError(404, { status: 404, code: 'NOT_FOUND', detail: 'no objection with receipt YY-1', message: 'no objection with receipt YY-1' }))
        .description,
    ).toBe('未找到该回执编号的异议，请核对回执编号');
    expect(describeError(new ApiError(404, { status: 404, code: 'NOT_FOUND', detail: 'case 1 not found' })).description).toBe(
      '未找到相应的记录（可能已被删除，或您无权查看）',
    );
    expect(describeError(new ApiError(422, { status: 422, code: 'UNPROCESSABLE', detail: 'required materials are missing: sites (场地)' })).description).toBe(
      '尚有必需材料未上传：场地',
    );
    expect(describeError(new ApiError(400, { status: 400, code: 'MALFORMED_BODY', detail: '请求体不是有效的 JSON' })).description).toBe(
      '提交的数据格式有误（不是有效的 JSON），请刷新页面后重试',
    );
    expect(
      describeError(new ApiError(409, { status: 409, code: 'MEMBERS_NOT_CONFIRMED', detail: '尚有 3 名专家组成员未确认邀请', unconfirmedCount: 3 })),
    ).toMatchObject({
      title: '当前状态不允许此操作',
      description: '尚有专家组成员未确认邀请，全部确认后方可召开启动会',
    });
    expect(describeError(new ApiError(415, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: '不支持的内容类型' })).title).toBe('文件类型不受支持');
  });

  it('an unknown code falls back to detail or message; a network failure says so', () => {
    expect(describeError(new ApiError(422, { code: 'SOMETHING_NEW', detail: '该职业已在申报中' })).description).toBe('该职业已在申报中');
    expect(
      describeError(new ApiError(422, { statusCode: 422, message: 'required materials are missing: sites (场地), commitment-letter (材料真实性承诺书)' }))
        .description,
    ).toBe('尚有必需材料未上传：场地、材料真实性承诺书');
    expect(describeError(new TypeError('Failed to fetch'))).toMatchObject({ title: '无法连接服务器' });
  });
});
