import { describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiError } from '../api/http';
import { cellErrors, showActionRefusal, uniqueRowErrors } from './server-errors';

describe('grid row errors', () => {
  it('puts the server’s row errors back on their cells', () => {
    const cells = [
      { subjectId: 11, columnId: 'a' },
      { subjectId: 12, columnId: 'b' },
    ];
    const placed = cellErrors(
      [
        { row: 2, field: 'sales', message: 'target 必须大于 0' },
        { row: 2, field: 'sales', message: '重复' },
        { row: 9, field: '', message: '其他' },
      ],
      cells,
    );
    expect(placed.cells).toEqual({ 12: { b: 'target 必须大于 0；重复' } });
    expect(placed.other).toEqual(['其他']);
  });
});

describe('import row errors', () => {
  it('lists a repeated error once, keeping the order', () => {
    const rows = [
      { sheet: '', row: 4, field: '考核对象', message: '考核对象 “x” 不在本活动中' },
      { sheet: '', row: 3, field: 'value', message: '超出满分' },
      { sheet: '', row: 4, field: '考核对象', message: '考核对象 “x” 不在本活动中' },
      { sheet: '', row: 4, field: 'value', message: '超出满分' },
    ];
    expect(uniqueRowErrors(rows).map((r) => `${r.row}:${r.field}`)).toEqual(['4:考核对象', '3:value', '4:value']);
  });
});

describe('a refused workflow action', () => {
  it('puts the reason in the open dialog without a message', () => {
    const message = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => {} }) as never);
    const reason = ref('');
    showActionRefusal(new ApiError(409, 'conflict', '工单已办结'), reason, true);
    expect(reason.value).toBe('工单已办结');
    expect(message).not.toHaveBeenCalled();
    message.mockRestore();
  });

  it('also shows the reason as a message when no dialog is open', () => {
    const message = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => {} }) as never);
    const reason = ref('');
    showActionRefusal(new ApiError(409, 'conflict', '项目已结项'), reason, false);
    expect(reason.value).toBe('项目已结项');
    expect(message).toHaveBeenCalledWith('项目已结项');
    message.mockRestore();
  });

  it('leaves any other failure to the http layer', () => {
    const message = vi.spyOn(ElMessage, 'error').mockImplementation(() => ({ close: () => {} }) as never);
    const reason = ref('earlier');
    showActionRefusal(new TypeError('network'), reason, false);
    expect(reason.value).toBe('earlier');
    expect(message).not.toHaveBeenCalled();
    message.mockRestore();
  });
});
