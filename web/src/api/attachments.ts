// 附件 the shared attachment store (docs/api.md "Attachments"): photos and documents of a ticket,
// one of its timeline events (sub_id) or a points declaration. The server checks the owner, role,
// scope and limits before it reads a file, and the type from the bytes.
import { buildUrl, http, upload, type UploadOptions } from './http';

export type AttachmentOwner = 'ticket' | 'project' | 'declaration' | 'nomination';

export interface Attachment {
  id: number;
  owner: AttachmentOwner;
  owner_id: number;
  sub_id: number;
  name: string;
  type: 'jpeg' | 'png' | 'webp' | 'pdf' | 'xlsx' | 'docx';
  type_label: string;
  content_type: string;
  size: number;
  sha256: string;
  image: boolean;
  width: number;
  height: number;
  uploaded_by: string;
  uploaded_at: string;
  url: string;
  thumb_url?: string;
  display_url?: string;
}

/** What the file picker offers; the server decides from the bytes. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';
export const ANY_ACCEPT = `${PHOTO_ACCEPT},application/pdf,.pdf,.xlsx,.docx`;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const attachmentsApi = {
  list: (owner: AttachmentOwner, ownerId: number) =>
    http.get<{ items: Attachment[] }>('/attachments', { owner, owner_id: ownerId }),
  upload: (owner: AttachmentOwner, ownerId: number, file: File, subId = 0, options: UploadOptions = {}) =>
    upload<Attachment>('/attachments', file, {
      quiet: true,
      ...options,
      query: { owner, owner_id: ownerId, sub_id: subId || undefined },
    }),
  remove: (id: number) => http.delete<void>(`/attachments/${id}`, { quiet: true }),
  /** An absolute path for <img src> or a link (the session cookie authorizes it). */
  fileUrl: (a: Attachment, variant: 'original' | 'thumb' | 'display' = 'original') =>
    buildUrl(variant === 'original' ? a.url : variant === 'thumb' ? (a.thumb_url ?? a.url) : (a.display_url ?? a.url)),
};

/** Uploads files one by one; returns the stored ones and the messages of those refused. */
export async function uploadAll(
  owner: AttachmentOwner,
  ownerId: number,
  files: File[],
  subId = 0,
): Promise<{ stored: Attachment[]; errors: string[] }> {
  const stored: Attachment[] = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      stored.push(await attachmentsApi.upload(owner, ownerId, file, subId));
    } catch (e) {
      errors.push(`${file.name}：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { stored, errors };
}
