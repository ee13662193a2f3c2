import { Alert, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { creditCodeProblem } from '../../../lib/credit-code';
import { JURISDICTIONS } from '../../../lib/vocabulary';

/** Kind of application, the institution (credit code checked as typed) and its jurisdiction by affiliation. */
export function InstitutionStep({ lockedCreditCode }: { lockedCreditCode?: string }) {
  const kind = Form.useWatch('applicationKind');
  return (
    <>
      <Form.Item name="applicationKind" label="申报类型" rules={[{ required: true, message: '请选择申报类型' }]}>
        <Radio.Group
          options={[
            { value: 'new-filing', label: '新备案' },
            { value: 'add-occupation', label: '增加认定职业（已备案机构）' },
          ]}
        />
      </Form.Item>
      {kind === 'add-occupation' && (
        <Form.Item
          name="existingFilingNumber"
          label="原备案通知文号或备案编号"
          rules={[{ required: true, whitespace: true, message: '增加认定职业须填写原备案通知文号或备案编号' }]}
          extra="如：吉人社备〔2025〕3号，或 220000-2025-0001"
        >
          <Input />
        </Form.Item>
      )}
      <Form.Item name={['institution', 'kind']} label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
        <Radio.Group
          options={[
            { value: 'employer', label: '用人单位（面向本单位职工）' },
            { value: 'social-org', label: '社会培训评价组织（面向社会）' },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name={['institution', 'name']}
            label="机构名称"
            rules={[
              { required: true, whitespace: true, message: '请填写机构名称（与营业执照或法人登记证书一致）' },
              { max: 200, message: '不超过 200 字' },
            ]}
          >
            <Input autoComplete="organization" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name={['institution', 'creditCode']}
            label="统一社会信用代码"
            required
            validateTrigger={['onChange', 'onBlur']}
            normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
            extra={lockedCreditCode ? '与登录账号绑定的机构一致' : undefined}
            rules={[
              {
                validator: async (_, v) => {
                  const p = creditCodeProblem(v ?? '');
                  if (p) throw new Error(p);
                },
              },
              {
                validator: async (_, v) => {
                  if (lockedCreditCode && v && v !== lockedCreditCode)
                    throw new Error(`您的账号绑定的统一社会信用代码为 ${lockedCreditCode}，只能为该机构申报`);
                },
              },
            ]}
          >
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={['institution', 'legalRepresentative']}
            label="法定代表人"
            rules={[{ required: true, whitespace: true, message: '请填写法定代表人' }]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={['institution', 'address']} label="地址" rules={[{ required: true, whitespace: true, message: '请填写机构地址' }]}>
            <Input autoComplete="street-address" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['institution', 'contact', 'person']} label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}>
            <Input autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['institution', 'contact', 'phone']}
            label="联系电话"
            rules={[
              { required: true, message: '请填写联系电话' },
              { pattern: /^[0-9+\-() ]{5,30}$/, message: '请填写有效的电话号码，如 0431-85901234' },
            ]}
          >
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['institution', 'contact', 'email']} label="电子邮箱（选填）" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
            <Input autoComplete="email" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="jurisdiction" label="属地（按隶属关系）" rules={[{ required: true, message: '请选择属地' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={JURISDICTIONS.map((j) => ({ value: j.code, label: j.code === '220000' ? '吉林省（省直及中省直单位）' : `${j.name}` }))}
          placeholder="请选择"
        />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        title="如何确定属地"
        description={
          <Typography.Text>
            按机构的隶属关系确定：省直单位、中省直驻吉单位及在省级登记的社会组织选“吉林省”，向省职业技能鉴定中心申报；其他机构选其隶属的市（州）或梅河口市、长白山管委会，向当地职业技能鉴定中心申报。
          </Typography.Text>
        }
      />
    </>
  );
}
