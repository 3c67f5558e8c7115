import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../i18n';
import AttachmentGallery from './attachment-gallery.vue';
import type { Attachment } from '../api/attachments';
import { photoAttachment } from '../api/attachment-fixtures';

const base: Attachment = photoAttachment(1, 2_500_000);
const pdf: Attachment = { ...base, id: 2, name: '整改方案.pdf', type: 'pdf', type_label: 'PDF 文档', image: false, size: 30_000, url: '/api/v1/attachments/2/file', uploaded_by: 'secretary', thumb_url: undefined, display_url: undefined };

describe('attachment gallery', () => {
  it('shows photos as thumbnails opening the display size, documents as links with type and size', () => {
    const wrapper = mount(AttachmentGallery, { props: { items: [base, pdf] }, global: { plugins: [i18n] } });
    const img = wrapper.get('[data-test="attachment-thumb"]');
    expect(img.attributes('src')).toBe('/api/v1/attachments/1/file?variant=thumb');
    expect(img.attributes('alt')).toBe('照片：现场.jpg');
    expect(img.element.parentElement?.getAttribute('href')).toBe('/api/v1/attachments/1/file?variant=display');
    const doc = wrapper.get('[data-test="attachment-doc"]');
    expect(doc.attributes('href')).toBe('/api/v1/attachments/2/file');
    expect(wrapper.text()).toContain('PDF 文档 · 29 KB');
    expect(wrapper.findAll('button')).toHaveLength(0);
  });

  it('offers removal where the test allows it, and says which file', async () => {
    const wrapper = mount(AttachmentGallery, {
      props: { items: [base, pdf], removable: (a: Attachment) => a.uploaded_by === 'secretary' },
      global: { plugins: [i18n] },
    });
    const buttons = wrapper.findAll('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].attributes('aria-label')).toBe('移除附件 整改方案.pdf');
    await buttons[0].trigger('click');
    expect(wrapper.emitted('remove')?.[0]).toEqual([pdf]);
  });
});
