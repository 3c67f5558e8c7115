// For the specs (never imported by the app): an uploaded photo as the server lists it.
import type { Attachment } from './attachments';

/** Photo `id` of ticket 3 (现场.jpg, 640×480, uploaded by town), `size` bytes, with its rendition urls. */
export function photoAttachment(id: number, size: number): Attachment {
  const url = `/api/v1/attachments/${id}/file`;
  return {
    id,
    owner: 'ticket',
    owner_id: 3,
    sub_id: 0,
    name: '现场.jpg',
    type: 'jpeg',
    type_label: 'JPEG 图片',
    content_type: 'image/jpeg',
    size,
    sha256: 'a'.repeat(64),
    image: true,
    width: 640,
    height: 480,
    uploaded_by: 'town',
    uploaded_at: '2026-12-05T00:00:00Z',
    url,
    thumb_url: `${url}?variant=thumb`,
    display_url: `${url}?variant=display`,
  };
}
