// The attachment store's type sniffing and limits (core/attachments): the type comes from the
// bytes, never the name; an image's size comes from its header; names are cleaned and checked
// against the content.
#include <gtest/gtest.h>

#include <string>

#include "core/attachments/attachment.hpp"

namespace lingyan::core::attachments {
namespace {

std::string Bytes(std::initializer_list<int> b) {
    std::string s;
    for (int c : b) s += static_cast<char>(c);
    return s;
}

// A PNG signature and IHDR chunk of the given size (the rest of the file does not matter here).
std::string PngHeader(std::uint32_t w, std::uint32_t h) {
    std::string s = Bytes({0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}) + "IHDR";
    for (std::uint32_t v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
    return s + Bytes({8, 2, 0, 0, 0, 0, 0, 0, 0});
}

// SOI, an APP0 segment, then SOF0 with the given size.
std::string JpegHeader(int w, int h) {
    std::string s = Bytes({0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10}) + "JFIF" + std::string(10, '\0');
    s += Bytes({0xFF, 0xC0, 0x00, 0x11, 0x08, h >> 8, h & 0xFF, w >> 8, w & 0xFF, 0x03}) + std::string(9, '\x01');
    // The first scan (SOS), its entropy-coded data, the end marker.
    return s + Bytes({0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00}) + "scan-data" + Bytes({0xFF, 0xD9});
}

std::string Riff(const std::string& chunk, const std::string& payload) {
    return "RIFF" + Bytes({0, 0, 0, 0}) + "WEBP" + chunk + Bytes({0, 0, 0, 0}) + payload;
}

TEST(AttachmentSniff, ImagesByMagicNumberWithSizeFromTheHeader) {
    auto png = Sniff(PngHeader(640, 480));
    ASSERT_TRUE(png) << png.error().message;
    EXPECT_EQ(png->type, Type::kPng);
    EXPECT_EQ(png->width, 640);
    EXPECT_EQ(png->height, 480);

    auto jpeg = Sniff(JpegHeader(1024, 768));
    ASSERT_TRUE(jpeg) << jpeg.error().message;
    EXPECT_EQ(jpeg->type, Type::kJpeg);
    EXPECT_EQ(jpeg->width, 1024);
    EXPECT_EQ(jpeg->height, 768);

    // WebP lossy (VP8): frame tag, start code, 14-bit sizes; lossless (VP8L); extended (VP8X).
    auto lossy = Sniff(Riff("VP8 ", Bytes({0, 0, 0, 0x9D, 0x01, 0x2A, 0x20, 0x03, 0x58, 0x02})));
    ASSERT_TRUE(lossy) << lossy.error().message;
    EXPECT_EQ(lossy->type, Type::kWebp);
    EXPECT_EQ(lossy->width, 800);
    EXPECT_EQ(lossy->height, 600);
    // VP8L: 0x2f, then width-1 = 99 and height-1 = 49 packed in 14-bit fields.
    const std::uint32_t bits = 99u | (49u << 14);
    auto lossless = Sniff(Riff("VP8L", Bytes({0x2F, static_cast<int>(bits & 0xFF), static_cast<int>((bits >> 8) & 0xFF),
                                              static_cast<int>((bits >> 16) & 0xFF), static_cast<int>(bits >> 24), 0, 0, 0, 0, 0})));
    ASSERT_TRUE(lossless) << lossless.error().message;
    EXPECT_EQ(lossless->width, 100);
    EXPECT_EQ(lossless->height, 50);
    auto extended = Sniff(Riff("VP8X", Bytes({0, 0, 0, 0, 0x1F, 0x03, 0x00, 0xEF, 0x02, 0x00})));
    ASSERT_TRUE(extended) << extended.error().message;
    EXPECT_EQ(extended->width, 800);
    EXPECT_EQ(extended->height, 752);
}

TEST(AttachmentSniff, DocumentsByContent) {
    auto pdf = Sniff("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
    ASSERT_TRUE(pdf);
    EXPECT_EQ(pdf->type, Type::kPdf);
    const std::string zip = Bytes({'P', 'K', 3, 4}) + std::string(26, '\0');
    auto xlsx = Sniff(zip + "[Content_Types].xml" + zip + "xl/workbook.xml");
    ASSERT_TRUE(xlsx);
    EXPECT_EQ(xlsx->type, Type::kXlsx);
    auto docx = Sniff(zip + "[Content_Types].xml" + zip + "word/document.xml");
    ASSERT_TRUE(docx);
    EXPECT_EQ(docx->type, Type::kDocx);
    // A ZIP that is neither (no content types, or an .apk-like archive) is refused.
    auto other = Sniff(zip + "classes.dex");
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().field, "file");
}

TEST(AttachmentSniff, RefusesWhatIsNotAnAcceptedType) {
    for (const std::string& bytes : {std::string("hello, this is text pretending to be a photo"),
                                     std::string("GIF89a\x01\x00\x01\x00"), std::string("<svg xmlns=\"…\"/>"),
                                     Bytes({0x4D, 0x5A, 0x90, 0x00})}) {
        auto r = Sniff(bytes);
        ASSERT_FALSE(r) << bytes;
        EXPECT_EQ(r.error().code, errc::kInvalid);
        EXPECT_EQ(r.error().field, "file");
        EXPECT_NE(r.error().message.find("不支持的文件类型"), std::string::npos) << r.error().message;
    }
    EXPECT_FALSE(Sniff(""));
}

TEST(AttachmentSniff, RefusesCorruptImageHeaders) {
    // A JPEG start with no frame header, a PNG cut inside IHDR, zero-sized images.
    auto jpeg = Sniff(Bytes({0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10}) + "JFIF");
    ASSERT_FALSE(jpeg);
    EXPECT_NE(jpeg.error().message.find("图片已损坏"), std::string::npos) << jpeg.error().message;
    EXPECT_FALSE(Sniff(PngHeader(10, 10).substr(0, 20)));
    // A JPEG cut short after its scan started (an interrupted upload): no end marker.
    const std::string whole = JpegHeader(64, 48);
    auto cut = Sniff(whole.substr(0, whole.size() - 4));
    ASSERT_FALSE(cut);
    EXPECT_NE(cut.error().message.find("不完整"), std::string::npos) << cut.error().message;
    EXPECT_FALSE(Sniff(PngHeader(0, 10)));
    EXPECT_FALSE(Sniff(JpegHeader(0, 0)));
}

TEST(AttachmentLimits, SizeAndPixels) {
    // One byte over the per-file limit is refused as too large, whatever the content.
    std::string big = "%PDF-" + std::string(kMaxBytes - 5, ' ');
    EXPECT_TRUE(Sniff(big));
    big += ' ';
    auto r = Sniff(big);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::kTooLarge);
    // A small file that declares a huge picture (a decompression bomb) is refused before decoding.
    auto bomb = Sniff(PngHeader(20000, 20000));
    ASSERT_FALSE(bomb);
    EXPECT_NE(bomb.error().message.find("像素过多"), std::string::npos);
    EXPECT_TRUE(Sniff(PngHeader(7000, 7000)));  // 49 megapixels: under the limit
}

TEST(AttachmentNames, CleanedAndCheckedAgainstTheContent) {
    EXPECT_EQ(*CleanName("C:\\Users\\王\\现场照片.jpg", Type::kJpeg), "现场照片.jpg");
    EXPECT_EQ(*CleanName("../../etc/passwd.pdf", Type::kPdf), "passwd.pdf");
    EXPECT_EQ(*CleanName("a\"b\r\n.pdf", Type::kPdf), "ab.pdf");
    EXPECT_EQ(*CleanName("", Type::kPng), "附件.png");
    EXPECT_EQ(*CleanName("说明", Type::kDocx), "说明");
    // A photo saved under another image extension keeps its name with the right one.
    EXPECT_EQ(*CleanName("IMG_1.jpg", Type::kPng), "IMG_1.png");
    // A document named as a photo, or a photo named as a document, is refused naming the field.
    auto bad = CleanName("照片.jpg", Type::kPdf);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "name");
    EXPECT_NE(bad.error().message.find("不是图片"), std::string::npos) << bad.error().message;
    EXPECT_FALSE(CleanName("表格.xlsx", Type::kJpeg));
    // Long names are cut on a character boundary, keeping the extension.
    std::string longname;
    for (int i = 0; i < 60; ++i) longname += "长";
    auto cut = CleanName(longname + ".pdf", Type::kPdf);
    ASSERT_TRUE(cut);
    EXPECT_LE(cut->size(), kMaxNameBytes);
    EXPECT_TRUE(cut->ends_with(".pdf"));
    EXPECT_EQ((cut->size() - 4) % 3, 0u);
}

TEST(AttachmentTypes, NamesRoundTrip) {
    for (Type t : {Type::kJpeg, Type::kPng, Type::kWebp, Type::kPdf, Type::kXlsx, Type::kDocx}) {
        EXPECT_EQ(TypeFromName(TypeName(t)), t);
        EXPECT_FALSE(MimeOf(t).empty());
    }
    EXPECT_TRUE(IsImage(Type::kWebp));
    EXPECT_FALSE(IsImage(Type::kPdf));
    EXPECT_TRUE(KnownOwner("ticket"));
    EXPECT_TRUE(KnownOwner("project"));
    EXPECT_TRUE(KnownOwner("declaration"));
    EXPECT_FALSE(KnownOwner("meeting"));
}

}  // namespace
}  // namespace lingyan::core::attachments
