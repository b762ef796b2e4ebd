// libvips's calls take their options as a NULL-terminated list of name–value pairs, which Swift
// cannot pass; these wrappers fix the options the image stage uses. Only
// Sources/BulletinImages/ImageCodec.swift calls them.
#include <vips/vips.h>

static inline void bulletin_vips_ignore(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

static inline int bulletin_vips_start(void) {
    if (VIPS_INIT("bulletin")) return -1;
    // A corrupt photo is reported once, as a located error; libvips's own warnings about each of
    // its tiles would only bury it.
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, bulletin_vips_ignore, NULL);
    // Every image is read once per build from a buffer that is freed afterwards: an operation
    // cache would only hold memory (and buffers by address).
    vips_cache_set_max(0);
    // The build runs one image per core already.
    vips_concurrency_set(1);
    // libvips 8.14 compiles an ORC vector program for each resize it builds, and liborc 0.4.33
    // crashed (in orc_code_allocate_codemem) when two cores did so at once. The plain C path is
    // what libvips takes where ORC is missing; Tests/Benchmark/photos measures what it costs.
    vips_vector_set_enabled(FALSE);
    return 0;
}

/// The header of an encoded image (its pixels are decoded only when asked for), failing on
/// truncated data rather than padding it with grey.
static inline VipsImage *bulletin_vips_open(const void *buffer, size_t length) {
    return vips_image_new_from_buffer(buffer, length, "", "access", VIPS_ACCESS_SEQUENTIAL,
                                      "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
}

/// The image upright (its EXIF orientation applied), at most `width` pixels wide and never larger;
/// converted to sRGB when `srgb` (a photo with a colour profile of its own, such as a phone's
/// Display P3: its profile is removed afterwards, so its colours must be sRGB's). A photo with no
/// profile is sRGB already, and converting it would cost time and shift it slightly.
static inline int bulletin_vips_thumbnail(void *buffer, size_t length, int width, int srgb, VipsImage **out) {
    if (srgb)
        return vips_thumbnail_buffer(buffer, length, out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                                     "option_string", "fail_on=truncated", "export_profile", "srgb", NULL);
    return vips_thumbnail_buffer(buffer, length, out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                                 "option_string", "fail_on=truncated", NULL);
}

/// The resized image in memory, so that it is saved in two formats while its input is read once and
/// in order, with every metadata field removed: EXIF (with GPS), XMP, IPTC, ICC, the orientation.
/// (libvips 8.14's WebP writer ignores `strip`; the writers below are still asked to strip.)
static inline VipsImage *bulletin_vips_detach(VipsImage *in) {
    VipsImage *copy = NULL;
    if (vips_copy(in, &copy, NULL)) return NULL;
    VipsImage *memory = vips_image_copy_memory(copy);
    g_object_unref(copy);
    if (!memory) return NULL;
    gchar **fields = vips_image_get_fields(memory);
    for (int i = 0; fields[i]; i++) vips_image_remove(memory, fields[i]);
    g_strfreev(fields);
    return memory;
}

static inline int bulletin_vips_save_jpeg(VipsImage *in, void **buffer, size_t *length) {
    return vips_jpegsave_buffer(in, buffer, length, "Q", 80, "strip", TRUE, "optimize_coding", TRUE,
                                "interlace", TRUE, NULL);
}

static inline int bulletin_vips_save_webp(VipsImage *in, void **buffer, size_t *length) {
    return vips_webpsave_buffer(in, buffer, length, "Q", 75, "strip", TRUE, NULL);
}

static inline int bulletin_vips_save_png(VipsImage *in, void **buffer, size_t *length) {
    return vips_pngsave_buffer(in, buffer, length, "strip", TRUE, "compression", 6, NULL);
}

/// For tests: a grey image (with an alpha band when asked), carrying an EXIF orientation and XMP
/// metadata when given, as JPEG or PNG with its metadata kept.
/// Whether this libvips has the operation `name` (e.g. "heifload_buffer": libheif may be left out).
static inline int bulletin_vips_has_operation(const char *name) {
    return vips_type_find("VipsOperation", name) != 0;
}

/// For tests: `format` 0 JPEG, 1 PNG, 2 HEIC.
static inline int bulletin_vips_test_image(int width, int height, int alpha, int format, int orientation,
                                           const char *xmp, int red, int displayP3, void **buffer, size_t *length) {
    VipsImage *black = NULL, *grey = NULL;
    if (vips_black(&black, width, height, "bands", alpha ? 4 : 3, NULL)) return -1;
    double ones[4] = {1, 1, 1, 1}, greys[4] = {128, 128, 128, 255}, reds[4] = {200, 30, 30, 255};
    int failed = vips_linear(black, &grey, ones, red ? reds : greys, alpha ? 4 : 3, "uchar", TRUE, NULL);
    g_object_unref(black);
    if (failed) return -1;
    grey->Type = VIPS_INTERPRETATION_sRGB;
    if (displayP3) {
        // The same colours as a phone writes them: in Display P3, with its profile attached.
        VipsImage *p3 = NULL;
        failed = vips_icc_transform(grey, &p3, "p3", "input_profile", "srgb", "embedded", FALSE, NULL);
        g_object_unref(grey);
        if (failed) return -1;
        grey = p3;
    }
    if (orientation) vips_image_set_int(grey, VIPS_META_ORIENTATION, orientation);
    if (xmp) {
        size_t size = strlen(xmp);
        void *copy = g_malloc(size);
        memcpy(copy, xmp, size);
        vips_image_set_blob(grey, VIPS_META_XMP_NAME, (VipsCallbackFn) g_free, copy, size);
    }
    failed = format == 1 ? vips_pngsave_buffer(grey, buffer, length, NULL)
           : format == 2 ? vips_heifsave_buffer(grey, buffer, length, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, NULL)
                         : vips_jpegsave_buffer(grey, buffer, length, "Q", 90, NULL);
    g_object_unref(grey);
    return failed;
}

/// For tests: the first band values of the pixel at (x, y), or -1 when it cannot be read.
static inline void bulletin_vips_pixel(const void *buffer, size_t length, int x, int y, double values[4]) {
    values[0] = values[1] = values[2] = values[3] = -1;
    VipsImage *image = vips_image_new_from_buffer(buffer, length, "", NULL);
    if (!image) { vips_error_clear(); return; }
    double *vector = NULL;
    int count = 0;
    if (vips_getpoint(image, &vector, &count, x, y, NULL) == 0) {
        for (int i = 0; i < count && i < 4; i++) values[i] = vector[i];
        g_free(vector);
    } else {
        vips_error_clear();
    }
    g_object_unref(image);
}

/// For tests: the size of an encoded image, or -1 when it cannot be read.
static inline void bulletin_vips_size(const void *buffer, size_t length, int *width, int *height, int *bands) {
    *width = *height = *bands = -1;
    VipsImage *image = vips_image_new_from_buffer(buffer, length, "", NULL);
    if (!image) { vips_error_clear(); return; }
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    *bands = vips_image_get_bands(image);
    g_object_unref(image);
}
