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
