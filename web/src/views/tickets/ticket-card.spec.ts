import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import { i18n } from '../../i18n';
import TicketCard from './ticket-card.vue';
import type { Ticket } from '../../api/tickets';

const base: Ticket = {
  id: 7,
  source: 'minqing',
  source_label: '民情走访',
  source_id: 0,
  source_title: '',
  title: '村口路灯不亮',
  detail: '',
  category: 'infrastructure',
  priority: 'normal',
  unit_id: 1,
  unit: '北联村',
  location: '',
  raiser_name: '',
  raiser_phone: '',
  state: 'signed',
  state_label: '已签收',
  office_unit: '杨舍镇',
  handler_unit_id: 1,
  handler_unit: '北联村',
  leader: '张镇长',
  allowed_days: 10,
  assigned_on: '2026-11-20',
  deadline: '2026-12-04',
  signed_on: '2026-11-21',
  signed_late: false,
  reported_on: null,
  closed_on: null,
  colour: 'red',
  working_days_left: -1,
  reopen_count: 0,
  send_back_count: 0,
  satisfied: null,
  extension_days: 0,
  extension_reason: '',
  merged_into: 0,
  created_at: '2026-11-20T01:00:00Z',
  actions: [],
};

function render(ticket: Ticket) {
  return mount(TicketCard, { props: { ticket }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } });
}

describe('ticket card', () => {
  it('shows an overdue ticket red with the working days past its deadline', () => {
    const wrapper = render(base);
    expect(wrapper.find('[data-test="colour-red"]').text()).toBe('已超期');
    expect(wrapper.text()).toContain('已超期 1 个工作日');
    expect(wrapper.findComponent(RouterLinkStub).props('to')).toBe('/tickets/7');
  });

  it('counts the days left, says due today, and hides time for tickets no longer being worked', () => {
    expect(render({ ...base, colour: 'blue', working_days_left: 1 }).text()).toContain('剩余 1 个工作日');
    expect(render({ ...base, colour: 'blue', working_days_left: 0 }).text()).toContain('今天到期');
    const closed = render({ ...base, state: 'closed', colour: 'none', working_days_left: 0 });
    expect(closed.text()).not.toContain('工作日');
    expect(closed.find('[data-test^="colour-"]').exists()).toBe(false);
  });
});
