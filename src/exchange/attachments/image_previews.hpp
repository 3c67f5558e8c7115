#pragma once
// The attachment store's image renditions with libgd (Debian libgd-dev): a JPEG, PNG or WebP is
// decoded (a file that does not decode is refused as corrupt) and scaled down, keeping its aspect,
// to a thumbnail (longest side ≤ 320 px) and a display size (≤ 1600 px), both JPEG on a white
// background (transparent PNG/WebP areas become white). Smaller images keep their size. A JPEG's
// EXIF Orientation (read with libexif; phones store the sensor's rows and say how to turn them) is
// applied to both renditions, so that they stand as the photo was taken; the original is kept as sent.
// Thread-safe (libgd keeps no shared state for these calls).

#include <string_view>

#include "app/attachments/attachment_service.hpp"

namespace lingyan::exchange::attachments {

inline constexpr int kThumbSide = 320;
inline constexpr int kDisplaySide = 1600;

// The EXIF Orientation of a JPEG (1–8; 1 = as stored, 6 = turn 90° clockwise, …), 1 when it has
// none or it does not parse.
int JpegOrientation(std::string_view bytes);

core::Result<app::ImagePreviews> MakePreviews(std::string_view bytes, core::attachments::Type type);

}  // namespace lingyan::exchange::attachments
