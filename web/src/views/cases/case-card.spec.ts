import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../i18n';
import CaseCard from './case-card.vue';
import { NANTONG } from './cases-fixtures';

async function mountCard(item = NANTONG) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/cases/:id', name: 'case-detail', component: { template: '<div />' } }] });
  await router.push('/cases/1');
  return mount(CaseCard, { props: { item }, global: { plugins: [i18n, router] } });
}

describe('case card', () => {
  it('links the title to the case and names its source and date', async () => {
    const card = await mountCard();
    const link = card.get('[data-test="case-link"]');
    expect(link.attributes('href')).toBe('/cases/3');
    expect(link.text()).toBe('跟岗培育“头雁”南飞强本领');
    expect(card.get('[data-test="case-meta"]').text()).toBe('南通日报 · 2021-09-24');
    expect(card.findAll('[data-test="case-unit"]').map((u) => u.text())).toEqual(['北联村']);
  });

  it('marks only the hits of the snippet, and shows the article\'s text as text, never as HTML', async () => {
    const card = await mountCard();
    const snippet = card.get('[data-test="case-snippet"]');
    expect(snippet.findAll('mark').map((m) => m.text())).toEqual(['跟岗培育']);
    expect(snippet.text()).toBe('…第二批南通市优秀村(社区)党组织书记赴苏州“跟岗培育”工作<b>圆满</b>结束…');
    expect(snippet.find('b').exists()).toBe(false);
  });

  it('says when the article gives no source or date, and shows no unit line without units', async () => {
    const card = await mountCard({ ...NANTONG, source: '', published: null, units: [], snippet: [{ text: '开头', hit: false }] });
    expect(card.get('[data-test="case-meta"]').text()).toBe('来源未注明 · 日期未注明');
    expect(card.find('[data-test="case-unit"]').exists()).toBe(false);
    expect(card.find('mark').exists()).toBe(false);
  });
});
