import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../i18n';
import ImportErrorsTable from './import-errors-table.vue';

describe('import error table', () => {
  it('lists every rejected row and says nothing was written', async () => {
    const rows = [
      { sheet: '人员', row: 3, field: 'birth_date', message: '出生日期格式应为 YYYY-MM-DD' },
      { sheet: '人员', row: 7, field: 'unit_code', message: '区划代码不存在' },
      { sheet: '人员', row: 12, field: 'gender', message: '性别只能是男或女' },
    ];
    const wrapper = mount(ImportErrorsTable, { props: { rows }, global: { plugins: [i18n] }, attachTo: document.body });
    await new Promise((r) => setTimeout(r, 0));
    expect(wrapper.text()).toContain('导入失败：以下 3 行数据有误，本次未写入任何数据。');
    const text = document.body.textContent ?? '';
    for (const row of rows) {
      expect(text).toContain(row.message);
      expect(text).toContain(row.field);
    }
    expect(text).toContain('工作表');
    expect(text).toContain('行号');
    wrapper.unmount();
  });
});

describe('import error table counts', () => {
  it('counts rows and errors apart: one row with three errors is one row', async () => {
    const rows = [
      { sheet: '名册', row: 3, field: '性别', message: 'a' },
      { sheet: '名册', row: 3, field: '出生日期', message: 'b' },
      { sheet: '名册', row: 3, field: '学历', message: 'c' },
      { sheet: '名册', row: 5, field: '单位代码', message: 'd' },
    ];
    const wrapper = mount(ImportErrorsTable, { props: { rows }, global: { plugins: [i18n] } });
    expect(wrapper.text()).toContain('以下 2 行数据有误（共 4 处）');
    wrapper.unmount();
  });
});
