#include "exchange/attachments/image_previews.hpp"

#include <gd.h>
#include <gd_errors.h>
#include <libexif/exif-data.h>

#include <algorithm>
#include <cstdarg>
#include <memory>
#include <string>

namespace lingyan::exchange::attachments {

namespace at = core::attachments;

namespace {

// libgd reports what libjpeg and libpng recover from (corrupt data painted grey) as warnings
// through one process-wide error method; a warning while this thread decodes refuses the image.
thread_local bool t_decoding = false, t_warned = false;

void OnGdMessage(int priority, const char* /*format*/, va_list /*args*/) {
    if (t_decoding && priority <= GD_WARNING) t_warned = true;
}

struct ImageDeleter {
    void operator()(gdImage* im) const { gdImageDestroy(im); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;

Image DecodeAny(std::string_view bytes, at::Type type) {
    void* data = const_cast<char*>(bytes.data());  // libgd reads only
    const int size = static_cast<int>(bytes.size());
    switch (type) {
        case at::Type::kJpeg: return Image(gdImageCreateFromJpegPtrEx(size, data, 0));
        case at::Type::kPng: return Image(gdImageCreateFromPngPtr(size, data));
        case at::Type::kWebp: return Image(gdImageCreateFromWebpPtr(size, data));
        default: return nullptr;
    }
}

// The decoded image, or null when it does not decode or decoding warned.
Image Decode(std::string_view bytes, at::Type type) {
    static const bool installed = [] {
        gdSetErrorMethod(OnGdMessage);
        return true;
    }();
    (void)installed;
    t_decoding = true;
    t_warned = false;
    Image im = DecodeAny(bytes, type);
    t_decoding = false;
    if (t_warned) return nullptr;
    return im;
}

// `src` scaled so that its longer side is at most `side`, on white.
Image Scaled(gdImage* src, int side) {
    const int w = gdImageSX(src), h = gdImageSY(src);
    const double scale = std::min(1.0, static_cast<double>(side) / std::max(w, h));
    const int tw = std::max(1, static_cast<int>(w * scale + 0.5)), th = std::max(1, static_cast<int>(h * scale + 0.5));
    Image out(gdImageCreateTrueColor(tw, th));
    if (!out) return nullptr;
    gdImageFilledRectangle(out.get(), 0, 0, tw - 1, th - 1, gdTrueColor(255, 255, 255));
    gdImageAlphaBlending(out.get(), 1);
    gdImageCopyResampled(out.get(), src, 0, 0, 0, 0, tw, th, w, h);
    return out;
}

// `src` turned and mirrored as EXIF `orientation` says (2–8); the same image for 1.
Image Oriented(Image src, int orientation) {
    if (!src || orientation < 2 || orientation > 8) return src;
    const int w = gdImageSX(src.get()), h = gdImageSY(src.get());
    const bool swap = orientation >= 5;  // 5–8 turn by a quarter: width and height trade places
    Image out(gdImageCreateTrueColor(swap ? h : w, swap ? w : h));
    if (!out) return nullptr;
    const int ow = gdImageSX(out.get()), oh = gdImageSY(out.get());
    for (int y = 0; y < oh; ++y) {
        for (int x = 0; x < ow; ++x) {
            int sx = x, sy = y;  // the source pixel shown at (x, y)
            switch (orientation) {
                case 2: sx = w - 1 - x; break;                      // mirrored
                case 3: sx = w - 1 - x, sy = h - 1 - y; break;      // upside down
                case 4: sy = h - 1 - y; break;                      // mirrored upside down
                case 5: sx = y, sy = x; break;                      // transposed
                case 6: sx = y, sy = h - 1 - x; break;              // turn 90° clockwise
                case 7: sx = w - 1 - y, sy = h - 1 - x; break;      // transversed
                case 8: sx = w - 1 - y, sy = x; break;              // turn 90° counter-clockwise
            }
            gdImageTrueColorPixel(out.get(), x, y) = gdImageTrueColorPixel(src.get(), sx, sy);
        }
    }
    return out;
}

// JPEG bytes of an image ("" on failure).
std::string Jpeg(gdImage* im) {
    if (!im) return {};
    int length = 0;
    void* jpeg = gdImageJpegPtr(im, &length, 82);
    if (!jpeg) return {};
    std::string bytes(static_cast<const char*>(jpeg), static_cast<std::size_t>(length));
    gdFree(jpeg);
    return bytes;
}

}  // namespace

int JpegOrientation(std::string_view bytes) {
    ExifData* exif = exif_data_new_from_data(reinterpret_cast<const unsigned char*>(bytes.data()),
                                             static_cast<unsigned int>(bytes.size()));
    if (!exif) return 1;
    int orientation = 1;
    if (ExifEntry* entry = exif_data_get_entry(exif, EXIF_TAG_ORIENTATION);
        entry && entry->format == EXIF_FORMAT_SHORT && entry->components >= 1 && entry->data) {
        orientation = exif_get_short(entry->data, exif_data_get_byte_order(exif));
    }
    exif_data_unref(exif);
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

core::Result<app::ImagePreviews> MakePreviews(std::string_view bytes, at::Type type) {
    if (!at::IsImage(type)) return core::Invalid("不是图片", "file");
    Image im = Decode(bytes, type);
    if (!im || gdImageSX(im.get()) <= 0 || gdImageSY(im.get()) <= 0)
        return core::Invalid("图片已损坏或无法解码（" + std::string(at::TypeLabel(type)) + "），请换一张照片", "file");
    if (!gdImageTrueColor(im.get())) gdImagePaletteToTrueColor(im.get());
    // The thumbnail is scaled from the display size: the full picture is resampled once.
    // Turned after scaling: the smaller picture is the one walked pixel by pixel.
    Image display = Scaled(im.get(), kDisplaySide);
    if (type == at::Type::kJpeg) display = Oriented(std::move(display), JpegOrientation(bytes));
    Image thumb = display ? Scaled(display.get(), kThumbSide) : nullptr;
    app::ImagePreviews p{Jpeg(thumb.get()), Jpeg(display.get())};
    if (p.thumb.empty() || p.display.empty()) return core::Invalid("图片无法处理，请换一张照片", "file");
    return p;
}

}  // namespace lingyan::exchange::attachments
