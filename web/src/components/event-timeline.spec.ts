import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import { mount } from '@vue/test-utils';
import { i18n } from '../i18n';
import EventTimeline from './event-timeline.vue';
import type { TicketEvent } from '../api/tickets';

const step = (id: number, over: Partial<TicketEvent>): TicketEvent => ({ id, at: '', on_date: '2026-03-0' + id, user: '', action: 'note', from: 'handling', to: 'handling', note: '', detail: '', ...over });

describe('event timeline', () => {
  it('shows each step with its user, the state it led to and its note, and the slot under it', () => {
    const wrapper = mount(EventTimeline, {
      props: {
        title: '办理过程',
        testId: 'some-timeline',
        events: [step(1, { action: 'assign', user: 'town', from: 'new', to: 'assigned' }), step(2, { note: '已到现场' })],
        actionLabel: (a: string) => `动作${a}`,
        stateLabel: (s: string) => `状态${s}`,
      },
      slots: { default: ({ event }: { event: TicketEvent }) => h('i', { class: 'under' }, `附件${event.id}`) },
      global: { plugins: [i18n] },
    });
    expect(wrapper.text()).toContain('办理过程');
    const items = wrapper.get('[data-test="some-timeline"]').findAll('.el-timeline-item');
    expect(items).toHaveLength(2);
    expect(items[0].text()).toContain('动作assign');
    expect(items[0].text()).toContain('· town');
    expect(items[0].text()).toContain('· 状态assigned');
    expect(items[0].find('.note').exists()).toBe(false);
    // A step that left the state as it was names no state; its note shows.
    expect(items[1].text()).not.toContain('状态');
    expect(items[1].get('.note').text()).toBe('已到现场');
    expect(items.map((i) => i.get('.under').text())).toEqual(['附件1', '附件2']);
  });
});
