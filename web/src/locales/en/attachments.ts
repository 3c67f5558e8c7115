// Attachments — English. ../zh-CN/attachments.ts has the same keys.
export default {
  attachments: {
    title: 'Photos and files',
    add: 'Add photos',
    addFiles: 'Add files',
    hint: 'JPEG/PNG/WebP photos, up to {mb} MB each',
    hintDocs: 'Photos or PDF, Excel, Word documents, up to {mb} MB each',
    chosen: 'Chosen files',
    unchoose: 'Remove {name} (not uploaded)',
    unchooseShort: 'Remove',
    tooLarge: 'File too large: at most {mb} MB per file',
    tooMany: 'At most {n} files',
    photoAlt: 'Photo: {name}',
    remove: 'Remove attachment {name}',
    removeShort: 'Remove',
    removed: 'Attachment removed',
    uploaded: '{n} file(s) uploaded',
    failed: 'Not uploaded: {list}',
    none: 'No attachments',
    uploading: 'Uploading…',
  },
};
