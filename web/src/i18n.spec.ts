import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, h, nextTick } from 'vue';
import { useI18n } from 'vue-i18n';
import { i18n, setLocale } from './i18n';
import zhCN from './locales/zh-CN';
import en from './locales/en';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('i18n', () => {
  it('starts in Chinese', () => {
    expect(i18n.global.locale.value).toBe('zh-CN');
    expect(i18n.global.t('menu.roster')).toBe('队伍名册');
  });

  it('has the same keys in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('switches a mounted component to English and back, and remembers the choice', async () => {
    const Title = defineComponent({
      setup() {
        const { t } = useI18n();
        return () => h('span', t('dashboard.summary', { count: 1323, age: 39, share: 94 }));
      },
    });
    const wrapper = mount(Title, { global: { plugins: [i18n] } });
    expect(wrapper.text()).toBe('共 1323 人，平均年龄 39 岁，大专及以上学历占 94%');
    setLocale('en');
    await nextTick();
    expect(wrapper.text()).toBe('1323 people, average age 39, 94% with college education or above');
    expect(localStorage.getItem('lingyan.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    setLocale('zh-CN');
    await nextTick();
    expect(wrapper.text()).toContain('平均年龄');
  });
});
