#pragma once
// The attachment store's image renditions with libgd (Debian libgd-dev): a JPEG, PNG or WebP is
// decoded (a file that does not decode is refused as corrupt) and scaled down, keeping its aspect,
// to a thumbnail (longest side ≤ 320 px) and a display size (≤ 1600 px), both JPEG on a white
// background (transparent PNG/WebP areas become white). Smaller images keep their size.
// Thread-safe (libgd keeps no shared state for these calls).

#include <string_view>

#include "app/attachments/attachment_service.hpp"

namespace lingyan::exchange::attachments {

inline constexpr int kThumbSide = 320;
inline constexpr int kDisplaySide = 1600;

core::Result<app::ImagePreviews> MakePreviews(std::string_view bytes, core::attachments::Type type);

}  // namespace lingyan::exchange::attachments
