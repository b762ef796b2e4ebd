// The image stage's calls into libvips, which is loaded only when a photo is to be read or made
// (see vips.c). Only Sources/BulletinImages/ImageCodec.swift calls these; they take and give
// plain C types, so that nothing else sees libvips's or GLib's headers.
#ifndef BULLETIN_CVIPS_H
#define BULLETIN_CVIPS_H

#include <stddef.h>

typedef struct BulletinVipsImage BulletinVipsImage;

/// What identifies the libvips this program would load, found without loading it: the version of
/// the headers it was built with and the size and modification time of the library file.
/// Written into `buffer` (NUL-terminated); 0, or -1 when no library file is where it is looked for.
int bulletin_vips_identity(char *buffer, size_t size);

/// Loads and starts libvips, once; 0, or -1 with the reason in `bulletin_vips_load_error`.
/// Every function below calls libvips: call them only after this returned 0.
int bulletin_vips_load(void);
const char *bulletin_vips_load_error(void);
/// The loaded library's own version.
const char *bulletin_vips_version(void);

/// The header of an encoded image (its pixels are decoded only when asked for), failing on
/// truncated data rather than padding it with grey; NULL when it is no image libvips reads.
BulletinVipsImage *bulletin_vips_open(const void *buffer, size_t length);
/// The size as shown (upright, after the EXIF orientation), whether it has an alpha band and
/// whether it carries a colour profile.
void bulletin_vips_header(BulletinVipsImage *image, int *width, int *height, int *alpha, int *profile);
void bulletin_vips_stored_size(BulletinVipsImage *image, int *width, int *height);

/// The image upright, at most `width` pixels wide and never larger; converted to sRGB when `srgb`.
int bulletin_vips_thumbnail(void *buffer, size_t length, int width, int srgb, BulletinVipsImage **out);
/// The resized image in memory with every metadata field removed; NULL when it cannot be decoded.
BulletinVipsImage *bulletin_vips_detach(BulletinVipsImage *in);

int bulletin_vips_save_jpeg(BulletinVipsImage *in, void **buffer, size_t *length);
int bulletin_vips_save_webp(BulletinVipsImage *in, void **buffer, size_t *length);
int bulletin_vips_save_png(BulletinVipsImage *in, void **buffer, size_t *length);

void bulletin_vips_unref(BulletinVipsImage *image);
/// Frees a buffer a save call returned.
void bulletin_vips_free(void *buffer);
void bulletin_vips_error_clear(void);

/// Whether this libvips has the operation `name` (e.g. "heifload_buffer": libheif may be left out).
int bulletin_vips_has_operation(const char *name);

/// For tests: a grey (or red) image, with an alpha band when asked, carrying an EXIF orientation
/// and XMP metadata when given; `format` 0 JPEG, 1 PNG, 2 HEIC; in Display P3 with its profile
/// when `displayP3`. Its metadata is kept.
int bulletin_vips_test_image(int width, int height, int alpha, int format, int orientation, const char *xmp, int red,
                             int displayP3, void **buffer, size_t *length);
/// For tests: the first band values of the pixel at (x, y), or -1 when it cannot be read.
void bulletin_vips_pixel(const void *buffer, size_t length, int x, int y, double values[4]);
/// For tests: the size of an encoded image, or -1 when it cannot be read.
void bulletin_vips_size(const void *buffer, size_t length, int *width, int *height, int *bands);

#endif
