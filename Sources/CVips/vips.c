// libvips, loaded with dlopen the first time a photo is read or made, rather than linked: linked,
// the dynamic loader mapped it and some eighty libraries it needs and resolved their symbols at
// the start of every command (`bulletin --version` took 94 ms instead of 25 on the benchmark
// machine), though most builds take every photo from the cache and most commands make none.
//
// Every libvips and GLib function is called through a pointer that `bulletin_vips_load` finds with
// dlsym, each typed from libvips's own declaration; calling one by name would need the library at
// link time, so the link fails if one is.
//
// libvips's calls take their options as a NULL-terminated list of name–value pairs, which Swift
// cannot pass; these wrappers fix the options the image stage uses.

#ifndef BULLETIN_VIPS_LIBDIR
// Package.swift asks pkg-config for libvips's folder and headers; without them nothing here compiles.
#error "libvips-dev and pkg-config are needed to build: run `make deps` (or apt-get install libvips-dev pkg-config), then `rm -rf .build` so that Package.swift asks pkg-config again"
#endif

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vips/vips.h>
#include <vips/vector.h>

#include "CVips.h"

#define BULLETIN_VIPS_CALLS(X) \
    X(vips_version) X(vips_version_string) X(vips_init) X(vips_error_buffer) X(vips_error_clear) X(g_log_set_handler) X(vips_cache_set_max) \
    X(vips_concurrency_set) X(vips_vector_set_enabled) X(vips_type_find) X(g_object_unref) X(g_free) X(g_malloc) \
    X(g_strfreev) X(vips_image_new_from_buffer) X(vips_image_get_orientation_swap) X(vips_image_get_width) \
    X(vips_image_get_height) X(vips_image_get_bands) X(vips_image_hasalpha) X(vips_image_get_typeof) \
    X(vips_thumbnail_buffer) X(vips_copy) X(vips_image_copy_memory) X(vips_image_get_fields) X(vips_image_remove) \
    X(vips_jpegsave_buffer) X(vips_webpsave_buffer) X(vips_pngsave_buffer) X(vips_heifsave_buffer) X(vips_black) \
    X(vips_linear) X(vips_icc_transform) X(vips_image_set_int) X(vips_image_set_blob) X(vips_getpoint)

#define BULLETIN_VIPS_DECLARE(name) static __typeof__(name) *call_##name;
BULLETIN_VIPS_CALLS(BULLETIN_VIPS_DECLARE)

// The library's file name comes from the headers' ABI version (libtool's current minus age: 42
// for every libvips 8); it is looked for where pkg-config said it is, and otherwise by that name.
#define BULLETIN_VIPS_ABI (VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE)

static void library_name(char *buffer, size_t size) {
    snprintf(buffer, size, "libvips.so.%d", BULLETIN_VIPS_ABI);
}

static int library_path(char *buffer, size_t size) {
    char name[64];
    library_name(name, sizeof name);
    snprintf(buffer, size, "%s/%s", BULLETIN_VIPS_LIBDIR, name);
    return access(buffer, R_OK) == 0 ? 0 : -1;
}

int bulletin_vips_identity(char *buffer, size_t size) {
    char path[4096];
    struct stat status;
    if (library_path(path, sizeof path) != 0 || stat(path, &status) != 0) return -1;
    // Size and time, not the inode: dpkg gives the file the time it has in the package, so every
    // machine with the same libvips package names the same photos alike, and reinstalling it
    // remakes nothing.
    snprintf(buffer, size, "%s %lld-%lld", VIPS_VERSION, (long long) status.st_size, (long long) status.st_mtim.tv_sec);
    return 0;
}

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_result = -1;
static char load_error[512];

static void ignore_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

static void load(void) {
    char path[4096];
    if (library_path(path, sizeof path) != 0) library_name(path, sizeof path);
    void *library = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
    if (!library) {
        snprintf(load_error, sizeof load_error, "%s", dlerror());
        return;
    }
#define BULLETIN_VIPS_FIND(name) \
    if (!(call_##name = (__typeof__(name) *) dlsym(library, #name))) { \
        snprintf(load_error, sizeof load_error, "%s: no %s", path, #name); \
        return; \
    }
    BULLETIN_VIPS_CALLS(BULLETIN_VIPS_FIND)
    // What VIPS_INIT checks: a library of another ABI lays its structures out otherwise.
    int abi = call_vips_version(3) - call_vips_version(5);
    if (abi != BULLETIN_VIPS_ABI) {
        snprintf(load_error, sizeof load_error, "%s has ABI version %d, this program was built for %d", path, abi, BULLETIN_VIPS_ABI);
        return;
    }
    if (call_vips_init("bulletin")) {
        snprintf(load_error, sizeof load_error, "vips_init: %s", call_vips_error_buffer());
        return;
    }
    // A corrupt photo is reported once, as a located error; libvips's own warnings about each of
    // its tiles would only bury it.
    call_g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, ignore_log, NULL);
    // Every image is read once per build from a buffer that is freed afterwards: an operation
    // cache would only hold memory (and buffers by address).
    call_vips_cache_set_max(0);
    // The build runs one image per core already.
    call_vips_concurrency_set(1);
    // libvips 8.14 compiles an ORC vector program for each resize it builds, and liborc 0.4.33
    // crashed (in orc_code_allocate_codemem) when two cores did so at once. The plain C path is
    // what libvips takes where ORC is missing; Tests/Benchmark/photos measures what it costs.
    call_vips_vector_set_enabled(FALSE);
    load_result = 0;
}

int bulletin_vips_load(void) {
    pthread_once(&load_once, load);
    return load_result;
}

const char *bulletin_vips_load_error(void) {
    return load_error;
}

const char *bulletin_vips_version(void) {
    return call_vips_version_string();
}

BulletinVipsImage *bulletin_vips_open(const void *buffer, size_t length) {
    return (BulletinVipsImage *) call_vips_image_new_from_buffer(buffer, length, "", "access", VIPS_ACCESS_SEQUENTIAL,
                                                                 "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
}

void bulletin_vips_header(BulletinVipsImage *handle, int *width, int *height, int *alpha, int *profile) {
    VipsImage *image = (VipsImage *) handle;
    int swap = call_vips_image_get_orientation_swap(image);
    int stored_width = call_vips_image_get_width(image), stored_height = call_vips_image_get_height(image);
    *width = swap ? stored_height : stored_width;
    *height = swap ? stored_width : stored_height;
    *alpha = call_vips_image_hasalpha(image) != 0;
    *profile = call_vips_image_get_typeof(image, VIPS_META_ICC_NAME) != 0;
}

void bulletin_vips_stored_size(BulletinVipsImage *handle, int *width, int *height) {
    *width = call_vips_image_get_width((VipsImage *) handle);
    *height = call_vips_image_get_height((VipsImage *) handle);
}

// A photo with no profile is sRGB already, and converting it would cost time and shift it
// slightly; a phone's photo in Display P3 is converted, since its profile is removed afterwards.
int bulletin_vips_thumbnail(void *buffer, size_t length, int width, int srgb, BulletinVipsImage **out) {
    VipsImage **image = (VipsImage **) out;
    if (srgb)
        return call_vips_thumbnail_buffer(buffer, length, image, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                                          "option_string", "fail_on=truncated", "export_profile", "srgb", NULL);
    return call_vips_thumbnail_buffer(buffer, length, image, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                                      "option_string", "fail_on=truncated", NULL);
}

// In memory, so that it is saved in two formats while its input is read once and in order, with
// every metadata field removed: EXIF (with GPS), XMP, IPTC, ICC, the orientation. (libvips 8.14's
// WebP writer ignores `strip`; the writers below are still asked to strip.)
BulletinVipsImage *bulletin_vips_detach(BulletinVipsImage *handle) {
    VipsImage *copy = NULL;
    if (call_vips_copy((VipsImage *) handle, &copy, NULL)) return NULL;
    VipsImage *memory = call_vips_image_copy_memory(copy);
    call_g_object_unref(copy);
    if (!memory) return NULL;
    gchar **fields = call_vips_image_get_fields(memory);
    for (int i = 0; fields[i]; i++) call_vips_image_remove(memory, fields[i]);
    call_g_strfreev(fields);
    return (BulletinVipsImage *) memory;
}

int bulletin_vips_save_jpeg(BulletinVipsImage *in, void **buffer, size_t *length) {
    return call_vips_jpegsave_buffer((VipsImage *) in, buffer, length, "Q", 80, "strip", TRUE, "optimize_coding", TRUE,
                                     "interlace", TRUE, NULL);
}

int bulletin_vips_save_webp(BulletinVipsImage *in, void **buffer, size_t *length) {
    return call_vips_webpsave_buffer((VipsImage *) in, buffer, length, "Q", 75, "strip", TRUE, NULL);
}

int bulletin_vips_save_png(BulletinVipsImage *in, void **buffer, size_t *length) {
    return call_vips_pngsave_buffer((VipsImage *) in, buffer, length, "strip", TRUE, "compression", 6, NULL);
}

void bulletin_vips_unref(BulletinVipsImage *image) {
    call_g_object_unref(image);
}

void bulletin_vips_free(void *buffer) {
    call_g_free(buffer);
}

void bulletin_vips_error_clear(void) {
    call_vips_error_clear();
}

int bulletin_vips_has_operation(const char *name) {
    return call_vips_type_find("VipsOperation", name) != 0;
}

int bulletin_vips_test_image(int width, int height, int alpha, int format, int orientation, const char *xmp, int red,
                             int displayP3, void **buffer, size_t *length) {
    VipsImage *black = NULL, *grey = NULL;
    if (call_vips_black(&black, width, height, "bands", alpha ? 4 : 3, NULL)) return -1;
    double ones[4] = {1, 1, 1, 1}, greys[4] = {128, 128, 128, 255}, reds[4] = {200, 30, 30, 255};
    int failed = call_vips_linear(black, &grey, ones, red ? reds : greys, alpha ? 4 : 3, "uchar", TRUE, NULL);
    call_g_object_unref(black);
    if (failed) return -1;
    grey->Type = VIPS_INTERPRETATION_sRGB;
    if (displayP3) {
        // The same colours as a phone writes them: in Display P3, with its profile attached.
        VipsImage *p3 = NULL;
        failed = call_vips_icc_transform(grey, &p3, "p3", "input_profile", "srgb", "embedded", FALSE, NULL);
        call_g_object_unref(grey);
        if (failed) return -1;
        grey = p3;
    }
    if (orientation) call_vips_image_set_int(grey, VIPS_META_ORIENTATION, orientation);
    if (xmp) {
        size_t size = strlen(xmp);
        void *copy = call_g_malloc(size);
        memcpy(copy, xmp, size);
        call_vips_image_set_blob(grey, VIPS_META_XMP_NAME, (VipsCallbackFn) call_g_free, copy, size);
    }
    failed = format == 1 ? call_vips_pngsave_buffer(grey, buffer, length, NULL)
           : format == 2 ? call_vips_heifsave_buffer(grey, buffer, length, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, NULL)
                         : call_vips_jpegsave_buffer(grey, buffer, length, "Q", 90, NULL);
    call_g_object_unref(grey);
    return failed;
}

void bulletin_vips_pixel(const void *buffer, size_t length, int x, int y, double values[4]) {
    values[0] = values[1] = values[2] = values[3] = -1;
    VipsImage *image = call_vips_image_new_from_buffer(buffer, length, "", NULL);
    if (!image) { call_vips_error_clear(); return; }
    double *vector = NULL;
    int count = 0;
    if (call_vips_getpoint(image, &vector, &count, x, y, NULL) == 0) {
        for (int i = 0; i < count && i < 4; i++) values[i] = vector[i];
        call_g_free(vector);
    } else {
        call_vips_error_clear();
    }
    call_g_object_unref(image);
}

void bulletin_vips_size(const void *buffer, size_t length, int *width, int *height, int *bands) {
    *width = *height = *bands = -1;
    VipsImage *image = call_vips_image_new_from_buffer(buffer, length, "", NULL);
    if (!image) { call_vips_error_clear(); return; }
    *width = call_vips_image_get_width(image);
    *height = call_vips_image_get_height(image);
    *bands = call_vips_image_get_bands(image);
    call_g_object_unref(image);
}
