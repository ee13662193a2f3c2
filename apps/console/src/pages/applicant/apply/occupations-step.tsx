import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { LEVEL_NAMES } from '../../../lib/vocabulary';

const LEVEL_OPTIONS = [5, 4, 3, 2, 1].map((l) => ({ value: l, label: LEVEL_NAMES[l] }));

/** Occupations (职业/工种) × levels with the basis of each. */
export function OccupationsStep() {
  return (
    <Form.List
      name="occupations"
      rules={[
        {
          validator: async (_, list: { code?: string; workType?: string }[] | undefined) => {
            if (!list || list.length === 0) throw new Error('请至少添加一个申请认定的职业（工种）');
            const ids = list.map((o) => `${o?.code ?? ''}/${o?.workType ?? ''}`);
            if (new Set(ids).size !== ids.length) throw new Error('同一职业（工种）不能重复填写');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={`职业 ${i + 1}`}
              extra={
                <Button type="link" danger onClick={() => remove(f.name)} aria-label={`删除职业 ${i + 1}`}>
                  删除
                </Button>
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[f.name, 'code']}
                    label="职业编码"
                    rules={[
                      { required: true, message: '请填写职业编码' },
                      { pattern: /^\d-\d{2}-\d{2}-\d{2}(-\d{2})?$/, message: '按《职业分类大典》编码，如 6-18-01-01' },
                    ]}
                  >
                    <Input placeholder="6-18-01-01" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'name']} label="职业名称" rules={[{ required: true, whitespace: true, message: '请填写职业名称' }]}>
                    <Input placeholder="车工" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'workType']} label="工种（选填）">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'basis']} label="认定依据" rules={[{ required: true, message: '请选择认定依据' }]}>
                    <Select
                      options={[
                        { value: 'national-standard', label: '国家职业标准' },
                        { value: 'evaluation-norm', label: '评价规范' },
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={[f.name, 'levels']} label="申请认定等级" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个等级' }]}>
                <Checkbox.Group options={LEVEL_OPTIONS} />
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" block onClick={() => add({ levels: [], basis: 'national-standard' })}>
            添加职业（工种）
          </Button>
          <Form.ErrorList errors={errors} />
        </Space>
      )}
    </Form.List>
  );
}
