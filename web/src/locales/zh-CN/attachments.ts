// 附件 — Chinese (default). ../en/attachments.ts has the same keys.
export default {
  attachments: {
    title: '照片与附件',
    add: '添加照片',
    addFiles: '添加附件',
    hint: 'JPEG/PNG/WebP 照片，每个不超过 {mb} MB',
    hintDocs: '照片或 PDF、Excel、Word 文档，每个不超过 {mb} MB',
    chosen: '已选择的文件',
    unchoose: '移除 {name}（不上传）',
    unchooseShort: '移除',
    tooLarge: '文件过大：每个附件不超过 {mb} MB',
    tooMany: '最多选择 {n} 个文件',
    photoAlt: '照片：{name}',
    remove: '移除附件 {name}',
    removeShort: '移除',
    removed: '附件已移除',
    uploaded: '已上传 {n} 个附件',
    failed: '以下附件未上传：{list}',
    none: '暂无附件',
    uploading: '正在上传…',
  },
};
