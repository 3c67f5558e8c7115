#pragma once
// What the attachments responses show of a file's record (http/server/described_json.hpp). The
// handlers add its owner, type, labels and address.

#include "core/attachments/attachment.hpp"
#include "http/server/described_json.hpp"

namespace lingyan::core::attachments {
BOOST_DESCRIBE_STRUCT(Attachment, (),
                      (id, owner_id, sub_id, name, size, sha256, width, height, uploaded_by, uploaded_at))
}  // namespace lingyan::core::attachments
