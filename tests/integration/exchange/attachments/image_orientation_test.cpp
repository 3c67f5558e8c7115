// Phone photos carry an EXIF Orientation instead of turned pixels: the renditions (display and
// thumbnail) must stand as the photo was taken. A small JPEG is drawn with libgd — its left half
// red, its right half blue — and given an EXIF block (libexif) with the orientation under test.
#include <gd.h>
#include <gtest/gtest.h>
#include <libexif/exif-data.h>

#include <cstdlib>
#include <string>

#include "exchange/attachments/image_previews.hpp"

namespace lingyan::exchange::attachments {
namespace {

constexpr int kWidth = 40, kHeight = 20;

// A 40×20 JPEG, red on the left and blue on the right; with an APP1 EXIF segment holding
// `orientation` when it is not 0.
std::string Photo(int orientation) {
    gdImagePtr im = gdImageCreateTrueColor(kWidth, kHeight);
    gdImageFilledRectangle(im, 0, 0, kWidth / 2 - 1, kHeight - 1, gdTrueColor(220, 0, 0));
    gdImageFilledRectangle(im, kWidth / 2, 0, kWidth - 1, kHeight - 1, gdTrueColor(0, 0, 220));
    int size = 0;
    void* data = gdImageJpegPtr(im, &size, 95);
    std::string jpeg(static_cast<const char*>(data), static_cast<std::size_t>(size));
    gdFree(data);
    gdImageDestroy(im);
    if (orientation == 0) return jpeg;

    ExifData* exif = exif_data_new();
    exif_data_set_byte_order(exif, EXIF_BYTE_ORDER_INTEL);
    ExifEntry* entry = exif_entry_new();
    exif_content_add_entry(exif->ifd[EXIF_IFD_0], entry);
    exif_entry_initialize(entry, EXIF_TAG_ORIENTATION);
    exif_set_short(entry->data, EXIF_BYTE_ORDER_INTEL, static_cast<ExifShort>(orientation));
    exif_entry_unref(entry);
    unsigned char* block = nullptr;
    unsigned int length = 0;
    exif_data_save_data(exif, &block, &length);  // "Exif\0\0" and the TIFF structure
    exif_data_unref(exif);
    std::string app1 = {'\xFF', '\xE1', static_cast<char>((length + 2) >> 8), static_cast<char>((length + 2) & 0xFF)};
    app1.append(reinterpret_cast<const char*>(block), length);
    std::free(block);
    return jpeg.substr(0, 2) + app1 + jpeg.substr(2);  // right after the start-of-image marker
}

struct Decoded {
    int width = 0, height = 0;
    gdImagePtr im = nullptr;
    explicit Decoded(const std::string& jpeg)
        : im(gdImageCreateFromJpegPtr(static_cast<int>(jpeg.size()), const_cast<char*>(jpeg.data()))) {
        if (im) width = gdImageSX(im), height = gdImageSY(im);
    }
    ~Decoded() {
        if (im) gdImageDestroy(im);
    }
    // "red" or "blue": which dominates the pixel.
    std::string Colour(int x, int y) const {
        const int c = gdImageGetTrueColorPixel(im, x, y);
        return gdTrueColorGetRed(c) > gdTrueColorGetBlue(c) ? "red" : "blue";
    }
};

TEST(ImageOrientation, ReadsTheExifTag) {
    EXPECT_EQ(JpegOrientation(Photo(0)), 1);
    EXPECT_EQ(JpegOrientation(Photo(6)), 6);
    EXPECT_EQ(JpegOrientation(Photo(3)), 3);
    EXPECT_EQ(JpegOrientation("not a jpeg"), 1);
}

TEST(ImageOrientation, OrientationSixTurnsTheRenditionsClockwise) {
    auto previews = MakePreviews(Photo(6), core::attachments::Type::kJpeg);
    ASSERT_TRUE(previews) << previews.error().message;
    for (const std::string* rendition : {&previews->display, &previews->thumb}) {
        Decoded d(*rendition);
        ASSERT_NE(d.im, nullptr);
        EXPECT_EQ(d.width, kHeight);  // stands upright: 20 wide, 40 high
        EXPECT_EQ(d.height, kWidth);
        EXPECT_EQ(d.Colour(10, 3), "red");    // the stored left edge is now the top
        EXPECT_EQ(d.Colour(10, 36), "blue");  // and the right edge the bottom
    }
}

TEST(ImageOrientation, EveryOrientationStandsUpright) {
    struct Case {
        int orientation, width, height;
        const char *top_left, *bottom_right;
    };
    // Where the red (stored left) half ends up, as a viewer turns the photo.
    const Case cases[] = {{0, 40, 20, "red", "blue"}, {1, 40, 20, "red", "blue"},  {2, 40, 20, "blue", "red"},
                          {3, 40, 20, "blue", "red"}, {4, 40, 20, "red", "blue"},  {5, 20, 40, "red", "blue"},
                          {6, 20, 40, "red", "blue"}, {7, 20, 40, "blue", "red"}, {8, 20, 40, "blue", "red"}};
    for (const auto& c : cases) {
        auto previews = MakePreviews(Photo(c.orientation), core::attachments::Type::kJpeg);
        ASSERT_TRUE(previews) << c.orientation;
        Decoded d(previews->display);
        ASSERT_NE(d.im, nullptr);
        EXPECT_EQ(d.width, c.width) << c.orientation;
        EXPECT_EQ(d.height, c.height) << c.orientation;
        EXPECT_EQ(d.Colour(3, 3), c.top_left) << c.orientation;
        EXPECT_EQ(d.Colour(d.width - 4, d.height - 4), c.bottom_right) << c.orientation;
    }
}

}  // namespace
}  // namespace lingyan::exchange::attachments
