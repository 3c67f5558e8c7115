import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n';
import { useSessionStore } from '../stores/session';
import type { Role } from '../api/session';
import AuditLink from './audit-link.vue';

function signIn(role: Role): void {
  useSessionStore().setUser({ id: 1, username: role, display_name: role, role, scope_unit_id: 0, scope_unit_name: '' });
}

async function mountLink(props: { query: Record<string, string | number>; label?: string }) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/audit', name: 'audit', component: { template: '<div />' } }] });
  await router.push('/audit');
  return mount(AuditLink, { props, global: { plugins: [i18n, router] } });
}

describe('audit link', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('takes the admin to the audit page filtered to the record', async () => {
    signIn('admin');
    const wrapper = await mountLink({ query: { entity: 'ticket', entity_id: 12 } });
    const link = wrapper.get('[data-test="audit-link"]');
    expect(link.attributes('href')).toBe('/audit?entity=ticket&entity_id=12');
    expect(link.text()).toBe('审计记录');
  });

  it('says what the caller names it', async () => {
    signIn('admin');
    const wrapper = await mountLink({ query: { user: 'wang.sec' }, label: '此账号做的改动' });
    expect(wrapper.get('[data-test="audit-link"]').text()).toBe('此账号做的改动');
    expect(wrapper.get('[data-test="audit-link"]').attributes('href')).toBe('/audit?user=wang.sec');
  });

  it('is not there for the roles that may not read the log', async () => {
    for (const role of ['county', 'town', 'secretary', 'judge', 'member'] as Role[]) {
      setActivePinia(createPinia());
      signIn(role);
      const wrapper = await mountLink({ query: { entity: 'ticket', entity_id: 12 } });
      expect(wrapper.find('[data-test="audit-link"]').exists(), role).toBe(false);
    }
  });
});
